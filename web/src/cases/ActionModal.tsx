// One form per procedure step; the server judges each step (refusals come back with their article).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NO_PENALTY_GROUNDS, type NoPenaltyGroundCode } from '../../../src/cases/rules/no-penalty-ground';
import { DECISION_KINDS, PENALTY_KINDS } from '../../../src/cases/rules/penalties';
import { EXCLUDED_PERIOD_KINDS, REMEDY_KINDS, REMEDY_OUTCOMES } from '../../../src/cases/rules/case-records';
import { chinaDateOf } from '../../../src/law/civil-date';
import i18n from '../i18n';
import { caseApi } from './api';
import { memberOpinionApi } from './MemberOpinionCard';
import { discretionApi, EmbeddedCalculator, useViolations, violationNamedIn, ViolationSelect, ViolationSummary } from '../discretion/index';
import { evidenceApi, type EvidenceItem } from '../evidence/index';
import { applyApiError } from './form-errors';
import { civilOf, DateField, dayOf, StaffSelect, YuanField } from './fields';
import { fenToYuanInput, formatYuan, todayOn, useDirectory, yuanToFen } from './shared';
import type { ActionBody, CaseActionName, CaseDetail, CommitteeDecision, DecisionKind, Meeting, PenaltyKind, ReviewPoint } from './types';

export const REVIEW_POINTS: ReviewPoint[] = ['subject', 'authority', 'procedure', 'facts', 'evidence', 'legalBasis', 'discretion'];
const COMMITTEE_DECISIONS: CommitteeDecision[] = ['approve', 'amend', 'no_penalty', 'transfer', 'investigate_further'];
const INVESTIGATION_KINDS = ['inspection_record', 'inquiry_record', 'sampling', 'evidence_registration', 'evidence_preservation'] as const;
const SERVICE_METHODS = ['in_person', 'mail', 'electronic', 'public_notice'] as const;
const CONSENT_CHANNELS = ['email', 'fax', 'sms', 'platform'] as const;

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
  penaltyProvisionCode?: string | null;
  penaltyBaseYuan?: string | null;
  /** The embedded benchmark calculator (行政处罚法 第三十四条): its table, levels and result, stored on the case with the proposal. */
  calcTableId?: number | null;
  calcLevels?: Record<string, string>;
  computedFen?: number | null;
  hearingWaived?: boolean;
  outcome?: string;
  opinion?: string;
  findings?: Record<ReviewPoint, { ok?: boolean; note?: string }>;
  meetingId?: number;
  /** `selfRecorded`: the member recorded his own opinion (我的意见); shown read-only and sent as `recordedText`. */
  opinions?: { memberId: number; stance?: Stance; opinion?: string; selfRecorded?: boolean; recordedText?: string }[];
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
  noPenaltyGround?: NoPenaltyGroundCode;
  method?: (typeof SERVICE_METHODS)[number];
  receiver?: string;
  paidOn?: Dayjs;
  amountYuan?: string | null;
  receiptNo?: string;
  appliedOn?: Dayjs;
  court?: string;
  // Case period, execution, service and hearing absence.
  approvedOn?: Dayjs;
  periodKind?: (typeof EXCLUDED_PERIOD_KINDS)[number];
  fromOn?: Dayjs;
  toOn?: Dayjs;
  note?: string;
  remedyKind?: (typeof REMEDY_KINDS)[number];
  filedOn?: Dayjs;
  remedyBody?: string;
  endedOn?: Dayjs;
  remedyOutcome?: (typeof REMEDY_OUTCOMES)[number];
  arrangementAppliedOn?: Dayjs;
  instalments?: { dueOn?: Dayjs; amountYuan?: string | null }[];
  signedOn?: Dayjs;
  channel?: (typeof CONSENT_CHANNELS)[number];
  address?: string;
  on?: Dayjs;
  absenceReason?: 'absent' | 'left';
  goodReason?: boolean;
  publishedOn?: Dayjs;
  lateReason?: string;
  // 环境保护法 第六十条: the government's approval of a closure.
  govApprover?: string;
  govDocumentNumber?: string;
  govApprovedOn?: Dayjs;
}

type Path = (string | number)[];

interface Spec<A extends CaseActionName> {
  /** Form fields the server may name in an error (top level). */
  names: string[];
  /** Server field → form path, where they differ. */
  aliases?: Record<string, Path>;
  initial(c: CaseDetail, today: Dayjs): Values;
  body(v: Values, c: CaseDetail): ActionBody<A>;
  /** A write the step relies on, made just before it (the proposal's benchmark calculation). */
  before?(v: Values, c: CaseDetail): Promise<unknown>;
}

/** Record texts (drafts of opinions, facts, conclusions) are written in Chinese whatever the UI language. */
const zh = () => i18n.getFixedT('zh-CN');

/** A committee member's stance on the proposal; any but agreement asks for his words. */
type Stance = 'agree' | 'disagree' | 'other';
const STANCES: Stance[] = ['agree', 'disagree', 'other'];

const text = (s: string | undefined) => (s ?? '').trim();

