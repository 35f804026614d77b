import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { monitoringApi } from './api';
import { cst, MonitoringNav } from './shared';

const STATS = ['connections', 'frames', 'accepted', 'acknowledged', 'rejected', 'storedPackets', 'storedRows', 'queueRows', 'pausedSockets', 'batches', 'failedBatches', 'discarded', 'discardedBytes', 'storedParts', 'timeSets', 'fieldRejections'] as const;

export default function RejectionsPage() {
  const { t } = useTranslation();
  const { data, loading, error, reload } = useLoad((signal) => monitoringApi.rejections(signal), []);
  return (
    <>
      <MonitoringNav />
      <Space direction="vertical" style={{ width: '100%' }}>
        {error && <LoadError message={error} onRetry={reload} />}
        <Card title={t('monitoring.gatewayTitle')} loading={loading}>
          {data?.gateway ? (
            <Descriptions size="small" column={4} items={STATS.map((k) => ({ key: k, label: t(`monitoring.stat.${k}`), children: String(data.gateway![k] ?? '—') }))} />
          ) : <Typography.Text type="secondary">{t('monitoring.gatewayOff')}</Typography.Text>}
        </Card>
        <Card title={t('monitoring.rejectionsTitle')}>
          <Table rowKey="reason" size="small" pagination={false} dataSource={data?.byReason ?? []} data-testid="rejection-reasons" locale={{ emptyText: <EmptyState description={t('emptyState.monitoringRejections')} /> }}
            columns={[{ title: t('monitoring.reason'), dataIndex: 'reason', render: (v, r) => <><Tag>{v}</Tag>{r.message}</> }, { title: t('monitoring.count'), dataIndex: 'count', width: 120 }]} />
          <Table style={{ marginTop: 16 }} rowKey={(r) => `${r.at}-${r.sample}`} size="small" dataSource={data?.latest ?? []} pagination={{ pageSize: 10 }}
            columns={[
              { title: t('monitoring.time'), dataIndex: 'at', width: 150, render: (v) => cst(v) },
              { title: t('monitoring.reason'), dataIndex: 'reason', width: 200, render: (v, r) => <Tag>{v}{r.field ? ` · ${r.field}` : ''}</Tag> },
              { title: 'MN', dataIndex: 'mn', width: 200, render: (v) => v ?? '—' },
              { title: t('monitoring.sample'), dataIndex: 'sample', render: (v) => <Typography.Text code ellipsis style={{ maxWidth: 480 }}>{v}</Typography.Text> },
            ]} />
        </Card>
      </Space>
    </>
  );
}
