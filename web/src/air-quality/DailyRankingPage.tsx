import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, DatePicker, Descriptions, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { airApi } from './api';
import { useLoad } from '../app/useLoad';
import { AirNav, AqiTag, ChangeText, fmt, pollutantList } from './shared';
import { RankingActions } from './RankingActions';
import type { DailyRow } from './types';

const METRICS = ['composite', 'aqi', 'pm25'] as const;

/** The latest day with data, as the default period. */
export function useLatestDay(): string | null {
  const [last, setLast] = useState<string | null>(null);
  useEffect(() => {
    airApi.extent().then((e) => setLast(e.last ?? dayjs().subtract(1, 'day').format('YYYY-MM-DD')), () => setLast(dayjs().subtract(1, 'day').format('YYYY-MM-DD')));
  }, []);
  return last;
}

export default function DailyRankingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const latest = useLatestDay();
  const date = params.get('date') ?? latest;
  const metric = (METRICS as readonly string[]).includes(params.get('metric') ?? '') ? params.get('metric')! : 'composite';
  const { data, loading, error, reload } = useLoad((signal) => (date ? airApi.daily(date, metric, signal) : Promise.resolve(null)), [date, metric]);
  const set = (k: string, v: string) => setParams((p) => { const n = new URLSearchParams(p); n.set(k, v); return n; });

  const columns: TableColumnsType<DailyRow> = [
    { title: t('air.rank'), dataIndex: 'rank', width: 80, render: (r: number | null, row) => (r === null ? '—' : `${r}${row.tied ? t('air.tied') : ''}`) },
    { title: t('air.district'), dataIndex: 'unitName' },
    { title: t('air.compositeIndex'), dataIndex: 'compositeIndex', width: 100, render: (v) => fmt(v) },
    { title: 'AQI', dataIndex: 'aqi', width: 80, render: (_v, r) => <AqiTag aqi={r.aqi} colour={r.colour} category={r.category} /> },
    { title: t('air.category.label'), dataIndex: 'category', width: 100, render: (v) => v ?? '—' },
    { title: t('air.primary'), dataIndex: 'primaryPollutants', width: 110, render: (v: string[]) => pollutantList(v) },
    { title: 'PM2.5', dataIndex: ['values', 'pm25'], width: 70, render: (v) => fmt(v) },
    { title: 'PM10', dataIndex: ['values', 'pm10'], width: 70, render: (v) => fmt(v) },
    { title: 'O3-8h', dataIndex: ['values', 'o3_8h'], width: 70, render: (v) => fmt(v) },
    { title: 'NO2', dataIndex: ['values', 'no2'], width: 60, render: (v) => fmt(v) },
    { title: 'SO2', dataIndex: ['values', 'so2'], width: 60, render: (v) => fmt(v) },
    { title: 'CO', dataIndex: ['values', 'co'], width: 60, render: (v) => fmt(v) },
    { title: t('air.yoy'), dataIndex: 'changePercent', width: 90, render: (v: number | null) => <ChangeText value={v} /> },
  ];

  return (
    <div data-testid="air-daily-page">
      <AirNav />
      <Card title={data?.title ?? t('air.nav.daily')} extra={
        <Space>
          <DatePicker allowClear={false} value={date ? dayjs(date) : null} onChange={(d) => d && set('date', d.format('YYYY-MM-DD'))} data-testid="date" />
          <Select value={metric} style={{ width: 150 }} onChange={(v) => set('metric', v)} options={METRICS.map((m) => ({ value: m, label: t(`air.metric.${m}`) }))} />
        </Space>
      }>
        <LoadError message={error} onRetry={reload} />
        {data?.city && (
          <Descriptions size="small" column={4} style={{ marginBottom: 12 }} items={[
            { label: t('air.city'), children: <Space><AqiTag aqi={data.city.aqi} colour={data.city.colour} />{data.city.category}</Space> },
            { label: t('air.compositeIndex'), children: fmt(data.city.compositeIndex) },
            { label: t('air.primary'), children: pollutantList(data.city.primaryPollutants) },
            { label: t('air.standard'), children: data.standard },
          ]} />
        )}
        {data && !data.rows.some((r) => r.rank !== null) && <EmptyState description={t('emptyState.airDaily')} />}
        <Table<DailyRow> rowKey="unitId" size="small" loading={loading || !date /* the latest day is still being asked for */} columns={columns} dataSource={data?.rows ?? []} pagination={false} data-testid="daily-ranking" scroll={{ x: 1100 }} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('air.dailyNote')}</Typography.Paragraph>
        {data && date && (
          <RankingActions disabled={!data.rows.some((r) => r.rank !== null)} publications={data.publications} sanctions={data.sanctions}
            publish={() => airApi.publish('district-daily', date)} exportAs={(f) => airApi.export('district-daily', date, f)} onPublished={reload} />
        )}
      </Card>
    </div>
  );
}
