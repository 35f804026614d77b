// The coercive and special measures of one case: a list with each measure's record, computed figures,
// deadlines and history, a create form per kind, and the follow-up events the server offers.
// Usage on the case page: <MeasuresPanel caseId={c.id} canWrite={can('measure.write')} />
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Collapse, Descriptions, Dropdown, Empty, List, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { errorMessage } from '../app/api';
import { MEASURE_KINDS } from '../../../src/measures/rules/kinds';
import { formatYuan } from '../../../src/law/fen';
import { measureApi } from './api';
import { CreateMeasureModal, EventModal } from './MeasureForms';
import type { Citation, ExplanationLine, MeasureEvent, MeasureKind, MeasureView } from './types';
import './strings';

export interface MeasuresPanelProps {
  caseId: number;
  /** Whether the user may record measures (permission 'measure.write'); the server still decides each action. */
  canWrite: boolean;
}

const citationText = (c: Citation) => `${c.law} ${c.article}${c.paragraph ?? ''}${c.item ?? ''}`;
const DEADLINE_COLOR = { overdue: 'red', due_soon: 'orange', ok: 'default' } as const;
const FINAL_COLOR = 'green';

function lineText(l: ExplanationLine, lang: string): string {
  return lang === 'en' ? l.en : l.zh;
}

function Lines({ lines, lang }: { lines: ExplanationLine[]; lang: string }) {
  return (
    <List
      size="small"
      dataSource={lines}
      renderItem={(l) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <span>{lineText(l, lang)}</span>
            {l.citation && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{citationText(l.citation)}</Typography.Text>}
          </Space>
        </List.Item>
      )}
    />
  );
}

