// 严重违法关注名单 (public, no login): shown only when the bureau publishes it (settings.watchList.publicView);
// otherwise the page says it is not published. Each entry with its clock (since when, the period's end).
import { Alert, Card, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../app/useLoad';
import { LoadError } from '../app/LoadError';
import { EmptyState } from '../app/EmptyState';
import { complianceApi } from './api';
import type { PublicWatchItem } from './types';

export default function PublicWatchListPage() {
  const { t } = useTranslation();
  const load = useLoad((s) => complianceApi.publicWatchList(s), []);
  const w = load.data;
  return (
    <Card title={t('compliance.watch.title')} loading={load.loading && !w} data-testid="public-watch-list-page">
      <LoadError message={load.error} onRetry={load.reload} />
      {w && !w.published && <Alert type="info" showIcon message={t('compliance.watch.notPublished')} data-testid="watch-list-not-published" />}
      {w?.published && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('compliance.watch.publicRules', { days: w.formalActionDays, todayOn: w.todayOn })} />
          <Table<PublicWatchItem>
            rowKey="enterpriseId" size="middle" dataSource={w.items} pagination={false} scroll={{ x: 600 }}
            locale={{ emptyText: <EmptyState description={t('compliance.watch.empty')} /> }}
            columns={[
              { title: t('compliance.watch.enterprise'), dataIndex: 'name', render: (v: string, i) => <Link to={`/public/enterprises/${i.enterpriseId}`}>{v}</Link> },
              { title: t('disclosure.field.district'), dataIndex: 'districtName', width: 110 },
              { title: t('compliance.watch.violations'), key: 'v', render: (_: unknown, i) => i.violations.map((v, k) => (
                <div key={k}>
                  {v.kind === 'exceedance_days' ? t('compliance.watch.exceedanceDays', { days: v.days }) : v.kind === 'daily_penalty' ? t('compliance.watch.dailyPenalty') : t('compliance.watch.leadSource', { source: t(`compliance.leadSource.${v.source}`, { defaultValue: v.source ?? '' }) })}
                  ；{t('compliance.watch.clock', { onOn: v.onOn, daysSince: v.daysSince, dueOn: v.dueOn })}
                </div>
              )) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
