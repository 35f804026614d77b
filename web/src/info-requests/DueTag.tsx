import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InfoRequest } from './api';

/** The reply clock: the due date (暂定 where the year's holidays are not recorded), or why it does not run. */
export function DueTag({ r }: { r: InfoRequest }) {
  const { t } = useTranslation();
  if (r.status === 'replied') return <span>{r.repliedOn}</span>;
  if (!r.clock) return <span>—</span>;
  if (r.clock.state !== 'running') return <Tag color="blue">{t(`infoRequests.clock.${r.clock.state}`)}</Tag>;
  return (
    <Space size={4}>
      <Tag color={r.overdue ? 'red' : undefined}>{r.clock.dueOn}</Tag>
      {r.clock.provisional && <Tag color="gold">{t('infoRequests.provisional')}</Tag>}
    </Space>
  );
}
