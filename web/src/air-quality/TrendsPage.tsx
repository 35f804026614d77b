import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, DatePicker, Select, Space, Statistic, Row, Col } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { api } from '../app/api';
import type { District } from '../app/types';
import { LoadError } from '../app/LoadError';
import { airApi } from './api';
import { useLoad } from '../app/useLoad';
import { AirNav, AQI_LEVELS } from './shared';
import { EChart } from './EChart';
import { useLatestDay } from './DailyRankingPage';

export default function TrendsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const latest = useLatestDay();
  const year = Number(params.get('year') ?? latest?.slice(0, 4) ?? dayjs().year());
  const unit = params.get('unit') ?? 'city';
  const id = params.get('id') ? Number(params.get('id')) : undefined;
  const [districts, setDistricts] = useState<District[]>([]);
  useEffect(() => { api<{ items: District[] }>('/organisation/districts').then((r) => setDistricts(r.items), () => undefined); }, []);
  const { data, error, reload } = useLoad((signal) => (unit !== 'city' && id === undefined ? Promise.resolve(null) : airApi.series(unit, id, `${year}-01-01`, `${year}-12-31`, signal)), [unit, id, year]);

  const unitOptions = [
    { value: 'city', label: t('air.city') },
    ...districts.map((d) => ({ value: `district:${d.id}`, label: d.name })),
    ...districts.flatMap((d) => d.townships.map((tw) => ({ value: `township:${tw.id}`, label: `${d.name} · ${tw.name}` }))),
  ];

  const calendar = useMemo(() => ({
    tooltip: { formatter: (p: { value: [string, number] }) => `${p.value[0]} AQI ${p.value[1]}` },
    visualMap: {
      type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0,
      pieces: AQI_LEVELS.map((l, i) => ({ min: i === 0 ? 0 : AQI_LEVELS[i - 1]!.maxAqi! + 1, max: l.maxAqi ?? 999, color: l.colour, label: t(`air.category.${l.category}`) })),
    },
    calendar: { range: String(year), cellSize: ['auto', 16], top: 30, left: 40, right: 20, dayLabel: { nameMap: 'ZH' }, monthLabel: { nameMap: 'ZH' }, yearLabel: { show: false } },
    series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: (data?.days ?? []).filter((d) => d.aqi !== null).map((d) => [d.on, d.aqi]) }],
  }), [data, year, t]);

  const trend = useMemo(() => {
    const days = data?.days ?? [];
    const line = (name: string, key: 'pm25' | 'pm10' | 'o3_8h' | 'no2' | 'so2' | 'co', axis = 0) => ({ name, type: 'line', showSymbol: false, yAxisIndex: axis, data: days.map((d) => [d.on, d[key]]) });
    return {
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 50, right: 50, top: 40, bottom: 60 },
      xAxis: { type: 'time' }, yAxis: [{ type: 'value', name: 'µg/m³' }, { type: 'value', name: 'CO mg/m³' }],
      dataZoom: [{ type: 'slider', bottom: 10 }],
      series: [line('PM2.5', 'pm25'), line('PM10', 'pm10'), line('O3-8h', 'o3_8h'), line('NO2', 'no2'), line('SO2', 'so2'), line('CO', 'co', 1)],
    };
  }, [data]);

  const valid = (data?.days ?? []).filter((d) => d.aqi !== null);
  const good = valid.filter((d) => d.aqi! <= 100).length;

  return (
    <div data-testid="air-trends-page">
      <AirNav />
      <Card title={`${data?.unitName ?? ''} ${t('air.nav.trends')}`} extra={
        <Space>
          <Select showSearch optionFilterProp="label" style={{ width: 260 }} value={unit === 'city' ? 'city' : `${unit}:${id}`} options={unitOptions}
            onChange={(v: string) => { const [u, i] = v.split(':'); setParams((p) => { const n = new URLSearchParams(p); n.set('unit', u!); if (i) n.set('id', i); else n.delete('id'); return n; }); }} />
          <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setParams((p) => { const n = new URLSearchParams(p); n.set('year', String(d.year())); return n; })} />
        </Space>
      }>
        <LoadError message={error} onRetry={reload} />
        <Row gutter={16} style={{ marginBottom: 12 }}>
          <Col span={6}><Statistic title={t('air.validDays')} value={valid.length} /></Col>
          <Col span={6}><Statistic title={t('air.goodDays')} value={good} /></Col>
          <Col span={6}><Statistic title={t('air.goodDayRatio')} value={valid.length ? ((good * 100) / valid.length).toFixed(1) : '—'} suffix="%" /></Col>
        </Row>
        {data && valid.length === 0 && <EmptyState description={t('emptyState.airTrends')} />}
        <EChart option={calendar} height={200} testId="aqi-calendar" />
        <EChart option={trend} height={360} testId="pollutant-trends" />
      </Card>
    </div>
  );
}
