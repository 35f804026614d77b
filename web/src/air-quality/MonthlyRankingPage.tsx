import { useSearchParams } from 'react-router-dom';
import { Card, DatePicker, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { airApi } from './api';
import { useLoad } from '../app/useLoad';
import { AirNav, ChangeText, fmt } from './shared';
import { RankingActions } from './RankingActions';
import { useLatestDay } from './DailyRankingPage';
import type { MonthlyRow } from './types';

const METRICS = ['composite', 'pm25', 'good_day_ratio'] as const;

export default function MonthlyRankingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const latest = useLatestDay();
  const month = params.get('month') ?? latest?.slice(0, 7) ?? null;
  const metric = (METRICS as readonly string[]).includes(params.get('metric') ?? '') ? params.get('metric')! : 'composite';
  const { data, loading, error, reload } = useLoad((signal) => (month ? airApi.monthly(month, metric, signal) : Promise.resolve(null)), [month, metric]);
  const set = (k: string, v: string) => setParams((p) => { const n = new URLSearchParams(p); n.set(k, v); return n; });

  const columns: TableColumnsType<MonthlyRow> = [
    { title: t('air.rank'), dataIndex: 'rank', width: 80, render: (r: number | null, row) => (r === null ? '—' : `${r}${row.tied ? t('air.tied') : ''}`) },
    { title: t('air.district'), dataIndex: 'districtName', width: 150 },
    { title: t('air.township'), dataIndex: 'unitName' },
    { title: t('air.compositeIndex'), dataIndex: 'compositeIndex', width: 100, render: (v) => fmt(v) },
    { title: t('air.yoy'), dataIndex: 'changePercent', width: 90, render: (v: number | null) => <ChangeText value={v} /> },
    { title: t('air.goodDayRatio'), dataIndex: 'goodDayRatio', width: 110, render: (v) => fmt(v, '%') },
    { title: 'PM2.5', dataIndex: ['means', 'pm25'], width: 70, render: (v) => fmt(v) },
    { title: 'PM10', dataIndex: ['means', 'pm10'], width: 70, render: (v) => fmt(v) },
    { title: 'O3-8h-90', dataIndex: 'o3_90', width: 90, render: (v) => fmt(v) },
    { title: 'NO2', dataIndex: ['means', 'no2'], width: 60, render: (v) => fmt(v) },
    { title: 'SO2', dataIndex: ['means', 'so2'], width: 60, render: (v) => fmt(v) },
    { title: 'CO-95', dataIndex: 'co95', width: 70, render: (v) => fmt(v) },
    { title: t('air.complete'), dataIndex: 'complete', width: 90, render: (v: boolean) => (v ? <Tag color="green">{t('air.completeYes')}</Tag> : <Tag color="orange">{t('air.completeNo')}</Tag>) },
  ];

  return (
    <div data-testid="air-monthly-page">
      <AirNav />
      <Card title={data?.title ?? t('air.nav.monthly')} extra={
        <Space>
          <DatePicker picker="month" allowClear={false} value={month ? dayjs(`${month}-01`) : null} onChange={(d) => d && set('month', d.format('YYYY-MM'))} />
          <Select value={metric} style={{ width: 150 }} onChange={(v) => set('metric', v)} options={METRICS.map((m) => ({ value: m, label: t(`air.metric.${m}`) }))} />
        </Space>
      }>
        <LoadError message={error} onRetry={reload} />
        {data && !data.rows.some((r) => r.rank !== null) && <EmptyState description={t('emptyState.airMonthly')} />}
        <Table<MonthlyRow> rowKey="unitId" size="small" loading={loading || !month /* the latest day is still being asked for */} columns={columns} dataSource={data?.rows ?? []} data-testid="monthly-ranking"
          pagination={{ pageSize: 50, size: 'small' }} scroll={{ x: 1200 }} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('air.monthlyNote')}</Typography.Paragraph>
        {data && month && (
          <RankingActions disabled={!data.rows.some((r) => r.rank !== null)} publications={data.publications} sanctions={data.sanctions}
            publish={() => airApi.publish('township-monthly', month)} exportAs={(f) => airApi.export('township-monthly', month, f)} onPublished={reload} />
        )}
      </Card>
    </div>
  );
}
