import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, DatePicker, Space, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { airApi } from './api';
import { useLoad } from './useLoad';
import { AirNav, AQI_LEVELS, pollutantList, textOn } from './shared';
import { LeafletMap, type MapPoint } from './LeafletMap';
import { useLatestDay } from './DailyRankingPage';

export default function StationMapPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const latest = useLatestDay();
  const date = params.get('date') ?? latest;
  const [tiles, setTiles] = useState(false);
  const { data, error, reload } = useLoad((signal) => (date ? airApi.map(date, signal) : Promise.resolve(null)), [date]);
  const points = useMemo<MapPoint[]>(() => (data?.stations ?? []).map((s) => ({
    id: s.id, lat: s.latitude, lon: s.longitude, colour: s.colour ?? '#bfbfbf', radius: s.level === 'township' ? 6 : 9,
    label: `${s.name} AQI ${s.aqi ?? '—'}`,
    popup: `<b>${s.name}</b> (${s.code})<br/>AQI ${s.aqi ?? '—'} ${s.category ?? ''}<br/>${t('air.primary')}: ${pollutantList(s.primaryPollutants)}<br/>PM2.5 ${s.pm25 ?? '—'} · PM10 ${s.pm10 ?? '—'} · O3-8h ${s.o3_8h ?? '—'}`,
  })), [data, t]);

  return (
    <div data-testid="air-map-page">
      <AirNav />
      <Card title={t('air.nav.map')} extra={
        <Space>
          <DatePicker allowClear={false} value={date ? dayjs(date) : null} onChange={(d) => d && setParams({ date: d.format('YYYY-MM-DD') })} />
          <Space size={4}><Switch size="small" checked={tiles} onChange={setTiles} data-testid="tiles-switch" />{t('air.osmTiles')}</Space>
        </Space>
      }>
        <LoadError message={error} onRetry={reload} />
        <LeafletMap points={points} tiles={tiles} testId="station-map" />
        <Space wrap style={{ marginTop: 12 }}>
          {AQI_LEVELS.map((l) => (
            <Tag key={l.level} color={l.colour} style={{ color: textOn(l.colour) }}>{l.maxAqi === null ? '>300' : `≤${l.maxAqi}`} {t(`air.category.${l.category}`)}</Tag>
          ))}
          <Tag color="#bfbfbf">{t('air.noData')}</Tag>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('air.mapNote', { count: data?.stations.length ?? 0 })}</Typography.Paragraph>
      </Card>
    </div>
  );
}