/** The proposal's fields (submit and re-notification share them); server fields map back to the form. */
const PROPOSAL_NAMES = ['penaltyKinds', 'fineYuan', 'facts', 'violatedProvisions', 'penaltyBasis', 'discretionReason', 'penaltyProvisionCode', 'penaltyBaseYuan'];
const PROPOSAL_ALIASES: Record<string, Path> = {
  fineFen: ['fineYuan'], 'proposal.fineFen': ['fineYuan'], 'proposal.penaltyProvisionCode': ['penaltyProvisionCode'], 'proposal.penaltyBaseFen': ['penaltyBaseYuan'],
};
/** The facts drafted from the investigation records (editable). */
function draftFacts(c: CaseDetail): string | undefined {
  const found = c.steps.filter((s) => (INVESTIGATION_KINDS as readonly string[]).includes(s.kind) && typeof s.data.summary === 'string').map((s) => `${s.occurredOn}，${String(s.data.summary)}`);
  return found.length ? zh()('caseForms.draft.facts', { party: c.enterprise.name, found: found.join('；') }) : undefined;
}
const proposalInitial = (c: CaseDetail): Values => ({
  penaltyKinds: c.proposal?.penaltyKinds ?? ['fine'], fineYuan: fenToYuanInput(c.proposal?.fineFen), facts: c.proposal?.facts ?? draftFacts(c),
  violatedProvisions: c.proposal?.violatedProvisions, penaltyBasis: c.proposal?.penaltyBasis, discretionReason: c.proposal?.discretionReason ?? undefined,
  penaltyProvisionCode: c.proposal?.penaltyProvisionCode ?? undefined, penaltyBaseYuan: fenToYuanInput(c.proposal?.penaltyBaseFen ?? undefined),
});
const proposalBody = (v: Values): ActionBody<'submit'>['proposal'] => ({
  penaltyKinds: v.penaltyKinds ?? [], fineFen: yuanToFen(v.fineYuan) ?? 0, facts: text(v.facts), violatedProvisions: text(v.violatedProvisions),
  penaltyBasis: text(v.penaltyBasis), discretionReason: text(v.discretionReason) || null,
  penaltyProvisionCode: v.penaltyKinds?.includes('fine') ? v.penaltyProvisionCode ?? null : null, penaltyBaseFen: yuanToFen(v.penaltyBaseYuan) ?? null,
});

