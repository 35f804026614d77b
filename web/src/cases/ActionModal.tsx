// One form per procedure step; the server judges each step (refusals come back with their article).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DECISION_KINDS, PENALTY_KINDS } from '../../../src/cases/rules/penalties';
import { caseApi } from './api';
import { applyApiError } from './form-errors';
import { civilOf, DateField, dayOf, StaffSelect, YuanField } from './fields';
import { fenToYuanInput, formatYuan, todayOn, useDirectory, yuanToFen } from './shared';
import type { ActionBody, CaseActionName, CaseDetail, CommitteeDecision, DecisionKind, Meeting, PenaltyKind, ReviewPoint } from './types';

export const REVIEW_POINTS: ReviewPoint[] = ['subject', 'authority', 'procedure', 'facts', 'evidence', 'legalBasis', 'discretion'];
const COMMITTEE_DECISIONS: CommitteeDecision[] = ['approve', 'amend', 'no_penalty', 'transfer', 'investigate_further'];
const INVESTIGATION_KINDS = ['inspection_record', 'inquiry_record', 'sampling', 'evidence_registration', 'evidence_preservation'] as const;
const SERVICE_METHODS = ['in_person', 'mail', 'electronic', 'public_notice'] as const;

/** Every field any step form has (the forms share one values shape). */
interface Values {
  kind?: string;
  occurredOn?: Dayjs;
  officerIds?: number[];
  summary?: string;
  penaltyKinds?: PenaltyKind[];
  fineYuan?: string | null;
  facts?: string;
  violatedProvisions?: string;
  penaltyBasis?: string;
  discretionReason?: string;
  outcome?: string;
  opinion?: string;
  findings?: Record<ReviewPoint, { ok: boolean; note?: string }>;
  meetingId?: number;
  opinions?: { memberId: number; opinion?: string }[];
  decision?: CommitteeDecision;
  conclusion?: string;
  servedOn?: Dayjs;
  content?: string;
  receivedOn?: Dayjs;
  adopted?: boolean;
  waived?: boolean;
  requestedOn?: Dayjs;
  hostId?: number;
  noticeOn?: Dayjs;
  scheduledOn?: Dayjs;
  location?: string;
  heldOn?: Dayjs;
  record?: string;
  days?: number;
  reason?: string;
  reasons?: string;
  basis?: string;
  transferTo?: string;
  method?: (typeof SERVICE_METHODS)[number];
  receiver?: string;
  paidOn?: Dayjs;
  amountYuan?: string | null;
  receiptNo?: string;
  appliedOn?: Dayjs;
  court?: string;
}

type Path = (string | number)[];

interface Spec<A extends CaseActionName> {
  /** Form fields the server may name in an error (top level). */
  names: string[];
  /** Server field → form path, where they differ. */
  aliases?: Record<string, Path>;
  initial(c: CaseDetail, today: Dayjs): Values;
  body(v: Values, c: CaseDetail): ActionBody<A>;
}

const text = (s: string | undefined) => (s ?? '').trim();

