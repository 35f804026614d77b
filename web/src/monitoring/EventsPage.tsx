import { useState } from 'react';
import { App, Button, Card, Checkbox, Segmented, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/api';
import { ListPage, useUrlList } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { monitoringApi } from './api';
import { cst, MonitoringNav } from './shared';
import type { EventGroup, MonitoringEvent } from './types';

const GROUP_COLOUR: Record<EventGroup, string> = { exceedance: 'red', data_quality: 'gold', electricity: 'purple' };

export default function EventsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The workbench links here with ?group=exceedance&ongoing=true: start from that filter.
  // The group, the ongoing filter and the page are in the URL (the board links to ?group=…).
  const list = useUrlList(30);
  const { params, page, pageSize } = list;
  const groupParam = params.get('group');
  const group: EventGroup | 'all' = groupParam && groupParam in GROUP_COLOUR ? (groupParam as EventGroup) : 'all';
  const ongoing = params.get('ongoing') === 'true';
  const [busy, setBusy] = useState<number | null>(null);
  const load = useLoad(
    (signal) => monitoringApi.events({ group: group === 'all' ? undefined : group, ongoing: ongoing ? true : undefined, page, pageSize }, signal),
    [group, ongoing, page, pageSize],
  );
  const { reload } = load;
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
        <ListPage<MonitoringEvent> load={load} paging={list} pageSizeOptions={[30, 50, 100]} rowKey="id" size="small" columns={columns} data-testid="monitoring-events"
          empty={t('emptyState.monitoringEvents')}
          filters={<>
            <Segmented value={group} onChange={(v) => list.update({ group: v === 'all' ? undefined : String(v) })}
              options={(['all', 'exceedance', 'data_quality', 'electricity'] as const).map((g) => ({ value: g, label: t(`monitoring.group.${g}`) }))} />
            <Checkbox checked={ongoing} onChange={(e) => list.update({ ongoing: e.target.checked ? 'true' : undefined })}>{t('monitoring.onlyOngoing')}</Checkbox>
          </>} />
      </Card>
    </>
  );
}