function KindDetails({ m, t, lang }: { m: MeasureView; t: TFunction; lang: string }) {
  const r = m.record;
  const f = (k: string) => t(`measures.field.${k}`);
  switch (r.kind) {
    case 'daily_penalty':
      return (
        <>
          <Descriptions size="small" column={2} bordered items={[
            { key: 'ground', label: f('ground'), children: t(`measures.dailyGround.${r.ground}`), span: 2 },
            { key: 'violation', label: f('violation'), children: r.violation, span: 2 },
            { key: 'order', label: f('orderNumber'), children: r.orderNumber },
            { key: 'served', label: f('orderServedOn'), children: r.orderServedOn },
          ]} />
          <Typography.Title level={5} style={{ marginTop: 12 }}>{t('measures.reinspections')}</Typography.Title>
          <Table size="small" pagination={false} rowKey="inspectedOn" dataSource={r.reinspections} columns={[
            { title: f('inspectedOn'), dataIndex: 'inspectedOn', render: (v: string) => <>{v}{v > r.reinspectionDueOn && <Tag color="orange" style={{ marginLeft: 6 }}>{t('measures.late')}</Tag>}</> },
            { title: f('officerIds'), dataIndex: 'officerIds', render: (ids: number[]) => ids.map((id) => m.officerNames[String(id)] ?? id).join('、') },
            { title: f('finding'), dataIndex: 'finding', render: (v: string) => <Tag color={v === 'corrected' ? 'green' : 'red'}>{t(`measures.finding.${v}`)}</Tag> },
            { title: f('note'), dataIndex: 'note' },
          ]} />
          {m.computation && (
            <>
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                {t('measures.computation')}
                {m.computation.totalFen !== null && <Tag color="volcano" style={{ marginLeft: 8 }}>{formatYuan(m.computation.totalFen)}</Tag>}
              </Typography.Title>
              <Lines lines={m.computation.lines} lang={lang} />
            </>
          )}
        </>
      );
    case 'seizure':
      return (
        <>
          <Descriptions size="small" column={2} bordered items={[
            { key: 'mode', label: f('mode'), children: <>{t(`measures.mode.${r.mode}`)} <Tag>{m.seizureMandatory ? t('measures.mandatory') : t('measures.discretionary')}</Tag></> },
            { key: 'ground', label: f('ground'), children: t(`measures.seizureGround.${r.ground}`) },
            { key: 'number', label: f('decisionNumber'), children: r.decisionNumber },
            { key: 'decided', label: f('decidedOn'), children: `${r.decidedOn}${r.emergency ? `（${f('emergency')}）` : ''}` },
            { key: 'implemented', label: f('implementedOn'), children: r.implementedOn },
            { key: 'extension', label: t('measures.event.extension'), children: r.extension ? `+${r.extension.days}（${r.extension.approvedOn}，${r.extension.reason}）` : '—' },
            ...(r.release ? [{ key: 'release', label: t('measures.event.release'), children: `${r.release.releasedOn} ${t(`measures.releaseGround.${r.release.ground}`)}`, span: 2 }] : []),
          ]} />
          <Typography.Title level={5} style={{ marginTop: 12 }}>{t('measures.items')}</Typography.Title>
          <Table size="small" pagination={false} rowKey={(_, i) => String(i)} dataSource={r.items} columns={[
            { title: f('itemName'), dataIndex: 'name' }, { title: f('itemSpecification'), dataIndex: 'specification' },
            { title: f('itemQuantity'), dataIndex: 'quantity' }, { title: f('itemLocation'), dataIndex: 'location' },
          ]} />
        </>
      );
    case 'production_restriction':
      return (
        <Descriptions size="small" column={2} bordered items={[
          { key: 'mode', label: f('mode'), children: t(`measures.mode.${r.mode}`) },
          { key: 'ground', label: f('ground'), children: t(`measures.restrictionGround.${r.ground}`) },
          { key: 'number', label: f('decisionNumber'), children: r.decisionNumber },
          { key: 'dates', label: `${f('decidedOn')} / ${f('servedOn')}`, children: `${r.decidedOn} / ${r.servedOn}${r.servedOn > r.serviceDueOn ? ` (${t('measures.late')})` : ''}` },
          { key: 'req', label: f('requirements'), children: r.requirements, span: 2 },
          { key: 'plan', label: t('measures.event.plan'), children: r.plan ? `${r.plan.filedOn}${r.plan.filedOn > r.planDueOn ? ` (${t('measures.late')})` : ''}：${r.plan.summary}` : `— （${t('measures.dueOn')} ${r.planDueOn}）`, span: 2 },
          { key: 'extension', label: t('measures.event.extension'), children: r.extension ? `+${r.extension.months}（${r.extension.approvedOn}，${r.extension.reason}）` : '—' },
          { key: 'lifting', label: t('measures.event.lifting'), children: r.lifting ? r.lifting.liftedOn : '—' },
        ]} />
      );
    case 'detention_transfer':
      return (
        <Descriptions size="small" column={2} bordered items={[
          { key: 'situation', label: f('situation'), children: t(`measures.situation.${r.situation}`), span: 2 },
          { key: 'persons', label: f('persons'), children: r.persons.map((p) => (p.position ? `${p.name}（${p.position}）` : p.name)).join('、'), span: 2 },
          { key: 'facts', label: f('facts'), children: r.facts, span: 2 },
          { key: 'decided', label: f('decidedOn'), children: r.decidedOn },
          { key: 'transfer', label: t('measures.event.transfer'), children: r.transfer ? `${r.transfer.transferredOn} → ${r.transfer.receivingOrgan}${r.transfer.lateReason ? `（${r.transfer.lateReason}）` : ''}` : '—' },
          ...(r.outcome ? [{ key: 'outcome', label: t('measures.outcome'), span: 2, children: `${r.outcome.decidedOn} ${t(`measures.outcomeValue.${r.outcome.outcome}`)}${r.outcome.detentionDays ? ` ${r.outcome.detentionDays}` : ''} ${r.outcome.note}` }] : []),
        ]} />
      );
    case 'crime_transfer':
      return (
        <>
          <Descriptions size="small" column={2} bordered items={[
            { key: 'crime', label: f('suspectedCrime'), children: r.suspectedCrime },
            { key: 'report', label: f('reportOn'), children: r.reportOn },
            { key: 'facts', label: f('facts'), children: r.facts, span: 2 },
            { key: 'approval', label: t('measures.event.approval'), children: r.approval ? `${r.approval.decidedOn} ${r.approval.approved ? t('common.yes') : t('common.no')}${r.approval.reason ? `：${r.approval.reason}` : ''}` : '—' },
            { key: 'transfer', label: t('measures.event.transfer'), children: r.transfer ? `${r.transfer.transferredOn} → ${r.transfer.receivingOrgan}` : '—' },
            ...(r.outcome ? [{ key: 'outcome', label: t('measures.outcome'), span: 2, children: `${r.outcome.decidedOn} ${t(`measures.outcomeValue.${r.outcome.outcome}`)} ${r.outcome.note}` }] : []),
          ]} />
          {m.reminders.length > 0 && (
            <Alert type="info" showIcon style={{ marginTop: 12 }} message={t('measures.reminders')} description={<Lines lines={m.reminders} lang={lang} />} />
          )}
        </>
      );
  }
}