const SPECS: { [A in CaseActionName]: Spec<A> } = {
  record_investigation: {
    names: ['kind', 'occurredOn', 'officerIds', 'summary'],
    initial: (c, today) => ({ kind: 'inspection_record', occurredOn: today, officerIds: c.officers.map((o) => o.id) }),
    body: (v) => ({ kind: v.kind as ActionBody<'record_investigation'>['kind'], occurredOn: civilOf(v.occurredOn), officerIds: v.officerIds ?? [], summary: text(v.summary) }),
  },
  submit: {
    names: ['penaltyKinds', 'fineYuan', 'facts', 'violatedProvisions', 'penaltyBasis', 'discretionReason'],
    aliases: { fineFen: ['fineYuan'] },
    initial: (c) => ({
      penaltyKinds: c.proposal?.penaltyKinds ?? ['fine'], fineYuan: fenToYuanInput(c.proposal?.fineFen), facts: c.proposal?.facts,
      violatedProvisions: c.proposal?.violatedProvisions, penaltyBasis: c.proposal?.penaltyBasis, discretionReason: c.proposal?.discretionReason ?? undefined,
    }),
    body: (v) => ({
      proposal: {
        penaltyKinds: v.penaltyKinds ?? [], fineFen: yuanToFen(v.fineYuan) ?? 0, facts: text(v.facts), violatedProvisions: text(v.violatedProvisions),
        penaltyBasis: text(v.penaltyBasis), discretionReason: text(v.discretionReason) || null,
      },
    }),
  },
  case_review: {
    names: ['outcome', 'opinion'],
    initial: () => ({ outcome: 'passed' }),
    body: (v) => ({ outcome: v.outcome as 'passed' | 'returned', opinion: text(v.opinion) }),
  },
  legal_review: {
    names: ['findings', 'outcome', 'opinion'],
    aliases: Object.fromEntries(REVIEW_POINTS.map((p) => [`findings.${p}`, ['findings', p, 'ok']])),
    initial: () => ({ outcome: 'passed', findings: Object.fromEntries(REVIEW_POINTS.map((p) => [p, { ok: true, note: '' }])) as Values['findings'] }),
    body: (v) => ({
      findings: Object.fromEntries(REVIEW_POINTS.map((p) => [p, { ok: Boolean(v.findings?.[p]?.ok), note: text(v.findings?.[p]?.note) }])) as ActionBody<'legal_review'>['findings'],
      outcome: v.outcome as 'passed' | 'returned' | 'rejected',
      opinion: text(v.opinion),
    }),
  },
  collective_discussion: {
    names: ['meetingId', 'opinions', 'decision', 'conclusion'],
    initial: () => ({ decision: 'approve', opinions: [] }),
    body: (v) => ({
      meetingId: v.meetingId!,
      opinions: (v.opinions ?? []).filter((o) => text(o.opinion)).map((o) => ({ memberId: o.memberId, opinion: text(o.opinion) })),
      decision: v.decision!,
      conclusion: text(v.conclusion),
    }),
  },
  notify: {
    names: ['servedOn', 'content'],
    initial: (c, today) => ({ servedOn: today, content: c.proposal ? `${c.proposal.facts}\n${c.proposal.penaltyBasis}` : undefined }),
    body: (v) => ({ servedOn: civilOf(v.servedOn), content: text(v.content) }),
  },
  statement: {
    names: ['receivedOn', 'content', 'adopted', 'waived'],
    initial: (_c, today) => ({ receivedOn: today, adopted: false, waived: false }),
    body: (v) => ({ receivedOn: civilOf(v.receivedOn), content: text(v.content), adopted: Boolean(v.adopted), waived: Boolean(v.waived) }),
  },
  request_hearing: {
    names: ['requestedOn'],
    initial: (_c, today) => ({ requestedOn: today }),
    body: (v) => ({ requestedOn: civilOf(v.requestedOn) }),
  },
  schedule_hearing: {
    names: ['hostId', 'noticeOn', 'scheduledOn', 'location'],
    initial: (_c, today) => ({ noticeOn: today }),
    body: (v) => ({ hostId: v.hostId!, noticeOn: civilOf(v.noticeOn), scheduledOn: civilOf(v.scheduledOn), location: text(v.location) }),
  },
  hold_hearing: {
    names: ['heldOn', 'record'],
    initial: (_c, today) => ({ heldOn: today }),
    body: (v) => ({ heldOn: civilOf(v.heldOn), record: text(v.record) }),
  },
  extend: {
    names: ['days', 'reason'],
    initial: () => ({ days: 30 }),
    body: (v) => ({ days: v.days ?? 0, reason: text(v.reason) }),
  },
  decide: {
    names: ['kind', 'penaltyKinds', 'fineYuan', 'reasons', 'basis', 'transferTo'],
    aliases: { fineFen: ['fineYuan'] },
    initial: (c) => ({
      kind: 'penalty', penaltyKinds: c.proposal?.penaltyKinds ?? [],
      fineYuan: fenToYuanInput(c.notification?.proposedFineFen ?? c.proposal?.fineFen), reasons: c.proposal?.facts, basis: c.proposal?.penaltyBasis,
    }),
    body: (v) => {
      const kind = v.kind as DecisionKind;
      const penalty = kind === 'penalty';
      return {
        kind, penaltyKinds: penalty ? v.penaltyKinds ?? [] : [], fineFen: penalty && v.penaltyKinds?.includes('fine') ? yuanToFen(v.fineYuan) ?? 0 : 0,
        reasons: text(v.reasons), basis: text(v.basis), transferTo: kind === 'transfer' ? text(v.transferTo) : null,
      };
    },
  },
  serve: {
    names: ['servedOn', 'method', 'receiver'],
    initial: (c, today) => ({ servedOn: today, method: 'in_person', receiver: c.enterprise.legalRepresentative }),
    body: (v) => ({ servedOn: civilOf(v.servedOn), method: v.method!, receiver: text(v.receiver) }),
  },
  pay: {
    names: ['paidOn', 'amountYuan', 'receiptNo'],
    aliases: { amountFen: ['amountYuan'] },
    initial: (c, today) => ({ paidOn: today, amountYuan: fenToYuanInput(Math.max(0, c.amountDueFen - c.paidFen)) }),
    body: (v) => ({ paidOn: civilOf(v.paidOn), amountFen: yuanToFen(v.amountYuan) ?? 0, receiptNo: text(v.receiptNo) || null }),
  },
  court_enforcement: {
    names: ['appliedOn', 'court'],
    initial: (_c, today) => ({ appliedOn: today }),
    body: (v) => ({ appliedOn: civilOf(v.appliedOn), court: text(v.court) }),
  },
  close: {
    names: ['summary'],
    initial: () => ({}),
    body: (v) => ({ summary: text(v.summary) }),
  },
  archive: {
    names: [],
    initial: () => ({}),
    body: () => ({}),
  },
};

