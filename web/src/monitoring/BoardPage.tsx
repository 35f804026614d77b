import { useMemo, useState } from 'react';
import { Badge, Button, Card, Drawer, Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { monitoringApi } from './api';
import { Chart, cst, MonitoringNav } from './shared';
import type { BoardItem } from './types';

function SeriesDrawer({ item, onClose }: { item: BoardItem; onClose(): void }) {
  const { t } = useTranslation();
  const [cn, setCn] = useState<'2011' | '2051' | '2061'>('2061');
  const end = item.latest.reduce((m, l) => (l.at > m ? l.at : m), item.lastSeenAt ?? new Date().toISOString());
  const to = new Date(new Date(end).getTime() + 3600_000).toISOString();
  const from = new Date(new Date(end).getTime() - (cn === '2061' ? 72 : cn === '2051' ? 24 : 6) * 3600_000).toISOString();
  const { data, error, reload } = useLoad((signal) => monitoringApi.series(item.deviceId, cn, from, to, signal), [item.deviceId, cn]);
  const [pollutant, setPollutant] = useState<string | null>(null);
  const shown = data?.series.find((s) => s.pollutant === pollutant) ?? data?.series[0];
  const option = useMemo(() => {
    if (!shown) return null;
    const limit = data!.limits.find((l) => l.pollutant === shown.pollutant);
    const marks = limit ? [limit.upper, limit.lower].filter((v): v is number => v !== null).map((v) => ({ yAxis: v, name: t('monitoring.limit') })) : [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 30, top: 40, bottom: 60 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: shown.unit },
      dataZoom: [{ type: 'inside' }, { type: 'slider' }],
      series: [
        {
          name: `${shown.name}`, type: 'line', showSymbol: false, data: shown.points.map((p) => [p.at, p.value]),
          markLine: marks.length ? { symbol: 'none', lineStyle: { color: '#cf1322', type: 'dashed' }, label: { formatter: `${t('monitoring.limit')} {c}` }, data: marks } : undefined,
        },
        ...(shown.points.some((p) => p.zs !== null) ? [{ name: `${shown.name} (${t('monitoring.reference')})`, type: 'line', showSymbol: false, data: shown.points.map((p) => [p.at, p.zs]) }] : []),
      ],
    };
  }, [shown, data, t]);
  return (
    <Drawer open width={860} title={`${item.enterpriseName} ${item.outfallCode ?? ''} · ${item.mn}`} onClose={onClose} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Segmented value={cn} onChange={(v) => setCn(v as typeof cn)} options={(['2011', '2051', '2061'] as const).map((c) => ({ value: c, label: t(`monitoring.cn.${c}`) }))} />
          {data && <Segmented value={shown?.pollutant} onChange={(v) => setPollutant(String(v))} options={data.series.map((s) => ({ value: s.pollutant, label: s.name }))} />}
        </Space>
        {error && <LoadError message={error} onRetry={reload} />}
        {option ? <Chart option={option} height={380} testId="series-chart" /> : <Typography.Text type="secondary">{t('monitoring.noData')}</Typography.Text>}
        {shown && data?.limits.find((l) => l.pollutant === shown.pollutant) && (
          <Typography.Text type="secondary">{t('monitoring.limitBasis')}：{data.limits.find((l) => l.pollutant === shown.pollutant)!.citation}</Typography.Text>
        )}
      </Space>
    </Drawer>
  );
}

export default function BoardPage() {
  const { t } = useTranslation();
  const { data, loading, error, reload } = useLoad((signal) => monitoringApi.board(signal), []);
  const [open, setOpen] = useState<BoardItem | null>(null);
  const columns: TableColumnsType<BoardItem> = [
    { title: t('monitoring.enterprise'), dataIndex: 'enterpriseName', render: (v, r) => <a onClick={() => setOpen(r)}>{v}</a> },
    { title: t('monitoring.outfall'), width: 150, render: (_v, r) => (r.kind === 'electricity' ? <Tag color="purple">{t('monitoring.electricity')}</Tag> : `${r.outfallCode ?? ''} ${r.outfallName ?? ''}`) },
    { title: 'MN', dataIndex: 'mn', width: 220, render: (v) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('monitoring.status'), width: 150, render: (_v, r) => <Tooltip title={cst(r.lastSeenAt)}><Badge status={r.online ? 'success' : 'default'} text={r.online ? t('monitoring.online') : t('monitoring.offline')} /></Tooltip> },
    {
      title: t('monitoring.latest'),
      render: (_v, r) => (
        <Space size={[4, 4]} wrap>
          {r.latest.map((l) => (
            <Tooltip key={l.pollutant} title={`${cst(l.at)} · CN ${l.cn}${l.flag ? ` · ${t('monitoring.flag')} ${l.flag}` : ''}`}>
              <Tag color={l.flag && l.flag !== 'N' ? 'orange' : undefined}>{l.name} {l.value ?? '—'}{l.unit ? ` ${l.unit}` : ''}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: t('monitoring.ongoing'), width: 200,
      render: (_v, r) => <Space size={[4, 4]} wrap>{Object.entries(r.ongoingEvents).map(([k, n]) => <Tag key={k} color={k.includes('exceed') || k.startsWith('control') ? 'red' : 'gold'}>{t(`monitoring.kind.${k}`)} {n}</Tag>)}</Space>,
    },
  ];
  return (
    <>
      <MonitoringNav />
      <Card title={t('monitoring.boardTitle')} extra={<Button icon={<ReloadOutlined />} onClick={reload}>{t('monitoring.refresh')}</Button>}>
        {error && <LoadError message={error} onRetry={reload} />}
        <Table rowKey="deviceId" size="small" loading={loading} dataSource={data?.items ?? []} columns={columns} pagination={{ pageSize: 20 }} data-testid="monitoring-board" locale={{ emptyText: <EmptyState description={t('emptyState.monitoringBoard')} /> }} />
      </Card>
      {open && <SeriesDrawer item={open} onClose={() => setOpen(null)} />}
    </>
  );
}