function MeasureBody({ m, onEvent }: { m: MeasureView; onEvent: (m: MeasureView, e: MeasureEvent) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions size="small" column={3} items={[
        { key: 'basis', label: t('measures.basis'), span: 3, children: m.basis.map((c) => <Tag key={citationText(c)}>{citationText(c)}</Tag>) },
        { key: 'officer', label: t('measures.responsible'), children: m.responsibleOfficer.name },
        { key: 'started', label: t('measures.startedOn'), children: m.startedOn },
        { key: 'due', label: t('measures.dueOn'), children: m.dueOn ?? '—' },
        ...(m.endedOn ? [{ key: 'ended', label: t('measures.endedOn'), children: m.endedOn }] : []),
        ...(m.note ? [{ key: 'note', label: t('measures.note'), span: 3, children: m.note }] : []),
      ]} />
      <KindDetails m={m} t={t} lang={lang} />
      {m.actions.length > 0 && (
        <Space wrap>
          {m.actions.map((a) => {
            const button = (
              <Button key={a.event} disabled={!a.allowed} onClick={() => onEvent(m, a.event)} data-testid={`measure-${m.id}-${a.event}`}>
                {t(`measures.event.${a.event}`)}
              </Button>
            );
            return a.allowed ? button : (
              <Tooltip key={a.event} title={t('measures.disabledBecause', { message: `${a.message ?? a.code}${a.citation ? ` (${citationText(a.citation)})` : ''}` })}>
                <span>{button}</span>
              </Tooltip>
            );
          })}
        </Space>
      )}
      <div>
        <Typography.Title level={5}>{t('measures.timeline')}</Typography.Title>
        <Timeline items={m.events.map((e) => ({
          key: e.id,
          children: <span>{e.occurredOn} {t(`measures.event.${e.event}`)}{e.actorName ? ` · ${e.actorName}` : ''}</span>,
        }))} />
      </div>
    </Space>
  );
}

export function MeasuresPanel({ caseId, canWrite }: MeasuresPanelProps) {
  const { t } = useTranslation();
  const [items, setItems] = useState<MeasureView[]>([]);
  const [canCreate, setCanCreate] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState<MeasureKind | null>(null);
  const [eventOf, setEventOf] = useState<{ measure: MeasureView; event: MeasureEvent } | null>(null);

  const load = useCallback((signal?: AbortSignal) => {
    setLoading(true);
    measureApi.listOfCase(caseId, signal)
      .then((r) => { setItems(r.items); setCanCreate(r.canCreate); setError(null); })
      .catch((e) => { if (!(e instanceof DOMException && e.name === 'AbortError')) setError(errorMessage(e)); })
      .finally(() => setLoading(false));
  }, [caseId]);

  useEffect(() => {
    const ctl = new AbortController();
    load(ctl.signal);
    return () => ctl.abort();
  }, [load]);

  const replace = (m: MeasureView) => setItems((list) => (list.some((x) => x.id === m.id) ? list.map((x) => (x.id === m.id ? m : x)) : [...list, m]));

  const addButton = canWrite && canCreate ? (
    <Dropdown menu={{ items: MEASURE_KINDS.map((k) => ({ key: k, label: t(`measures.kind.${k}`) })), onClick: ({ key }) => setCreating(key as MeasureKind) }}>
      <Button type="primary" icon={<PlusOutlined />} data-testid="measure-add">{t('measures.add')} <DownOutlined /></Button>
    </Dropdown>
  ) : null;

  return (
    <Card title={t('measures.title')} extra={addButton} loading={loading && items.length === 0} data-testid="measures-panel">
      <LoadError message={error} onRetry={() => load()} />
      {canWrite && !canCreate && !loading && !error && <Alert type="warning" showIcon message={t('measures.archived')} style={{ marginBottom: 12 }} />}
      {items.length === 0 ? <Empty description={t('measures.empty')} /> : (
        <Collapse items={items.map((m) => ({
          key: m.id,
          label: (
            <Space wrap>
              <strong>{t(`measures.kind.${m.kind}`)}</strong>
              <Tag color={m.outcome ? FINAL_COLOR : 'blue'}>{t(`measures.status.${m.status}`)}</Tag>
              {m.deadlineState && m.dueOn && <Tag color={DEADLINE_COLOR[m.deadlineState]}>{t(`measures.deadline.${m.deadlineState}`)} {m.dueOn}</Tag>}
              <Typography.Text type="secondary">{m.startedOn}</Typography.Text>
            </Space>
          ),
          children: <MeasureBody m={m} onEvent={(measure, event) => setEventOf({ measure, event })} />,
        }))} />
      )}
      <CreateMeasureModal caseId={caseId} kind={creating} onClose={() => setCreating(null)} onCreated={(m) => { setCreating(null); replace(m); }} />
      <EventModal measure={eventOf?.measure ?? null} event={eventOf?.event ?? null} onClose={() => setEventOf(null)} onSaved={(m) => { setEventOf(null); replace(m); }} />
    </Card>
  );
}

export default MeasuresPanel;