function required(t: TFunction, key: string) {
  return { required: true, message: t('cases.form.required', { field: t(key) }) };
}
function requiredText(t: TFunction, key: string) {
  return { ...required(t, key), whitespace: true };
}

function dateItem(t: TFunction, name: string, label: string, optional = false) {
  return (
    <Form.Item name={name} label={t(label)} rules={optional ? [] : [required(t, label)]}>
      <DateField testId={`field-${name}`} />
    </Form.Item>
  );
}

function textArea(t: TFunction, name: string, label: string, opts: { optional?: boolean; rows?: number } = {}) {
  return (
    <Form.Item name={name} label={t(label)} rules={opts.optional ? [] : [requiredText(t, label)]}>
      <Input.TextArea rows={opts.rows ?? 3} data-testid={`field-${name}`} />
    </Form.Item>
  );
}

/** Penalty kinds and, when a fine is among them, its amount in yuan. */
function PenaltyFields({ t }: { t: TFunction }) {
  const kinds = Form.useWatch<PenaltyKind[] | undefined>('penaltyKinds');
  return (
    <Row gutter={12}>
      <Col span={14}>
        <Form.Item name="penaltyKinds" label={t('cases.field.penaltyKinds')} rules={[required(t, 'cases.field.penaltyKinds')]}>
          <Select<PenaltyKind[]> mode="multiple" options={PENALTY_KINDS.map((k) => ({ value: k, label: t(`cases.penaltyKind.${k}`) }))} data-testid="field-penaltyKinds" />
        </Form.Item>
      </Col>
      <Col span={10}>
        {kinds?.includes('fine') && (
          <Form.Item name="fineYuan" label={t('cases.field.fine')} rules={[required(t, 'cases.field.fine')]}>
            <YuanField testId="field-fineYuan" />
          </Form.Item>
        )}
      </Col>
    </Row>
  );
}

