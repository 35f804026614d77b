// 排污许可: permits with validity and renewal, applications with their clocks (3-day notice, decision
// period), overdue execution reports. An enterprise user sees its own; licensing staff act on applications,
// the leader decides.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Space, Tabs, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { useLoad, type Loaded } from '../app/useLoad';
import { permitApi } from './api';
import { ApplicationStepModal, type Step } from './ApplicationStepModal';
import { ApplyModal } from './ApplyModal';
import type { Application, Board, Permit, RenewalState, ReportRow } from './types';

const RENEWAL_COLOR: Record<RenewalState, string> = { none: 'default', upcoming: 'default', due: 'orange', late: 'red', expired: 'red' };
const STATUS_COLOR: Record<Application['status'], string> = { received: 'blue', incomplete: 'orange', accepted: 'processing', approved: 'green', refused: 'default' };

/** Part of the board as a list of its own (loading and error follow the board's). */
export const part = <T,>(load: Loaded<Board>, pick: (b: Board) => T[]): Loaded<T[]> => ({ ...load, data: load.data ? pick(load.data) : null });

export function PermitTable({ load }: { load: Loaded<Permit[]> }) {
  const { t } = useTranslation();
  return (
    <ListPage<Permit>
      load={load}
      rowKey="id"
      data-testid="permits-list"
      empty={t('permits.empty.permits')}
      columns={[
        { title: t('permits.field.number'), dataIndex: 'number', render: (v: string, p) => <Link to={`/permits/${p.id}`} data-testid={`permit-link-${p.id}`}>{v}</Link> },
        { title: t('permits.field.enterprise'), dataIndex: 'enterpriseName' },
        { title: t('permits.field.class'), dataIndex: 'managementClass', width: 110, render: (v: Permit['managementClass']) => <Tag>{t(`permits.class.${v}`)}</Tag> },
        { title: t('permits.field.validity'), key: 'validity', width: 220, render: (_: unknown, p) => `${p.validFrom} ~ ${p.validTo ?? t('permits.noEnd')}` },
        { title: t('permits.field.state'), key: 'state', width: 110, render: (_: unknown, p) => (p.validNow ? <Tag color="green">{t('permits.valid')}</Tag> : <Tag color="red">{t('permits.invalid')}</Tag>) },
        {
          title: t('permits.field.renewal'), key: 'renewal', width: 200,
          render: (_: unknown, p) => (p.renewalState === 'none' ? '—' : (
            <Tooltip title={t('permits.hint.renewal')}><Tag color={RENEWAL_COLOR[p.renewalState]} data-testid={`permit-renewal-${p.id}`}>{t(`permits.renewal.${p.renewalState}`)} {p.renewalDueOn}</Tag></Tooltip>
          )),
        },
      ]}
    />
  );
}

export default function PermitsPage() {
  const { t } = useTranslation();
  const load = useLoad<Board>((signal) => permitApi.board(undefined, signal), []);
  const [applying, setApplying] = useState(false);
  const [step, setStep] = useState<{ application: Application; step: Step } | null>(null);
  const board = load.data;
  const applyButton = board?.canApply ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)} data-testid="permit-apply">{t('permits.apply.new')}</Button>
  ) : undefined;
  const stepButton = (a: Application, s: Step, show: boolean) => (show ? (
    <Button size="small" onClick={() => setStep({ application: a, step: s })} data-testid={`permit-${s}-${a.id}`}>{t(`permits.step.${s}`)}</Button>
  ) : null);
  return (
    <Card title={t('permits.title')} extra={applyButton} data-testid="permits-page">
      <Tabs items={[
        { key: 'permits', label: t('permits.tab.permits'), children: <PermitTable load={part(load, (b) => b.permits)} /> },
        {
          key: 'applications', label: t('permits.tab.applications'),
          children: (
            <ListPage<Application>
              load={part(load, (b) => b.applications)}
              rowKey="id"
              data-testid="permit-applications-list"
              empty={t('permits.empty.applications')}
              emptyAction={applyButton}
              columns={[
                { title: t('permits.field.enterprise'), dataIndex: 'enterpriseName' },
                { title: t('permits.field.kind'), dataIndex: 'kind', width: 90, render: (v: Application['kind'], a) => <Space size={4}>{t(`permits.kind.${v}`)}{a.late && <Tag color="red">{t('permits.late')}</Tag>}</Space> },
                { title: t('permits.field.class'), dataIndex: 'managementClass', width: 100, render: (v: Application['managementClass']) => t(`permits.class.${v}`) },
                { title: t('permits.field.receivedOn'), dataIndex: 'receivedOn', width: 110 },
                {
                  title: t('permits.field.clock'), key: 'clock', width: 260,
                  render: (_: unknown, a) => {
                    if (a.status === 'received') {
                      return a.deemedAcceptedNow ? <Tag color="red">{t('permits.clock.deemed', { on: a.receivedOn })}</Tag> : <Tag color="blue">{t('permits.clock.notice', { on: a.noticeDueOn })}</Tag>;
                    }
                    if (a.status === 'accepted') {
                      return <Tag color={a.overdue ? 'red' : 'processing'} data-testid={`permit-clock-${a.id}`}>{t(a.overdue ? 'permits.clock.overdue' : 'permits.clock.decision', { on: a.decisionDueOn })}{a.provisional ? ` ${t('permits.provisional')}` : ''}</Tag>;
                    }
                    return a.decidedOn ?? a.noticedOn ?? '—';
                  },
                },
                { title: t('permits.field.status'), dataIndex: 'status', width: 100, render: (v: Application['status']) => <Tag color={STATUS_COLOR[v]}>{t(`permits.status.${v}`)}</Tag> },
                {
                  title: t('permits.field.actions'), key: 'actions', width: 220,
                  render: (_: unknown, a) => (
                    <Space>
                      {stepButton(a, 'notice', !!board?.canManage && a.status === 'received' && !a.deemedAcceptedNow)}
                      {stepButton(a, 'accept', !!board?.canManage && (a.status === 'received' || a.status === 'incomplete'))}
                      {stepButton(a, 'decide', !!board?.canDecide && a.status === 'accepted')}
                    </Space>
                  ),
                },
              ]}
            />
          ),
        },
        {
          key: 'reports', label: t('permits.tab.overdueReports'),
          children: (
            <ListPage<ReportRow>
              load={part(load, (b) => b.overdueReports)}
              rowKey={(r) => `${r.permitId}-${r.kind}-${r.period}`}
              data-testid="permit-overdue-reports"
              empty={t('permits.empty.reports')}
              columns={[
                { title: t('permits.field.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/permits/${r.permitId}`}>{v}</Link> },
                { title: t('permits.field.enterprise'), dataIndex: 'enterpriseName' },
                { title: t('permits.field.reportKind'), dataIndex: 'kind', width: 100, render: (v: ReportRow['kind']) => t(`permits.reportKind.${v}`) },
                { title: t('permits.field.period'), dataIndex: 'period', width: 100 },
                { title: t('permits.field.dueOn'), dataIndex: 'dueOn', width: 120, render: (v: string) => <Tag color="red">{v}</Tag> },
              ]}
            />
          ),
        },
      ]} />
      <ApplyModal open={applying} kind="new" onClose={() => setApplying(false)} onDone={() => { setApplying(false); load.reload(); }} />
      <ApplicationStepModal application={step?.application ?? null} step={step?.step ?? 'notice'} onClose={() => setStep(null)} onDone={() => { setStep(null); load.reload(); }} />
    </Card>
  );
}
