// 严重违法关注名单 (internal): enterprises with a serious violation and no case filed within the set period,
// and those still within it, each with its reason and clock; recomputed from the records on every load.
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../app/useLoad';
import { LoadError } from '../app/LoadError';
import { EmptyState } from '../app/EmptyState';
import { complianceApi } from './api';
import type { WatchItem, WatchViolation } from './types';

function Violation({ v }: { v: WatchViolation }) {
  const { t } = useTranslation();
  const what = v.kind === 'exceedance_days' ? t('compliance.watch.exceedanceDays', { days: v.days }) : v.kind === 'daily_penalty' ? t('compliance.watch.dailyPenalty') : t('compliance.watch.leadSource', { source: t(`compliance.leadSource.${v.source}`, { defaultValue: v.source ?? '' }) });
  return (
    <div>
      <Tag color={v.state === 'listed' ? 'red' : 'gold'}>{t(`compliance.watch.state.${v.state}`)}</Tag>
      {what}；{t('compliance.watch.clock', { onOn: v.onOn, daysSince: v.daysSince, dueOn: v.dueOn })}
      {v.reason && <Typography.Text type="secondary">（{v.reason}）</Typography.Text>}
    </div>
  );
}

export default function WatchListPage() {
  const { t } = useTranslation();
  const load = useLoad((s) => complianceApi.watchList(s), []);
  const w = load.data;
  return (
    <Card title={t('compliance.watch.title')} data-testid="watch-list-page">
      <LoadError message={load.error} onRetry={load.reload} />
      {w && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon message={t('compliance.watch.rules', { days: w.rules.formalActionDays, n: w.rules.exceedanceDays, window: w.rules.exceedanceWindowDays, todayOn: w.todayOn })}
            description={w.publicView ? t('compliance.watch.public') : t('compliance.watch.notPublic')} />
          <Table<WatchItem>
            rowKey="enterpriseId" size="middle" dataSource={w.items} pagination={false} scroll={{ x: 700 }} data-testid="watch-list"
            locale={{ emptyText: <EmptyState description={t('compliance.watch.empty')} /> }}
            columns={[
              { title: t('compliance.watch.enterprise'), dataIndex: 'name', render: (v: string, i) => <Link to={`/public/enterprises/${i.enterpriseId}`}>{v}</Link> },
              { title: t('disclosure.field.district'), dataIndex: 'districtName', width: 110 },
              { title: t('compliance.watch.listed'), dataIndex: 'listed', width: 100, render: (v: boolean) => (v ? <Tag color="red">{t('compliance.watch.state.listed')}</Tag> : <Tag color="gold">{t('compliance.watch.state.pending')}</Tag>) },
              { title: t('compliance.watch.violations'), key: 'v', render: (_: unknown, i) => i.violations.map((v, k) => <Violation key={k} v={v} />) },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