function MeetingFields({ t, c }: { t: TFunction; c: CaseDetail }) {
  const form = Form.useFormInstance<Values>();
  const { name } = useDirectory();
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  useEffect(() => {
    const ctrl = new AbortController();
    caseApi.meetings(ctrl.signal).then((r) => setMeetings(r.items), () => undefined);
    return () => ctrl.abort();
  }, []);
  const used = new Set(c.discussions.map((d) => d.meetingId));
  const onMeeting = (id: number) => {
    const m = meetings.find((x) => x.id === id);
    form.setFieldValue('opinions', (m?.attendeeIds ?? []).map((memberId) => ({ memberId, opinion: '' })));
  };
  return (
    <>
      <Form.Item name="meetingId" label={t('cases.field.meeting')} rules={[required(t, 'cases.field.meeting')]}>
        <Select<number>
          onChange={onMeeting}
          options={meetings.filter((m) => !used.has(m.id)).map((m) => ({ value: m.id, label: `${m.heldOn} ${m.location}（#${m.id}）` }))}
          data-testid="field-meetingId"
        />
      </Form.Item>
      <Form.Item label={t('cases.field.opinions')} required>
        <Form.List name="opinions">
          {(fields) => (
            <div data-testid="field-opinions">
              {fields.length === 0 && <Typography.Text type="secondary">{t('cases.form.pickMeetingFirst')}</Typography.Text>}
              {fields.map((f) => {
                const memberId = form.getFieldValue(['opinions', f.name, 'memberId']) as number;
                return (
                  <Form.Item key={f.key} name={[f.name, 'opinion']} label={name(memberId)} style={{ marginBottom: 8 }}>
                    <Input data-testid={`opinion-${memberId}`} placeholder={t('cases.form.opinionPlaceholder')} />
                  </Form.Item>
                );
              })}
            </div>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="decision" label={t('cases.field.committeeDecision')} rules={[required(t, 'cases.field.committeeDecision')]}>
        <Select<CommitteeDecision> options={COMMITTEE_DECISIONS.map((d) => ({ value: d, label: t(`cases.committeeDecision.${d}`) }))} data-testid="field-decision" />
      </Form.Item>
      {textArea(t, 'conclusion', 'cases.field.conclusion')}
    </>
  );
}

function DecisionFields({ t, c }: { t: TFunction; c: CaseDetail }) {
  const kind = Form.useWatch<DecisionKind | undefined>('kind');
  return (
    <>
      <Form.Item name="kind" label={t('cases.field.decisionKind')} rules={[required(t, 'cases.field.decisionKind')]}>
        <Select<DecisionKind> options={DECISION_KINDS.map((k) => ({ value: k, label: t(`cases.decisionKind.${k}`) }))} data-testid="field-kind" />
      </Form.Item>
      {kind === 'penalty' && <PenaltyFields t={t} />}
      {kind === 'penalty' && c.notification && (
        <Typography.Paragraph type="secondary" data-testid="proposed-fine-hint">
          {t('cases.form.proposedFine', { amount: formatYuan(c.notification.proposedFineFen) })}
        </Typography.Paragraph>
      )}
      {kind === 'transfer' && (
        <Form.Item name="transferTo" label={t('cases.field.transferTo')} rules={[requiredText(t, 'cases.field.transferTo')]}>
          <Input data-testid="field-transferTo" />
        </Form.Item>
      )}
      {textArea(t, 'reasons', 'cases.field.reasons')}
      {textArea(t, 'basis', 'cases.field.basis', { rows: 2 })}
    </>
  );
}

function fieldsFor(action: CaseActionName, t: TFunction, c: CaseDetail): ReactNode {
  switch (action) {
    case 'record_investigation':
      return (
        <>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="kind" label={t('cases.field.investigationKind')} rules={[required(t, 'cases.field.investigationKind')]}>
                <Select options={INVESTIGATION_KINDS.map((k) => ({ value: k, label: t(`cases.step.${k}`) }))} data-testid="field-kind" />
              </Form.Item>
            </Col>
            <Col span={12}>{dateItem(t, 'occurredOn', 'cases.field.occurredOn')}</Col>
          </Row>
          <Form.Item name="officerIds" label={t('cases.field.officers')} rules={[required(t, 'cases.field.officers')]} extra={t('cases.form.twoOfficersHint')}>
            <StaffSelect multiple filter={(s) => s.role === 'enforcement_officer'} testId="field-officerIds" />
          </Form.Item>
          {textArea(t, 'summary', 'cases.field.summary', { rows: 4 })}
        </>
      );
    case 'submit':
      return (
        <>
          <PenaltyFields t={t} />
          {textArea(t, 'facts', 'cases.field.facts', { rows: 4 })}
          {textArea(t, 'violatedProvisions', 'cases.field.violatedProvisions', { rows: 2 })}
          {textArea(t, 'penaltyBasis', 'cases.field.penaltyBasis', { rows: 2 })}
          {textArea(t, 'discretionReason', 'cases.field.discretionReason', { optional: true, rows: 2 })}
        </>
      );
    case 'case_review':
      return (
        <>
          <Form.Item name="outcome" label={t('cases.field.outcome')} rules={[required(t, 'cases.field.outcome')]}>
            <Radio.Group data-testid="field-outcome" options={(['passed', 'returned'] as const).map((o) => ({ value: o, label: t(`cases.caseReviewOutcome.${o}`) }))} />
          </Form.Item>
          {textArea(t, 'opinion', 'cases.field.opinion')}
        </>
      );
    case 'legal_review':
      return (
        <>
          <div data-testid="review-findings">
            {REVIEW_POINTS.map((p) => (
              <Row gutter={12} key={p} align="top">
                <Col span={9}>
                  <Form.Item name={['findings', p, 'ok']} valuePropName="checked" label={t(`cases.reviewPoint.${p}`)} style={{ marginBottom: 8 }}>
                    <Switch checkedChildren={t('cases.finding.ok')} unCheckedChildren={t('cases.finding.notOk')} data-testid={`finding-${p}-ok`} />
                  </Form.Item>
                </Col>
                <Col span={15}>
                  <Form.Item name={['findings', p, 'note']} label={t('cases.field.note')} style={{ marginBottom: 8 }}>
                    <Input data-testid={`finding-${p}-note`} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
          </div>
          <Form.Item name="outcome" label={t('cases.field.outcome')} rules={[required(t, 'cases.field.outcome')]}>
            <Radio.Group data-testid="field-outcome" options={(['passed', 'returned', 'rejected'] as const).map((o) => ({ value: o, label: t(`cases.reviewOutcome.${o}`) }))} />
          </Form.Item>
          {textArea(t, 'opinion', 'cases.field.opinion')}
        </>
      );
    case 'collective_discussion':
      return <MeetingFields t={t} c={c} />;
    case 'notify':
      return (
        <>
          {dateItem(t, 'servedOn', 'cases.field.notifiedOn')}
          {textArea(t, 'content', 'cases.field.notificationContent', { rows: 4 })}
        </>
      );
    case 'statement':
      return (
        <>
          {dateItem(t, 'receivedOn', 'cases.field.receivedOn')}
          {textArea(t, 'content', 'cases.field.statementContent', { optional: true, rows: 4 })}
          <Space size="large">
            <Form.Item name="adopted" valuePropName="checked" noStyle>
              <Checkbox data-testid="field-adopted">{t('cases.field.adopted')}</Checkbox>
            </Form.Item>
            <Form.Item name="waived" valuePropName="checked" noStyle>
              <Checkbox data-testid="field-waived">{t('cases.field.waived')}</Checkbox>
            </Form.Item>
          </Space>
        </>
      );
    case 'request_hearing':
      return dateItem(t, 'requestedOn', 'cases.field.requestedOn');
    case 'schedule_hearing':
      return (
        <>
          <Form.Item name="hostId" label={t('cases.field.host')} rules={[required(t, 'cases.field.host')]} extra={t('cases.form.hostHint')}>
            <StaffSelect testId="field-hostId" />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>{dateItem(t, 'noticeOn', 'cases.field.noticeOn')}</Col>
            <Col span={12}>{dateItem(t, 'scheduledOn', 'cases.field.scheduledOn')}</Col>
          </Row>
          <Form.Item name="location" label={t('cases.field.location')} rules={[requiredText(t, 'cases.field.location')]}>
            <Input data-testid="field-location" />
          </Form.Item>
        </>
      );
    case 'hold_hearing':
      return (
        <>
          {dateItem(t, 'heldOn', 'cases.field.heldOn')}
          {textArea(t, 'record', 'cases.field.hearingRecord', { rows: 5 })}
        </>
      );
    case 'extend':
      return (
        <>
          <Form.Item name="days" label={t('cases.field.extensionDays')} rules={[required(t, 'cases.field.extensionDays')]}>
            <InputNumber min={1} max={90} precision={0} data-testid="field-days" />
          </Form.Item>
          {textArea(t, 'reason', 'cases.field.extensionReason')}
        </>
      );
    case 'decide':
      return <DecisionFields t={t} c={c} />;
    case 'serve':
      return (
        <>
          {dateItem(t, 'servedOn', 'cases.field.servedOn')}
          <Form.Item name="method" label={t('cases.field.serviceMethod')} rules={[required(t, 'cases.field.serviceMethod')]}>
            <Select options={SERVICE_METHODS.map((m) => ({ value: m, label: t(`cases.serviceMethod.${m}`) }))} data-testid="field-method" />
          </Form.Item>
          <Form.Item name="receiver" label={t('cases.field.receiver')} rules={[requiredText(t, 'cases.field.receiver')]}>
            <Input data-testid="field-receiver" />
          </Form.Item>
        </>
      );
    case 'pay':
      return (
        <>
          <Typography.Paragraph data-testid="pay-outstanding">
            {t('cases.form.outstanding', { due: formatYuan(c.amountDueFen), paid: formatYuan(c.paidFen), left: formatYuan(Math.max(0, c.amountDueFen - c.paidFen)) })}
          </Typography.Paragraph>
          {dateItem(t, 'paidOn', 'cases.field.paidOn')}
          <Form.Item name="amountYuan" label={t('cases.field.amount')} rules={[required(t, 'cases.field.amount')]}>
            <YuanField testId="field-amountYuan" />
          </Form.Item>
          <Form.Item name="receiptNo" label={t('cases.field.receiptNo')}>
            <Input data-testid="field-receiptNo" />
          </Form.Item>
        </>
      );
    case 'court_enforcement':
      return (
        <>
          {dateItem(t, 'appliedOn', 'cases.field.appliedOn')}
          <Form.Item name="court" label={t('cases.field.court')} rules={[requiredText(t, 'cases.field.court')]}>
            <Input data-testid="field-court" />
          </Form.Item>
        </>
      );
    case 'close':
      return textArea(t, 'summary', 'cases.field.closingSummary', { rows: 4 });
    case 'archive':
      return <Alert type="warning" showIcon message={t('cases.form.archiveWarning')} />;
  }
}

/** The modal for one step: its form, the server's answer, and any refusal shown where it belongs. */
export function ActionModal({ c, action, onClose, onDone }: {
  c: CaseDetail;
  action: CaseActionName | null;
  onClose(): void;
  onDone(updated: CaseDetail): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const spec = action ? (SPECS[action] as Spec<CaseActionName>) : null;
  const initial = useMemo(() => (action ? SPECS[action].initial(c, dayOf(todayOn())!) : {}), [action, c]);

  useEffect(() => {
    setError(null);
    setSaving(false);
  }, [action]);

  const submit = async () => {
    if (!action || !spec) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const updated = await caseApi.act(c.id, action, spec.body({ ...form.getFieldsValue(true), ...values }, c) as never);
      setSaving(false);
      onDone(updated);
    } catch (e) {
      setSaving(false);
      setError(applyApiError(form, e, t, spec.names, spec.aliases) || null);
    }
  };

  return (
    <Modal
      open={action !== null}
      title={action ? `${t(`cases.action.${action}`)} · ${c.number}` : ''}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={onClose} data-testid="action-modal-cancel">{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="action-modal-submit">
            {action ? t(`cases.action.${action}`) : t('common.save')}
          </Button>
        </Space>
      }
    >
      <div data-testid={action ? `action-form-${action}` : undefined}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="action-error" />}
        {action && (
          <Form<Values> key={action} form={form} layout="vertical" initialValues={initial} onValuesChange={() => error && setError(null)}>
            {fieldsFor(action, t, c)}
          </Form>
        )}
      </div>
    </Modal>
  );
}
