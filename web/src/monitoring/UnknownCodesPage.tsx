import { Alert, Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { monitoringApi } from './api';
import { cst, MonitoringNav } from './shared';
import type { UnknownCode } from './types';

/** Codes outside HJ 212-2017 附录 B (after the 2005 mapping): listed for review, never stored as a series. */
export default function UnknownCodesPage() {
  const { t } = useTranslation();
  const load = useLoad((signal) => monitoringApi.unknownCodes(signal), []);
  return (
    <>
      <MonitoringNav />
      <Card title={t('monitoring.manage.unknownTitle')}>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('monitoring.manage.unknownNote')} />
        <ListPage<UnknownCode> load={load} rowKey={(r) => `${r.deviceId}|${r.code}`} size="small" data-testid="unknown-codes" empty={t('emptyState.monitoringUnknownCodes')}
          columns={[
            { title: t('monitoring.manage.code'), dataIndex: 'code', width: 120, render: (v: string) => <Tag color="orange">{v}</Tag> },
            { title: 'MN', dataIndex: 'mn', render: (v: string) => <code>{v}</code> },
            { title: t('monitoring.manage.enterprise'), dataIndex: 'enterpriseName' },
            { title: 'CN', dataIndex: 'cn', width: 80 },
            { title: t('monitoring.count'), dataIndex: 'count', width: 90 },
            { title: t('monitoring.manage.firstSeen'), dataIndex: 'firstSeenAt', width: 150, render: (v: string) => cst(v) },
            { title: t('monitoring.manage.lastSeen'), dataIndex: 'lastSeenAt', width: 150, render: (v: string) => cst(v) },
          ]} />
      </Card>
    </>
  );
}
