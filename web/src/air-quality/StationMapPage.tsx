import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, DatePicker, Space, Switch, Tag, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { airApi } from './api';
import { useLoad } from '../app/useLoad';
import { useAuth } from '../app/auth';
import { AirNav, AQI_LEVELS, pollutantList, textOn } from './shared';
import { LeafletMap, type MapArea, type MapPoint } from './LeafletMap';
import { useLatestDay } from './DailyRankingPage';
import { BoundaryImportDialog } from './BoundaryImportDialog';

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

  // District outlines: the bureau's licensed data set, imported by an administrator (none ships with the code).
  const { can } = useAuth();
  const [importing, setImporting] = useState(false);
  const boundaries = useLoad((signal) => airApi.boundaries(signal), []);
  const outlines = useMemo(() => boundaries.data?.features ?? [], [boundaries.data]);
  const hasOutlines = outlines.length > 0;
  // The map answers per station only: the district AQI of the day comes from the daily district ranking.
  const districtDay = useLoad((signal) => (date && hasOutlines ? airApi.daily(date, 'aqi', signal) : Promise.resolve(null)), [date, hasOutlines]);
  const areas = useMemo<MapArea[]>(() => {
    const rows = new Map((districtDay.data?.rows ?? []).map((r) => [r.unitId, r]));
    return outlines.map((f) => {
      const row = rows.get(f.districtId);
      return { id: f.districtId, geometry: f.geometry, colour: row?.colour ?? null, label: `${f.districtName}${row?.aqi != null ? ` AQI ${row.aqi} ${row.category ?? ''}` : ''}` };
    });
  }, [outlines, districtDay.data]);
  const set = boundaries.data;
  const attribution = set?.source && hasOutlines
    ? `${t('air.boundaries.attribution', { source: set.source, licence: set.licence })}${set.reviewNumber ? ` ${t('air.boundaries.reviewNumber', { reviewNumber: set.reviewNumber })}` : ''}`
    : null;
  const filled = areas.some((a) => a.colour !== null);

  return (
    <div data-testid="air-map-page">
      <AirNav />
      <Card title={t('air.nav.map')} extra={
        <Space>
          <DatePicker allowClear={false} value={date ? dayjs(date) : null} onChange={(d) => d && setParams({ date: d.format('YYYY-MM-DD') })} />
          <Space size={4}><Switch size="small" checked={tiles} onChange={setTiles} data-testid="tiles-switch" />{t('air.osmTiles')}</Space>
          {can('settings.manage') && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="boundary-import-open">{t('air.boundaries.import')}</Button>}
        </Space>
      }>
        <LoadError message={error} onRetry={reload} />
        <LoadError message={boundaries.error ?? districtDay.error} onRetry={() => { boundaries.reload(); districtDay.reload(); }} />
        <LeafletMap points={points} areas={areas} attribution={attribution} tiles={tiles} testId="station-map" />
        {attribution
          ? <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="boundary-attribution">{attribution}{filled ? ` ${t('air.boundaries.filled')}` : ''}</Typography.Paragraph>
          : boundaries.data && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="boundaries-none">{t('air.boundaries.none')}</Typography.Paragraph>}
        <Space wrap style={{ marginTop: 12 }}>
          {AQI_LEVELS.map((l) => (
            <Tag key={l.level} color={l.colour} style={{ color: textOn(l.colour) }}>{l.maxAqi === null ? '>300' : `≤${l.maxAqi}`} {t(`air.category.${l.category}`)}</Tag>
          ))}
          <Tag color="#bfbfbf">{t('air.noData')}</Tag>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('air.mapNote', { count: data?.stations.length ?? 0 })}</Typography.Paragraph>
      </Card>
      <BoundaryImportDialog open={importing} current={set ?? null} onClose={() => setImporting(false)} onDone={boundaries.reload} />
    </div>
  );
}