const SPECS: { [A in CaseActionName]: Spec<A> } = {
  record_investigation: {
    names: ['kind', 'occurredOn', 'officerIds', 'summary'],
    initial: (c, today) => ({ kind: 'inspection_record', occurredOn: today, officerIds: c.officers.map((o) => o.id) }),
    body: (v) => ({ kind: v.kind as ActionBody<'record_investigation'>['kind'], occurredOn: civilOf(v.occurredOn), officerIds: v.officerIds ?? [], summary: text(v.summary) }),
  },
  submit: {
    names: PROPOSAL_NAMES,
    aliases: { ...PROPOSAL_ALIASES, tableId: ['penaltyProvisionCode'], levels: ['penaltyProvisionCode'], baseFen: ['penaltyBaseYuan'] },
    initial: (c) => proposalInitial(c),
    body: (v) => ({ proposal: proposalBody(v) }),
    // 行政处罚法 第三十四条: the calculation the fine rests on is stored on the case, so a departure needs its reason.
    before: async (v, c) => {
      if (v.calcTableId && v.computedFen !== null && v.computedFen !== undefined && v.penaltyKinds?.includes('fine')) {
        await discretionApi.store(c.id, v.calcTableId, v.calcLevels ?? {}, yuanToFen(v.penaltyBaseYuan) ?? null);
      }
    },
  },
  case_review: {
    names: ['outcome', 'opinion'],
    initial: () => ({ outcome: 'passed', opinion: zh()('caseForms.draft.caseReviewPassed') }),
    body: (v) => ({ outcome: v.outcome as 'passed' | 'returned', opinion: text(v.opinion) }),
  },
  legal_review: {
    names: ['findings', 'outcome', 'opinion'],
    aliases: Object.fromEntries(REVIEW_POINTS.map((p) => [`findings.${p}`, ['findings', p, 'ok']])),
    // 行政处罚法 第五十八条: a first review judges each point (all start unset); a re-review (after the hearing or
    // a re-notification) starts from the last review's findings, so the reviewer changes what has changed.
    initial: (c) => {
      const last = lastReview(c);
      return {
        outcome: 'passed',
        findings: Object.fromEntries(REVIEW_POINTS.map((p) => [p, { ok: last?.findings[p]?.ok, note: last?.findings[p]?.note ?? '' }])) as Values['findings'],
      };
    },
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
      // Each attending member's own stance as recorded at the meeting; agreement is written as such. A member's
      // self-recorded opinion goes back word for word: the server refuses it if he changed it meanwhile.
      opinions: (v.opinions ?? []).filter((o) => o.selfRecorded || o.stance).map((o) => ({
        memberId: o.memberId,
        opinion: o.selfRecorded ? o.recordedText ?? ''
          : o.stance === 'agree' ? [zh()('caseForms.discussion.agreeText'), text(o.opinion)].filter(Boolean).join('：') : text(o.opinion),
      })),
      decision: v.decision!,
      conclusion: text(v.conclusion),
    }),
  },
  notify: {
    names: ['servedOn', 'content'],
    initial: (c, today) => ({ servedOn: today, content: c.proposal ? `${c.proposal.facts}\n${c.proposal.penaltyBasis}` : undefined }),
    body: (v) => ({ servedOn: civilOf(v.servedOn), content: text(v.content) }),
  },
  renotify: {
    names: ['servedOn', 'content', 'reason', ...PROPOSAL_NAMES],
    aliases: PROPOSAL_ALIASES,
    initial: (c, today) => ({ ...proposalInitial(c), servedOn: today, content: c.proposal ? `${c.proposal.facts}\n${c.proposal.penaltyBasis}` : undefined }),
    body: (v) => ({ servedOn: civilOf(v.servedOn), content: text(v.content), reason: text(v.reason), proposal: proposalBody(v) }),
  },
  statement: {
    names: ['receivedOn', 'content', 'adopted', 'waived', 'hearingWaived'],
    initial: (_c, today) => ({ receivedOn: today, adopted: false, waived: false, hearingWaived: false }),
    body: (v) => ({ receivedOn: civilOf(v.receivedOn), content: text(v.content), adopted: Boolean(v.adopted), waived: Boolean(v.waived), hearingWaived: Boolean(v.hearingWaived) }),
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
    names: ['approvedOn', 'days', 'reason', 'meetingId'],
    initial: (_c, today) => ({ approvedOn: today, days: 30 }),
    body: (v) => ({ approvedOn: civilOf(v.approvedOn), days: v.days ?? 0, reason: text(v.reason), meetingId: v.meetingId ?? null }),
  },
  decide: {
    names: ['kind', 'penaltyKinds', 'fineYuan', 'reasons', 'basis', 'transferTo', 'noPenaltyGround', 'govApprover', 'govDocumentNumber', 'govApprovedOn'],
    aliases: {
      fineFen: ['fineYuan'], governmentApproval: ['govApprover'], 'governmentApproval.approver': ['govApprover'],
      'governmentApproval.documentNumber': ['govDocumentNumber'], 'governmentApproval.approvedOn': ['govApprovedOn'],
    },
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
        // 行政处罚法 第五十七条, 第三十条, 第三十一条, 第三十三条: the real ground of a no-penalty decision.
        noPenaltyGround: kind === 'no_penalty' ? v.noPenaltyGround ?? null : null,
        // 环境保护法 第六十条: 责令关闭 only with the approving people's government on record.
        governmentApproval: penalty && v.penaltyKinds?.includes('closure')
          ? { approver: text(v.govApprover), documentNumber: text(v.govDocumentNumber), approvedOn: civilOf(v.govApprovedOn) }
          : null,
      };
    },
  },
  serve: {
    names: ['servedOn', 'publishedOn', 'method', 'receiver', 'lateReason'],
    initial: (c, today) => ({ servedOn: today, publishedOn: today, method: 'in_person', receiver: c.enterprise.legalRepresentative }),
    body: (v) => {
      const notice = v.method === 'public_notice';
      return {
        servedOn: notice ? null : civilOf(v.servedOn), publishedOn: notice ? civilOf(v.publishedOn) : null,
        method: v.method!, receiver: text(v.receiver), lateReason: text(v.lateReason) || null,
      };
    },
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
  exclude_period: {
    names: ['periodKind', 'fromOn', 'toOn', 'note'],
    aliases: { kind: ['periodKind'] },
    initial: (_c, today) => ({ periodKind: 'monitoring', toOn: today }),
    body: (v) => ({ kind: v.periodKind!, fromOn: civilOf(v.fromOn), toOn: civilOf(v.toOn), note: text(v.note) }),
  },
  remedy_filed: {
    names: ['remedyKind', 'filedOn', 'remedyBody'],
    aliases: { kind: ['remedyKind'], body: ['remedyBody'] },
    initial: (_c, today) => ({ remedyKind: 'reconsideration', filedOn: today }),
    body: (v) => ({ kind: v.remedyKind!, filedOn: civilOf(v.filedOn), body: text(v.remedyBody) }),
  },
  remedy_ended: {
    names: ['endedOn', 'remedyOutcome', 'note'],
    aliases: { outcome: ['remedyOutcome'] },
    initial: (_c, today) => ({ endedOn: today, remedyOutcome: 'upheld' }),
    body: (v) => ({ endedOn: civilOf(v.endedOn), outcome: v.remedyOutcome!, note: text(v.note) }),
  },
  payment_arrangement: {
    names: ['arrangementAppliedOn', 'approvedOn', 'reason', 'instalments'],
    aliases: { appliedOn: ['arrangementAppliedOn'] },
    initial: (c, today) => ({ arrangementAppliedOn: today, approvedOn: today, instalments: [{ amountYuan: fenToYuanInput(c.decisionFineFen ?? 0) }] }),
    body: (v) => ({
      appliedOn: civilOf(v.arrangementAppliedOn), approvedOn: civilOf(v.approvedOn), reason: text(v.reason),
      instalments: (v.instalments ?? []).map((i) => ({ dueOn: civilOf(i.dueOn), amountFen: yuanToFen(i.amountYuan) ?? 0 })),
    }),
  },
  remind: {
    names: ['servedOn', 'content'],
    initial: (_c, today) => ({ servedOn: today }),
    body: (v) => ({ servedOn: civilOf(v.servedOn), content: text(v.content) }),
  },
  service_consent: {
    names: ['signedOn', 'channel', 'address'],
    initial: (_c, today) => ({ signedOn: today, channel: 'email' }),
    body: (v) => ({ signedOn: civilOf(v.signedOn), channel: v.channel!, address: text(v.address) }),
  },
  hearing_absent: {
    names: ['on', 'absenceReason', 'goodReason', 'note'],
    aliases: { reason: ['absenceReason'] },
    initial: (c, today) => ({ on: c.hearing?.scheduledOn ? dayOf(c.hearing.scheduledOn) ?? today : today, absenceReason: 'absent', goodReason: false }),
    body: (v) => ({ on: civilOf(v.on), reason: v.absenceReason!, goodReason: Boolean(v.goodReason), note: text(v.note) }),
  },
};

/** The committee meetings on record, for a further extension decided by collective discussion (行政处罚法 第六十条). */
function MeetingSelect({ t }: { t: TFunction }) {
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  useEffect(() => {
    const ctrl = new AbortController();
    caseApi.meetings(ctrl.signal).then((r) => setMeetings(r.items), () => undefined);
    return () => ctrl.abort();
  }, []);
  return (
    <Form.Item name="meetingId" label={t('cases.field.extensionMeeting')}>
      <Select<number> allowClear options={meetings.map((m) => ({ value: m.id, label: `${m.heldOn} ${m.location}（#${m.id}）` }))} data-testid="field-meetingId" />
    </Form.Item>
  );
}

function enumSelect(t: TFunction, name: string, label: string, values: readonly string[], prefix: string) {
  return (
    <Form.Item name={name} label={t(label)} rules={[required(t, label)]}>
      <Select options={values.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }))} data-testid={`field-${name}`} />
    </Form.Item>
  );
}

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

/**
 * 行政处罚法 第三十四条: the violation picked from the catalogue names the penalty provision applied (its
 * benchmark code) and fills 违反条款 and 处罚依据; its legal range binds the fine. With `calculator` the
 * benchmark calculator sits in the form and its result fills the proposed fine.
 */
