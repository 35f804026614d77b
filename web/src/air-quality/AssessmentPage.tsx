import { useSearchParams } from 'react-router-dom';
import { Card, DatePicker, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { airApi } from './api';
import { useLoad } from '../app/useLoad';
import { AirNav, fmt } from './shared';
import { useLatestDay } from './DailyRankingPage';
import type { Assessment } from './types';

type Unit = Assessment['units'][number];

function Improvement({ v }: { v: number | null | undefined }) {
  if (v === null || v === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Typography.Text type={v > 0 ? 'success' : v < 0 ? 'danger' : undefined}>{v}%</Typography.Text>;
}

/**
 * One pollutant statistic: a value from too few days (GB 3095 表4) is shown greyed and marked "not assessable",
 * never red, even when it is above the limit; a valid statistic of a pollutant that fails is red.
 */
function PollutantStatistic({ unit, p, kind }: { unit: Unit; p: string; kind: 'mean' | 'percentile' }) {
  const { t } = useTranslation();
  const s = unit.pollutants[p];
  const v = s?.[kind];
  if (v === null || v === undefined || !s) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!s.complete) {
    return (
      <Tooltip title={t('air.statNotValid', { n: s.validDays })}>
        <Typography.Text type="secondary" data-testid={`stat-not-valid-${p}`}>{v}*</Typography.Text>
      </Tooltip>
    );
  }
  return <Typography.Text type={unit.pollutantAttains[p] === false ? 'danger' : undefined}>{v}</Typography.Text>;
}

export default function AssessmentPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const latest = useLatestDay();
  const year = Number(params.get('year') ?? latest?.slice(0, 4) ?? dayjs().year());
  const { data, loading, error, reload } = useLoad((signal) => airApi.assessment(year, signal), [year]);
  const attains = (v: boolean | null) => (v === null ? <Tag>{t('air.undetermined')}</Tag> : v ? <Tag color="green">{t('air.attains')}</Tag> : <Tag color="red">{t('air.exceeds')}</Tag>);

  const columns: TableColumnsType<Unit> = [
    { title: t('air.area'), dataIndex: 'unitName', fixed: 'left', width: 170, render: (v, r) => (r.kind === 'city' ? <b>{v}</b> : v) },
    { title: t('air.compositeIndex'), dataIndex: 'compositeIndex', width: 90, render: (v) => fmt(v) },
    { title: t('air.rank'), dataIndex: 'rank', width: 60, render: (v) => fmt(v) },
    { title: t('air.gradeII'), dataIndex: 'attains', width: 90, render: attains },
    { title: t('air.goodDayRatio'), dataIndex: 'goodDayRatio', width: 100, render: (v, r) => `${fmt(v, '%')} (${r.goodDays}/${r.validAqiDays})` },
    { title: 'PM2.5', width: 70, render: (_v, r) => <PollutantStatistic unit={r} p="pm25" kind="mean" /> },
    { title: 'PM10', width: 70, render: (_v, r) => <PollutantStatistic unit={r} p="pm10" kind="mean" /> },
    { title: 'O3-8h-90', width: 80, render: (_v, r) => <PollutantStatistic unit={r} p="o3" kind="percentile" /> },
    { title: 'NO2', width: 60, render: (_v, r) => <PollutantStatistic unit={r} p="no2" kind="mean" /> },
    { title: 'SO2', width: 60, render: (_v, r) => <PollutantStatistic unit={r} p="so2" kind="mean" /> },
    { title: 'CO-95', width: 70, render: (_v, r) => <PollutantStatistic unit={r} p="co" kind="percentile" /> },
    { title: t('air.improvement', { p: 'PM2.5' }), width: 110, render: (_v, r) => <Improvement v={r.improvement.pm25} /> },
    { title: t('air.improvement', { p: 'PM10' }), width: 110, render: (_v, r) => <Improvement v={r.improvement.pm10} /> },
    { title: t('air.improvement', { p: 'O3' }), width: 100, render: (_v, r) => <Improvement v={r.improvement.o3} /> },
  ];

  return (
    <div data-testid="air-assessment-page">
      <AirNav />
      <Card title={t('air.assessmentTitle', { year })} extra={
        <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setParams({ year: String(d.year()) })} />
      }>
        <LoadError message={error} onRetry={reload} />
        {data && !data.units.some((u) => u.validAqiDays > 0) && <EmptyState description={t('emptyState.airAssessment')} />}
        <Table<Unit> rowKey="unitId" size="small" loading={loading} columns={columns} dataSource={data?.units ?? []} pagination={false} scroll={{ x: 1300 }} data-testid="assessment" />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('air.assessmentNote')}</Typography.Paragraph>
      </Card>
    </div>
  );
}
