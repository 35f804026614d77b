// The 暂定 marker of a deadline computed on the provisional calendar of a year whose State Council
// holiday arrangement is not on record (src/law/provisional-calendar.ts): the earliest possible date.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export function ProvisionalTag({ provisional, testId }: { provisional: boolean | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (!provisional) return null;
  return (
    <Tooltip title={t('cases.deadline.provisionalHelp')}>
      <Tag color="gold" data-testid={testId ?? 'deadline-provisional'}>{t('cases.deadline.provisional')}</Tag>
    </Tooltip>
  );
}