function ViolationFields({ t, c, calculator }: { t: TFunction; c: CaseDetail; calculator: boolean }) {
  const form = Form.useFormInstance<Values>();
  const kinds = Form.useWatch<PenaltyKind[] | undefined>('penaltyKinds');
  const code = Form.useWatch<string | undefined>('penaltyProvisionCode');
  const baseYuan = Form.useWatch<string | null | undefined>('penaltyBaseYuan');
  const levels = Form.useWatch<Record<string, string> | undefined>('calcLevels', { form, preserve: true }) ?? {};
  const { items, ready } = useViolations();
  const chosen = items.find((v) => v.code === code);
  const fine = Boolean(kinds?.includes('fine'));

  const fill = (v: (typeof items)[number] | undefined) => {
    form.setFieldsValue({ violatedProvisions: v?.violatedText, penaltyBasis: v?.penaltyText, calcLevels: {}, calcTableId: null, computedFen: null });
  };
  // A new proposal starts from the violation the case was filed for (its 案由 was drafted from it).
  useEffect(() => {
    if (!ready || form.getFieldValue('penaltyProvisionCode')) return;
    const v = violationNamedIn(items, c.cause);
    if (!v) return;
    form.setFieldValue('penaltyProvisionCode', v.code);
    if (!text(form.getFieldValue('violatedProvisions'))) fill(v);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  return (
    <>
      <Form.Item name="penaltyProvisionCode" label={t('caseForms.violation.label')} rules={fine ? [required(t, 'caseForms.violation.label')] : []}>
        <ViolationSelect testId="field-penaltyProvisionCode" onChange={(_v, violation) => fill(violation)} />
      </Form.Item>
      {chosen && <ViolationSummary violation={chosen} />}
      {fine && chosen && chosen.range.kind !== 'amount' && (
        <Form.Item name="penaltyBaseYuan" label={t('cases.field.penaltyBase')} rules={[required(t, 'cases.field.penaltyBase')]}>
          <YuanField testId="field-penaltyBaseYuan" />
        </Form.Item>
      )}
      {calculator && fine && chosen && (
        <EmbeddedCalculator
          caseId={c.id}
          tableId={chosen.table.id}
          levels={levels}
          baseFen={yuanToFen(baseYuan) ?? null}
          // One factor at a time onto the latest levels: a level pre-set from the records and a click may land in one render.
          onLevel={(key, level, preset) => {
            const latest = (form.getFieldValue('calcLevels') ?? {}) as Record<string, string>;
            if (!(preset && latest[key])) form.setFieldValue('calcLevels', { ...latest, [key]: level });
          }}
          onComputed={(fen) => {
            form.setFieldsValue({ computedFen: fen, calcTableId: fen === null ? null : chosen.table.id });
            if (fen !== null) form.setFieldValue('fineYuan', fenToYuanInput(fen));
          }}
        />
      )}
    </>
  );
}

/** 行政处罚法 第三十四条: a fine other than the benchmark's needs a written reason (the server refuses it otherwise). */
function DiscretionReasonField({ t }: { t: TFunction }) {
  const form = Form.useFormInstance<Values>();
  const computed = Form.useWatch<number | null | undefined>('computedFen', { form, preserve: true });
  const fineYuan = Form.useWatch<string | null | undefined>('fineYuan');
  const departs = computed !== null && computed !== undefined && yuanToFen(fineYuan) !== computed;
  return (
    <Form.Item
      name="discretionReason"
      label={t('cases.field.discretionReason')}
      extra={departs ? t('caseForms.calc.departs', { fine: formatYuan(computed) }) : undefined}
      rules={departs ? [requiredText(t, 'cases.field.discretionReason')] : []}
    >
      <Input.TextArea rows={2} data-testid="field-discretionReason" />
    </Form.Item>
  );
}

function ProposalFields({ t, c, calculator = false }: { t: TFunction; c: CaseDetail; calculator?: boolean }) {
  return (
    <>
      <ViolationFields t={t} c={c} calculator={calculator} />
      <PenaltyFields t={t} />
      <DiscretionReasonField t={t} />
      {textArea(t, 'facts', 'cases.field.facts', { rows: 3 })}
      <Row gutter={12}>
        <Col span={12}>{textArea(t, 'violatedProvisions', 'cases.field.violatedProvisions', { rows: 2 })}</Col>
        <Col span={12}>{textArea(t, 'penaltyBasis', 'cases.field.penaltyBasis', { rows: 2 })}</Col>
      </Row>
    </>
  );
}

/** The committee meetings held on or after the filing that have not yet discussed this case. */
function useMeetingsFor(c: CaseDetail) {
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const ctrl = new AbortController();
    caseApi.meetings(ctrl.signal).then((r) => { setMeetings(r.items); setLoaded(true); }, () => undefined);
    return () => ctrl.abort();
  }, []);
  const used = new Set(c.discussions.map((d) => d.meetingId));
  return { loaded, meetings: meetings.filter((m) => m.heldOn >= c.filedOn && !used.has(m.id)) };
}

