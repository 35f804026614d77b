import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, Col, DatePicker, Row, Segmented, Space, Statistic, Switch, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { api, download } from '../app/api';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { RankingActions, LeafletMap, type MapPoint } from '../air-quality/index';
import type { DoubleIndexRow, SiteEvaluation, WaterSummary } from './types';

const KIND_COLOURS: Record<string, string> = { section: 'blue', drinking_source: 'cyan', sea_point: 'geekblue' };
const CLASS_NAMES = ['Ⅰ类', 'Ⅱ类', 'Ⅲ类', 'Ⅳ类', 'Ⅴ类', '劣Ⅴ类'];

export default function WaterQualityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const lastYear = String(dayjs().subtract(1, 'month').year());
  const period = params.get('period') ?? lastYear;
  const [tiles, setTiles] = useState(false);
  const { data, loading, error, reload } = useLoad((signal) => api<WaterSummary>('/water-quality/summary', { query: { period }, signal }), [period]);
  const byMonth = period.length === 7;

  const indexColumns: TableColumnsType<DoubleIndexRow> = [
    { title: t('water.district'), dataIndex: 'districtName' },
    { title: t('water.sections'), dataIndex: 'sections', width: 90 },
    { title: t('water.excellentIndex'), dataIndex: 'excellentIndex', width: 120, render: (v) => (v === null ? '—' : `${v}%`) },
    { title: t('water.excellentRank'), dataIndex: 'excellentRank', width: 100, render: (v) => v ?? '—' },
    { title: t('water.complianceIndex'), dataIndex: 'complianceIndex', width: 120, render: (v) => (v === null ? '—' : `${v}%`) },
    { title: t('water.complianceRank'), dataIndex: 'complianceRank', width: 100, render: (v) => v ?? '—' },
  ];
  const siteColumns: TableColumnsType<SiteEvaluation> = [
    { title: t('water.site'), dataIndex: 'name', render: (v, r) => <Space>{v}<Typography.Text type="secondary">{r.code}</Typography.Text></Space> },
    { title: t('water.kind'), dataIndex: 'kind', width: 110, render: (v) => <Tag color={KIND_COLOURS[v]}>{t(`water.siteKind.${v}`)}</Tag> },
    { title: t('water.level'), dataIndex: 'level', width: 80, render: (v) => t(`water.siteLevel.${v}`) },
    { title: t('water.district'), dataIndex: 'districtName', width: 150 },
    { title: t('water.class'), dataIndex: 'class', width: 90, render: (_v, r) => (r.dry ? <Tag>{t('water.dry')}</Tag> : r.classLabel ? <Tag color={r.colour ?? 'blue'} style={{ color: r.colour === '#FFFF00' ? '#262626' : undefined }}>{r.classLabel}</Tag> : '—') },
    { title: t('water.target'), dataIndex: 'targetClass', width: 70, render: (v, r) => (v === null ? '—' : r.kind === 'sea_point' ? `${v}` : CLASS_NAMES[v - 1]!.replace('类', '')) },
    { title: t('water.meetsTarget'), dataIndex: 'meetsTarget', width: 90, render: (v: boolean | null) => (v === null ? '—' : v ? <Tag color="green">{t('water.yes')}</Tag> : <Tag color="red">{t('water.no')}</Tag>) },
    {
      title: t('water.drivers'),
      // 环办〔2011〕22号: main pollutants with their class and exceedance multiple; DO's multiple is the inverse one.
      render: (_v, r) => (r.mainPollutants.length
        ? r.mainPollutants.map((m) => `${m.nameZh}（${CLASS_NAMES[m.class - 1]}${m.exceedance === null ? '' : `，${t(m.exceedanceBasis === 'inverse' ? 'water.exceedsInverse' : 'water.exceeds', { n: m.exceedance })}`}）`).join('、')
        : r.drivers.join('、') || '—'),
    },
  ];

  const points = useMemo<MapPoint[]>(() => (data?.evaluations ?? []).map((e) => ({
    id: e.siteId, lat: e.latitude, lon: e.longitude, radius: e.kind === 'section' ? 8 : 7,
    colour: e.dry ? '#bfbfbf' : e.kind === 'sea_point' ? (e.excellent ? '#1677ff' : '#fa8c16') : e.colour ?? '#bfbfbf',
    label: `${e.name} ${e.dry ? t('water.dry') : e.classLabel ?? ''}`,
    popup: `<b>${e.name}</b> (${e.code})<br/>${e.waterName ?? ''} · ${e.districtName}<br/>${e.dry ? t('water.dry') : e.classLabel ?? '—'}${e.meetsTarget === null ? '' : ` · ${e.meetsTarget ? t('water.onTarget') : t('water.offTarget')}`}`,
  })), [data, t]);

  const s = data?.sections;
  const n = data?.nationalSections;
  const sd = data?.seaAndDrinking;

  return (
    <div data-testid="water-page">
      <Card title={data?.title ?? t('menu.water-quality')} extra={
        <Space>
          <Segmented value={byMonth ? 'month' : 'year'} onChange={(v) => setParams({ period: v === 'month' ? `${period.slice(0, 4)}-12` : period.slice(0, 4) })}
            options={[{ value: 'year', label: t('water.byYear') }, { value: 'month', label: t('water.byMonth') }]} />
          <DatePicker picker={byMonth ? 'month' : 'year'} allowClear={false} value={dayjs(byMonth ? `${period}-01` : `${period}-01-01`)}
            onChange={(d) => d && setParams({ period: byMonth ? d.format('YYYY-MM') : String(d.year()) })} />
        </Space>
      }>
        <LoadError message={error} onRetry={reload} />
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={12} md={5}><Statistic title={t('water.nationalOnTarget')} value={n?.onTargetShare ?? '—'} suffix={n?.onTargetShare !== null && n ? `% (${n.onTarget}/${n.withTarget})` : ''} /></Col>
          <Col xs={12} md={5}><Statistic title={t('water.excellentShare')} value={s?.excellentShare ?? '—'} suffix="%" /></Col>
          <Col xs={12} md={4}><Statistic title={t('water.worstShare')} value={s?.worstShare ?? '—'} suffix="%" /></Col>
          <Col xs={12} md={5}><Statistic title={t('water.drinking')} value={sd?.drinkingAttainmentRate ?? '—'} suffix="%" /></Col>
          <Col xs={12} md={5}><Statistic title={t('water.sea')} value={sd?.seaExcellentShare ?? '—'} suffix="%" /></Col>
        </Row>
        {data && !data.evaluations.length && <EmptyState description={t('emptyState.water')} />}
        <Tabs items={[
          { key: 'index', label: t('water.doubleIndex'), children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Table<DoubleIndexRow> rowKey="districtId" size="small" loading={loading} columns={indexColumns} dataSource={data?.doubleIndex ?? []} pagination={false} data-testid="double-index" />
              <Typography.Paragraph type="secondary">{t('water.doubleIndexNote')}</Typography.Paragraph>
              {data && (
                <RankingActions disabled={!data.doubleIndex.some((r) => r.excellentRank !== null)} publications={data.publications} sanctions={[]}
                  publish={() => api('/water-quality/double-index/publish', { method: 'POST', body: { period } })}
                  exportAs={(f) => download('/water-quality/double-index/export', { period, format: f }, `water-${period}.${f}`)} onPublished={reload} />
              )}
            </Space>
          ) },
          { key: 'sites', label: t('water.sitesTab'), children: (
            <Table<SiteEvaluation> rowKey="siteId" size="small" loading={loading} columns={siteColumns} dataSource={data?.evaluations ?? []} pagination={{ pageSize: 50, size: 'small' }} data-testid="site-evaluations" />
          ) },
          { key: 'map', label: t('water.mapTab'), children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space size={4}><Switch size="small" checked={tiles} onChange={setTiles} />{t('air.osmTiles')}</Space>
              <LeafletMap points={points} tiles={tiles} testId="section-map" />
            </Space>
          ) },
        ]} />
      </Card>
    </div>
  );
}
