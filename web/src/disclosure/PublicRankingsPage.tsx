// 环境质量排名 (public, no login): the rankings as published, by kind; each opens as a plain table with a CSV
// download, and a water double-index ranking shows the sections' status of its period below it.
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { publicListsApi, type PublishedRanking, type RankingKind, type RankingRow, type WaterSection } from './publicListsApi';
import './publicListsStrings';

const KINDS: RankingKind[] = ['air_district_daily', 'air_township_monthly', 'water_district_period'];
const at = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

export default function PublicRankingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind = (KINDS as string[]).includes(params.get('kind') ?? '') ? params.get('kind') as RankingKind : 'air_district_daily';
  const load = useLoad((s) => publicListsApi.rankings(kind, s), [kind]);
  return (
    <Card title={t('publicLists.rankings.title')} data-testid="public-rankings-page">
      <Typography.Paragraph type="secondary">{t('publicLists.rankings.intro')}</Typography.Paragraph>
      <ListPage<PublishedRanking>
        load={load}
        rowKey="id"
        data-testid="public-rankings-list"
        empty={t('publicLists.rankings.empty')}
        filters={<Segmented value={kind} onChange={(v) => setParams({ kind: String(v) })} options={KINDS.map((k) => ({ value: k, label: t(`publicLists.rankings.kind.${k}`) }))} data-testid="ranking-kind" />}
        columns={[
          { title: t('publicLists.rankings.period'), dataIndex: 'period', width: 120 },
          { title: t('publicLists.rankings.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/public/rankings/${r.id}`}>{v}</Link> },
          { title: t('publicLists.rankings.publishedAt'), dataIndex: 'publishedAt', width: 120, render: at },
        ]}
      />
    </Card>
  );
}

function WaterSections({ period }: { period: string }) {
  const { t } = useTranslation();
  const load = useLoad((s) => publicListsApi.waterSections(period, s), [period]);
  const met = (w: WaterSection) => (w.dry ? <Tag>{t('publicLists.water.dry')}</Tag> : w.meetsTarget === null ? t('publicLists.water.none')
    : w.meetsTarget ? <Tag color="green">{t('publicLists.water.yes')}</Tag> : <Tag color="red">{t('publicLists.water.no')}</Tag>);
  return (
    <Card type="inner" title={t('publicLists.water.title')} style={{ marginTop: 16 }} data-testid="public-water-sections">
      <ListPage<WaterSection>
        load={{ ...load, data: load.data ? { items: load.data.items } : null }}
        rowKey="code"
        empty={t('publicLists.water.empty')}
        scroll={{ x: 640 }}
        columns={[
          { title: t('publicLists.water.name'), dataIndex: 'name' },
          { title: t('publicLists.water.district'), dataIndex: 'districtName', width: 100 },
          { title: t('publicLists.water.water'), dataIndex: 'waterName', width: 120, render: (v: string | null) => v ?? '—' },
          { title: t('publicLists.water.class'), dataIndex: 'classLabel', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('publicLists.water.target'), dataIndex: 'targetLabel', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('publicLists.water.meets'), key: 'meets', width: 100, render: (_: unknown, w) => met(w) },
        ]}
      />
    </Card>
  );
}

export function PublicRankingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useLoad((s) => publicListsApi.ranking(id, s), [id]);
  const r = load.data;
  return (
    <Card
      title={r?.title ?? t('publicLists.rankings.title')}
      extra={<Space wrap><Link to={`/public/rankings${r ? `?kind=${r.ranking}` : ''}`}>{t('publicLists.rankings.back')}</Link>{r && <a href={publicListsApi.rankingCsvHref(r.id)} download data-testid="download-csv">{t('publicLists.csv')}</a>}</Space>}
      data-testid="public-ranking-page"
    >
      <LoadError message={load.error} onRetry={load.reload} />
      {r && <Typography.Paragraph type="secondary">{t(`publicLists.rankings.kind.${r.ranking}`)} · {t('publicLists.rankings.publishedAt')} {at(r.publishedAt)}</Typography.Paragraph>}
      <Table<RankingRow>
        size="middle"
        loading={load.loading}
        dataSource={r?.rows ?? []}
        rowKey={(x) => `${x.unitName}-${x.rank}`}
        pagination={false}
        scroll={{ x: 480 }}
        columns={[
          { title: t('publicLists.rankings.rank'), dataIndex: 'rank', width: 80, render: (v: number | null) => v ?? '—' },
          { title: t('publicLists.rankings.unit'), dataIndex: 'unitName' },
          { title: t('publicLists.rankings.value'), dataIndex: 'value', width: 110, render: (v: number | null) => v ?? '—' },
          { title: t('publicLists.rankings.lastYear'), dataIndex: 'lastYearValue', width: 130, render: (v: number | null) => v ?? '—' },
        ]}
      />
      {r?.ranking === 'water_district_period' && <WaterSections period={r.period} />}
    </Card>
  );
}
