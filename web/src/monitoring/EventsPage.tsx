import { useState } from 'react';
import { App, Button, Card, Checkbox, Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/api';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../air-quality/useLoad';
import { monitoringApi } from './api';
import { cst, MonitoringNav } from './shared';
import type { EventGroup, MonitoringEvent } from './types';

const GROUP_COLOUR: Record<EventGroup, string> = { exceedance: 'red', data_quality: 'gold', electricity: 'purple' };

export default function EventsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [group, setGroup] = useState<EventGroup | 'all'>('all');
  const [ongoing, setOngoing] = useState(false);
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<number | null>(null);
  const { data, loading, error, reload } = useLoad(
    (signal) => monitoringApi.events({ group: group === 'all' ? undefined : group, ongoing: ongoing ? true : undefined, page, pageSize: 30 }, signal),
    [group, ongoing, page],
  );
  const toLead = async (e: MonitoringEvent) => {
    setBusy(e.id);
    try {
      const r = await monitoringApi.lead(e.id);
      void message.success(t('monitoring.leadCreated', { id: r.leadId }));
      reload();
    } catch (err) { void message.error(errorMessage(err)); } finally { setBusy(null); }
  };
  const columns: TableColumnsType<MonitoringEvent> = [
    { title: t('monitoring.kindTitle'), width: 170, render: (_v, e) => <Tag color={GROUP_COLOUR[e.group]}>{t(`monitoring.kind.${e.kind}`)}</Tag> },
    { title: t('monitoring.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('monitoring.outfall'), width: 90, render: (_v, e) => e.outfallCode ?? '—' },
    { title: t('monitoring.pollutant'), width: 120, render: (_v, e) => e.pollutantName ?? '—' },
    { title: t('monitoring.period'), width: 250, render: (_v, e) => <>{cst(e.startAt)} – {cst(e.endAt)} {e.ongoing && <Tag color="processing">{t('monitoring.ongoingTag')}</Tag>}</> },
    { title: t('monitoring.units'), dataIndex: 'units', width: 70 },
    {
      title: t('monitoring.peak'), width: 180,
      render: (_v, e) => (e.peakValue === null ? '—' : (
        <Tooltip title={e.limitCitation ?? undefined}>
          <Typography.Text type={e.group === 'exceedance' ? 'danger' : undefined}>{e.peakValue}{e.unit ? ` ${e.unit}` : ''}</Typography.Text>
          {e.limitValue !== null && <Typography.Text type="secondary"> / {t('monitoring.limit')} {e.limitValue}</Typography.Text>}
        </Tooltip>
      )),
    },
    {
      title: t('monitoring.lead'), width: 140,
      render: (_v, e) => (e.leadId !== null ? <Link to="/leads">{t('monitoring.leadNo', { id: e.leadId })}</Link>
        : e.actions.includes('lead') ? <Button size="small" icon={<AimOutlined />} loading={busy === e.id} onClick={() => void toLead(e)} data-testid={`lead-${e.id}`}>{t('monitoring.toLead')}</Button> : '—'),
    },
  ];
  return (
    <>
      <MonitoringNav />
      <Card title={t('monitoring.eventsTitle')}>
        <Space style={{ marginBottom: 12 }} wrap>
          <Segmented value={group} onChange={(v) => { setGroup(v as EventGroup | 'all'); setPage(1); }}
            options={(['all', 'exceedance', 'data_quality', 'electricity'] as const).map((g) => ({ value: g, label: t(`monitoring.group.${g}`) }))} />
          <Checkbox checked={ongoing} onChange={(e) => { setOngoing(e.target.checked); setPage(1); }}>{t('monitoring.onlyOngoing')}</Checkbox>
        </Space>
        {error && <LoadError message={error} onRetry={reload} />}
        <Table rowKey="id" size="small" loading={loading} dataSource={data?.items ?? []} columns={columns} data-testid="monitoring-events"
          pagination={{ current: page, pageSize: 30, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }} />
      </Card>
    </>
  );
}