function MeetingFields({ t, c }: { t: TFunction; c: CaseDetail }) {
  const form = Form.useFormInstance<Values>();
  const { name } = useDirectory();
  const { meetings, loaded } = useMeetingsFor(c);
  const opinions = Form.useWatch<Values['opinions']>('opinions') ?? [];
  const onMeeting = (id: number) => {
    const m = meetings.find((x) => x.id === id);
    // The attendees, each to record his own stance (行政处罚法 第五十七条第二款: the heads discuss collectively).
    form.setFieldValue('opinions', (m?.attendeeIds ?? []).map((memberId) => ({ memberId, stance: undefined, opinion: '' })));
    // Opinions the members recorded themselves fill their rows, read-only (only those rows are touched).
    memberOpinionApi.list(id, c.id).then((r) => {
      if (form.getFieldValue('meetingId') !== id) return;
      const rows = (form.getFieldValue('opinions') ?? []) as NonNullable<Values['opinions']>;
      for (const o of r.items.filter((x) => x.current)) {
        const i = rows.findIndex((x) => x.memberId === o.memberId);
        if (i >= 0) form.setFieldValue(['opinions', i], { memberId: o.memberId, selfRecorded: true, recordedText: o.opinion, stance: undefined, opinion: '' });
      }
    }, () => undefined);
    if (!text(form.getFieldValue('conclusion')) && c.proposal) {
      form.setFieldValue('conclusion', zh()('caseForms.draft.conclusion', { party: c.enterprise.name, penalty: proposalText(c) }));
    }
  };
  // The only meeting that can discuss the case is chosen already (another may still be picked); `settled`
  // (data-loaded) says the options are in and any such choice is made.
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (!loaded) return;
    if (meetings.length === 1 && !form.getFieldValue('meetingId')) {
      form.setFieldValue('meetingId', meetings[0]!.id);
      onMeeting(meetings[0]!.id);
    }
    setSettled(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);
  return (
    <>
      <Form.Item name="meetingId" label={t('cases.field.meeting')} rules={[required(t, 'cases.field.meeting')]} extra={t('caseForms.discussion.meetingsHint', { on: c.filedOn })}>
        <Select<number>
          onSelect={onMeeting}
          loading={!loaded}
          options={meetings.map((m) => ({ value: m.id, label: `${m.heldOn} ${m.location}（#${m.id}）` }))}
          data-testid="field-meetingId"
          data-loaded={settled}
        />
      </Form.Item>
      <Form.Item label={t('cases.field.opinions')} required>
        <Form.List name="opinions">
          {(fields) => (
            <div data-testid="field-opinions" data-count={fields.length}>
              {fields.length === 0 && <Typography.Text type="secondary">{t('cases.form.pickMeetingFirst')}</Typography.Text>}
              {fields.length > 0 && (
                <Button size="small" style={{ marginBottom: 8 }} title={t('memberOpinion.allAgreeHint')} data-testid="opinions-all-agree"
                  onClick={() => form.setFieldValue('opinions', ((form.getFieldValue('opinions') ?? []) as NonNullable<Values['opinions']>)
                    .map((o) => (o.selfRecorded ? o : { ...o, stance: 'agree' })))}>
                  {t('memberOpinion.allAgree')}
                </Button>
              )}
              {fields.map((f) => {
                const memberId = form.getFieldValue(['opinions', f.name, 'memberId']) as number;
                const stance = opinions[f.name]?.stance;
                const own = opinions[f.name]?.selfRecorded ? opinions[f.name]!.recordedText ?? '' : null;
                if (own !== null) {
                  return (
                    <Row key={f.key} gutter={8} align="top" style={{ marginBottom: 8 }}>
                      <Col span={4} style={{ paddingTop: 1 }}><Typography.Text>{name(memberId)}</Typography.Text></Col>
                      <Col span={20} data-testid={`opinion-${memberId}`} data-self-recorded="true">
                        <Tag color="blue">{t('memberOpinion.selfRecorded')}</Tag>
                        <Typography.Text>{own}</Typography.Text>
                        {/* Where the server says he changed it meanwhile (OPINION_SELF_RECORDED): pick the meeting again. */}
                        <Form.Item name={[f.name, 'opinion']} style={{ marginBottom: 0 }}><Input type="hidden" /></Form.Item>
                      </Col>
                    </Row>
                  );
                }
                return (
                  <Row key={f.key} gutter={8} align="top">
                    <Col span={4} style={{ paddingTop: 5 }}><Typography.Text>{name(memberId)}</Typography.Text></Col>
                    <Col span={10}>
                      <Form.Item name={[f.name, 'stance']} rules={[required(t, 'caseForms.discussion.stance')]} style={{ marginBottom: 8 }}>
                        <Radio.Group optionType="button" size="small" data-testid={`opinion-${memberId}`}
                          options={STANCES.map((st) => ({ value: st, label: t(`caseForms.discussion.${st}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col span={10}>
                      <Form.Item name={[f.name, 'opinion']} rules={stance && stance !== 'agree' ? [requiredText(t, 'cases.field.opinions')] : []} style={{ marginBottom: 8 }}>
                        <Input size="small" data-testid={`opinion-${memberId}-text`} placeholder={t(stance && stance !== 'agree' ? 'caseForms.discussion.wordsRequired' : 'caseForms.discussion.wordsOptional')} />
                      </Form.Item>
                    </Col>
                  </Row>
                );
              })}
            </div>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="decision" label={t('cases.field.committeeDecision')} rules={[required(t, 'cases.field.committeeDecision')]}>
        <Select<CommitteeDecision> options={COMMITTEE_DECISIONS.map((d) => ({ value: d, label: t(`cases.committeeDecision.${d}`) }))} data-testid="field-decision" />
      </Form.Item>
      {textArea(t, 'conclusion', 'cases.field.conclusion', { rows: 2 })}
    </>
  );
}

/** 警告，并处罚款200,000.00元: the proposal in words, for drafts. */
function proposalText(c: CaseDetail): string {
  const p = c.proposal!;
  const tz = zh();
  return p.penaltyKinds.map((k) => (k === 'fine' ? tz('caseForms.draft.fine', { amount: formatYuan(p.fineFen) }) : tz(`cases.penaltyKind.${k}`))).join('，');
}

/** The case's latest legal review (the case detail lists them oldest first), which a re-review starts from. */
const lastReview = (c: CaseDetail) => c.reviews[c.reviews.length - 1];

/**
 * The legal review forces a look (行政处罚法 第五十八条): the seven points start unset, and the facts,
 * the evidence on file and the proposal stand beside the form; "以上各项均符合" then sets the points
 * still unset to yes (one judged "no" stays no). A re-review shows the findings it carried over and
 * from which review. The opinion is drafted once every point passes.
 */
/**
 * 听证安排: the host is proposed — a credentialed officer who did not investigate the case (行政处罚法 第六十四条
 * (四); the server decides), of the case's district first — and the room is the bureau's hearing room (settings).
 * Both only fill what is still empty; the server's answer on the host stays the rule.
 */
function HearingScheduleFields({ t, c }: { t: TFunction; c: CaseDetail }) {
  const form = Form.useFormInstance<Values>();
  const { staff } = useDirectory();
  const investigators = useMemo(() => new Set(c.officers.map((o) => o.id)), [c.officers]);
  useEffect(() => {
    if (form.getFieldValue('hostId') !== undefined || !staff.length) return;
    const eligible = staff.filter((s) => s.role === 'enforcement_officer' && s.credentialNo && !investigators.has(s.id));
    const host = eligible.find((s) => s.districtId === c.districtId) ?? eligible[0];
    if (host) form.setFieldValue('hostId', host.id);
  }, [staff, investigators, c.districtId, form]);
  useEffect(() => {
    const ctrl = new AbortController();
    caseApi.procedureDefaults(ctrl.signal).then((d) => {
      if (d.hearingRoom && !form.getFieldValue('location')) form.setFieldValue('location', d.hearingRoom);
    }, () => undefined); // no setting: the room is typed
    return () => ctrl.abort();
  }, [form]);
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
}

function LegalReviewFields({ t, c }: { t: TFunction; c: CaseDetail }) {
  const form = Form.useFormInstance<Values>();
  const findings = Form.useWatch<Values['findings']>('findings');
  const allOk = REVIEW_POINTS.every((p) => findings?.[p]?.ok === true);
  const unset = REVIEW_POINTS.filter((p) => typeof findings?.[p]?.ok !== 'boolean');
  const last = lastReview(c);
  useEffect(() => {
    if (allOk && !text(form.getFieldValue('opinion'))) form.setFieldValue('opinion', zh()('caseForms.draft.legalReviewPassed'));
  }, [allOk, form]);
  const allYes = () => {
    for (const p of unset) form.setFieldValue(['findings', p, 'ok'], true);
    // Clears the "required" errors a submit may have left on those points.
    void form.validateFields(unset.map((p) => ['findings', p, 'ok'])).catch(() => undefined);
  };
  return (
    <>
      {last && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="findings-carried-over" data-review-id={last.id}
          message={t('caseForms.review.carriedOver', { on: chinaDateOf(new Date(last.reviewedAt)) })}
          description={t('caseForms.review.carriedOverHint', { who: last.reviewerName })} />
      )}
      <div data-testid="review-findings">
        {REVIEW_POINTS.map((p) => (
          <Row gutter={12} key={p} align="top">
            <Col span={11}>
              <Form.Item name={['findings', p, 'ok']} label={t(`cases.reviewPoint.${p}`)} rules={[required(t, `cases.reviewPoint.${p}`)]} style={{ marginBottom: 8 }}>
                <Radio.Group optionType="button" size="small" data-testid={`finding-${p}-ok`}
                  options={[{ value: true, label: <span data-testid={`finding-${p}-yes`}>{t('cases.finding.ok')}</span> }, { value: false, label: <span data-testid={`finding-${p}-no`}>{t('cases.finding.notOk')}</span> }]} />
              </Form.Item>
            </Col>
            <Col span={13}>
              <Form.Item name={['findings', p, 'note']} label={t('cases.field.note')} style={{ marginBottom: 8 }}>
                <Input size="small" data-testid={`finding-${p}-note`} />
              </Form.Item>
            </Col>
          </Row>
        ))}
        <Button size="small" style={{ marginBottom: 16 }} disabled={unset.length === 0} onClick={allYes} data-testid="findings-all-yes">
          {t('caseForms.review.allYes')}
        </Button>
      </div>
      <Form.Item name="outcome" label={t('cases.field.outcome')} rules={[required(t, 'cases.field.outcome')]}>
        <Radio.Group data-testid="field-outcome" options={(['passed', 'returned', 'rejected'] as const).map((o) => ({ value: o, label: t(`cases.reviewOutcome.${o}`) }))} />
      </Form.Item>
      {textArea(t, 'opinion', 'cases.field.opinion', { rows: 2 })}
    </>
  );
}

/** Beside the legal review: the facts, the proposal and the evidence on file. */
function ReviewContext({ t, c }: { t: TFunction; c: CaseDetail }) {
  const [evidence, setEvidence] = useState<EvidenceItem[] | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    evidenceApi.list(c.id, ctrl.signal).then((r) => setEvidence(r.items), () => setEvidence([]));
    return () => ctrl.abort();
  }, [c.id]);
  const p = c.proposal;
  const records = c.steps.filter((s) => (INVESTIGATION_KINDS as readonly string[]).includes(s.kind));
  return (
    <div data-testid="review-context" style={{ maxHeight: 560, overflowY: 'auto', paddingRight: 8 }}>
      <Typography.Title level={5}>{t('caseForms.review.facts')}</Typography.Title>
      <Typography.Paragraph data-testid="review-context-facts" style={{ whiteSpace: 'pre-wrap' }}>{p?.facts ?? '—'}</Typography.Paragraph>
      <Typography.Title level={5}>{t('caseForms.review.proposal')}</Typography.Title>
      <div data-testid="review-context-proposal">
        {p ? (
          <Typography.Paragraph>
            {proposalText(c)}<br />
            {t('cases.field.violatedProvisions')}：{p.violatedProvisions}<br />
            {t('cases.field.penaltyBasis')}：{p.penaltyBasis}
            {p.discretionReason && <><br />{t('cases.field.discretionReason')}：{p.discretionReason}</>}
          </Typography.Paragraph>
        ) : '—'}
      </div>
      <Typography.Title level={5}>{t('caseForms.review.evidence')}</Typography.Title>
      <ul data-testid="review-context-evidence" style={{ paddingInlineStart: 18 }}>
        {records.map((s) => <li key={`s${s.id}`}>{s.occurredOn} {t(`cases.step.${s.kind}`)}：{String(s.data.summary ?? '')}</li>)}
        {(evidence ?? []).map((e) => <li key={`e${e.id}`}>{t(`evidence.kinds.${e.kind}`)} {e.fileName}{e.note ? `（${e.note}）` : ''}</li>)}
        {evidence !== null && records.length + evidence.length === 0 && <li>{t('caseForms.review.noEvidence')}</li>}
      </ul>
    </div>
  );
}

function DecisionFields({ t, c }: { t: TFunction; c: CaseDetail }) {
  const kind = Form.useWatch<DecisionKind | undefined>('kind');
  const kinds = Form.useWatch<PenaltyKind[] | undefined>('penaltyKinds');
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
      {kind === 'penalty' && kinds?.includes('closure') && (
        <>
          <Form.Item name="govApprover" label={t('cases.field.governmentApprover')} rules={[requiredText(t, 'cases.field.governmentApprover')]}>
            <Input data-testid="field-govApprover" />
          </Form.Item>
          <Form.Item name="govDocumentNumber" label={t('cases.field.governmentApprovalNumber')} rules={[requiredText(t, 'cases.field.governmentApprovalNumber')]}>
            <Input data-testid="field-govDocumentNumber" />
          </Form.Item>
          {dateItem(t, 'govApprovedOn', 'cases.field.governmentApprovedOn')}
        </>
      )}
      {kind === 'no_penalty' && (
        <Form.Item name="noPenaltyGround" label={t('noPenaltyGround.label')} rules={[required(t, 'noPenaltyGround.label')]}>
          <Select<NoPenaltyGroundCode> options={NO_PENALTY_GROUNDS.map((g) => ({ value: g, label: t(`noPenaltyGround.${g}`) }))} data-testid="field-noPenaltyGround" />
        </Form.Item>
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
      return <ProposalFields t={t} c={c} calculator />;
    case 'renotify':
      return (
        <>
          {dateItem(t, 'servedOn', 'cases.field.notifiedOn')}
          {textArea(t, 'reason', 'cases.field.renotifyReason', { rows: 2 })}
          <ProposalFields t={t} c={c} />
          {textArea(t, 'content', 'cases.field.notificationContent', { rows: 3 })}
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
        <Row gutter={24}>
          <Col span={10}><ReviewContext t={t} c={c} /></Col>
          <Col span={14}><LegalReviewFields t={t} c={c} /></Col>
        </Row>
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
            {c.notification?.hearingOffered && (
              <Form.Item name="hearingWaived" valuePropName="checked" noStyle>
                <Checkbox data-testid="field-hearingWaived">{t('cases.field.hearingWaived')}</Checkbox>
              </Form.Item>
            )}
          </Space>
        </>
      );
    case 'request_hearing':
      return dateItem(t, 'requestedOn', 'cases.field.requestedOn');
    case 'schedule_hearing':
      return <HearingScheduleFields t={t} c={c} />;
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
          {dateItem(t, 'approvedOn', 'cases.field.approvedOn')}
          <Form.Item name="days" label={t('cases.field.extensionDays')} rules={[required(t, 'cases.field.extensionDays')]}>
            <InputNumber min={1} max={180} precision={0} data-testid="field-days" />
          </Form.Item>
          {textArea(t, 'reason', 'cases.field.extensionReason')}
          <MeetingSelect t={t} />
        </>
      );
    case 'decide':
      return <DecisionFields t={t} c={c} />;
    case 'serve':
      return (
        <>
          <Form.Item name="method" label={t('cases.field.serviceMethod')} rules={[required(t, 'cases.field.serviceMethod')]}>
            <Select options={SERVICE_METHODS.map((m) => ({ value: m, label: t(`cases.serviceMethod.${m}`) }))} data-testid="field-method" />
          </Form.Item>
          <ServiceDateField t={t} />
          <Form.Item name="receiver" label={t('cases.field.receiver')} rules={[requiredText(t, 'cases.field.receiver')]}>
            <Input data-testid="field-receiver" />
          </Form.Item>
          {textArea(t, 'lateReason', 'cases.field.serviceLateReason', { optional: true, rows: 2 })}
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
    case 'exclude_period':
      return (
        <>
          {enumSelect(t, 'periodKind', 'cases.field.periodKind', EXCLUDED_PERIOD_KINDS, 'cases.excludedKind')}
          <Row gutter={12}>
            <Col span={12}>{dateItem(t, 'fromOn', 'cases.field.fromOn')}</Col>
            <Col span={12}>{dateItem(t, 'toOn', 'cases.field.toOn')}</Col>
          </Row>
          {textArea(t, 'note', 'cases.field.note', { rows: 2 })}
        </>
      );
    case 'remedy_filed':
      return (
        <>
          {enumSelect(t, 'remedyKind', 'cases.field.remedyKind', REMEDY_KINDS, 'cases.remedyKind')}
          {dateItem(t, 'filedOn', 'cases.field.remedyFiledOn')}
          <Form.Item name="remedyBody" label={t('cases.field.remedyBody')} rules={[requiredText(t, 'cases.field.remedyBody')]}>
            <Input data-testid="field-remedyBody" />
          </Form.Item>
        </>
      );
    case 'remedy_ended':
      return (
        <>
          {dateItem(t, 'endedOn', 'cases.field.endedOn')}
          {enumSelect(t, 'remedyOutcome', 'cases.field.remedyOutcome', REMEDY_OUTCOMES, 'cases.remedyOutcome')}
          {textArea(t, 'note', 'cases.field.note', { optional: true, rows: 2 })}
        </>
      );
    case 'payment_arrangement':
      return (
        <>
          <Row gutter={12}>
            <Col span={12}>{dateItem(t, 'arrangementAppliedOn', 'cases.field.arrangementAppliedOn')}</Col>
            <Col span={12}>{dateItem(t, 'approvedOn', 'cases.field.approvedOn')}</Col>
          </Row>
          {textArea(t, 'reason', 'cases.field.arrangementReason', { rows: 2 })}
          <Form.Item label={t('cases.field.instalments')} required>
            <Form.List name="instalments">
              {(fields, { add, remove }) => (
                <div data-testid="field-instalments">
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item name={[f.name, 'dueOn']} rules={[required(t, 'cases.field.instalmentDueOn')]}>
                        <DateField testId={`instalment-${f.name}-dueOn`} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'amountYuan']} rules={[required(t, 'cases.field.amount')]}>
                        <YuanField testId={`instalment-${f.name}-amount`} />
                      </Form.Item>
                      {fields.length > 1 && <Button size="small" onClick={() => remove(f.name)}>−</Button>}
                    </Space>
                  ))}
                  <Button size="small" onClick={() => add({})} data-testid="instalment-add">+</Button>
                </div>
              )}
            </Form.List>
          </Form.Item>
        </>
      );
    case 'remind':
      return (
        <>
          {dateItem(t, 'servedOn', 'cases.field.reminderServedOn')}
          {textArea(t, 'content', 'cases.field.reminderContent', { rows: 3 })}
        </>
      );
    case 'service_consent':
      return (
        <>
          {dateItem(t, 'signedOn', 'cases.field.signedOn')}
          {enumSelect(t, 'channel', 'cases.field.consentChannel', CONSENT_CHANNELS, 'cases.consentChannel')}
          <Form.Item name="address" label={t('cases.field.consentAddress')} rules={[requiredText(t, 'cases.field.consentAddress')]}>
            <Input data-testid="field-address" />
          </Form.Item>
        </>
      );
    case 'hearing_absent':
      return (
        <>
          {dateItem(t, 'on', 'cases.field.absentOn')}
          {enumSelect(t, 'absenceReason', 'cases.field.absenceReason', ['absent', 'left'], 'cases.absenceReason')}
          <Form.Item name="goodReason" valuePropName="checked">
            <Checkbox data-testid="field-goodReason">{t('cases.field.goodReason')}</Checkbox>
          </Form.Item>
          {textArea(t, 'note', 'cases.field.note', { optional: true, rows: 2 })}
        </>
      );
  }
}

/** Public notice (民事诉讼法 第九十五条) asks for the publication day; other methods for the date on the receipt. */
function ServiceDateField({ t }: { t: TFunction }) {
  const method = Form.useWatch<Values['method']>('method');
  return method === 'public_notice' ? dateItem(t, 'publishedOn', 'cases.field.publishedOn') : dateItem(t, 'servedOn', 'cases.field.servedOn');
}

/** The modal for one step: its form, the server's answer, and any refusal shown where it belongs. */
/** The state and submission of one step's form: the modal and the inline next-step card share it. */
function useActionForm(c: CaseDetail, action: CaseActionName | null, onDone: (updated: CaseDetail) => void) {
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
      const all: Values = { ...form.getFieldsValue(true), ...values };
      await spec.before?.(all, c);
      const updated = await caseApi.act(c.id, action, spec.body(all, c) as never);
      setSaving(false);
      onDone(updated);
    } catch (e) {
      setSaving(false);
      setError(applyApiError(form, e, t, spec.names, spec.aliases) || null);
    }
  };
  return { form, saving, error, setError, submit, initial };
}

function ActionFormBody({ c, action, state }: { c: CaseDetail; action: CaseActionName; state: ReturnType<typeof useActionForm> }) {
  const { t } = useTranslation();
  const { form, error, setError, initial } = state;
  return (
    <div data-testid={`action-form-${action}`}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="action-error" />}
      <Form<Values> key={action} form={form} layout="vertical" initialValues={initial} onValuesChange={() => error && setError(null)}>
        {fieldsFor(action, t, c)}
      </Form>
    </div>
  );
}

export function ActionModal({ c, action, onClose, onDone }: {
  c: CaseDetail;
  action: CaseActionName | null;
  onClose(): void;
  onDone(updated: CaseDetail): void;
}) {
  const { t } = useTranslation();
  const state = useActionForm(c, action, onDone);
  return (
    <Modal
      open={action !== null}
      title={action ? `${t(`cases.action.${action}`)} · ${c.number}` : ''}
      onCancel={onClose}
      width={action === 'legal_review' ? 1180 : action === 'submit' || action === 'renotify' ? 880 : 720}
      destroyOnHidden
      maskClosable={false}
      footer={
        <Space>
          <Button onClick={onClose} data-testid="action-modal-cancel">{t('common.cancel')}</Button>
          <Button type="primary" loading={state.saving} onClick={() => void state.submit()} data-testid="action-modal-submit">
            {action ? t(`cases.action.${action}`) : t('common.save')}
          </Button>
        </Space>
      }
    >
      {action && <ActionFormBody c={c} action={action} state={state} />}
    </Modal>
  );
}

/**
 * The next step's form, open on the case page for the user who takes it (the server lists the step as
 * allowed to them): the page says what is next and lets them do it without opening anything.
 */
export function NextStepForm({ c, action, onDone }: { c: CaseDetail; action: CaseActionName; onDone(updated: CaseDetail): void }) {
  const { t } = useTranslation();
  const state = useActionForm(c, action, onDone);
  return (
    <Card size="small" title={`${t('cases.detail.nextStep')}：${t(`cases.action.${action}`)}`} data-testid="next-step-form" data-action={action}>
      <ActionFormBody c={c} action={action} state={state} />
      <Button type="primary" loading={state.saving} onClick={() => void state.submit()} data-testid="action-modal-submit">
        {t(`cases.action.${action}`)}
      </Button>
    </Card>
  );
}
