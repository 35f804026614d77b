// Fills the official document templates from a case's own records. A document whose step has not
// happened yet is not available (a refusal), never a form filled with guesses.
import { refuse, success, type Result } from '../../law/outcome.js';
import type { PenaltyKind as CasePenaltyKind } from '../rules/penalties.js';
import { defaultRemedies } from './remedies.js';
import type { BureauSettings } from '../../settings/index.js';
import type { CaseDocumentData, CaseDocumentKind } from './index.js';
import type { Authority, ContactPoint, Evidence, NoPenaltyGround, Officer, Party, PaymentInstructions, PenaltyItem, PenaltyKind, Provision } from './types.js';
import { formatArabicDate } from '../../platform/documents/official.js';

/** The bureau's own particulars as the documents print them, from the bureau settings. */
export interface BureauProfile {
  authority: Authority; payment: PaymentInstructions; contact: ContactPoint; court: string; police: string;
  /** 行政复议机关 (行政复议法 (2023) 第二十四条) and, for decisions before 2024, the department one level up. */
  reconsideration: { government: string; formerUpperDepartment: string };
}

/** The documents' view of the stored settings: no placeholder, every particular from the administrator's page. */
export function bureauProfileOf(s: BureauSettings): BureauProfile {
  return {
    authority: { name: s.bureau.name, address: s.bureau.address, postcode: s.bureau.postcode, sealText: s.sealText },
    payment: { payee: s.payment.accountName, bank: s.payment.bank, accountNumber: s.payment.accountNumber, ...(s.payment.note ? { note: s.payment.note } : {}) },
    contact: { name: `${s.bureau.name}${s.bureau.contactDepartment}`, phone: s.bureau.phone, address: s.bureau.address },
    court: s.remedies.court, police: s.police,
    reconsideration: { government: s.remedies.reconsiderationBody, formerUpperDepartment: s.remedies.formerUpperDepartment },
  };
}

const remediesOf = (b: BureauProfile, decidedOn: string) => defaultRemedies(decidedOn, b.court, b.reconsideration);

export interface CaseDocumentSource {
  row: {
    number: string; cause: string; filedOn: string; partyKind: 'organisation' | 'individual'; proposal: null | { penaltyKinds: CasePenaltyKind[]; fineFen: number; facts: string; violatedProvisions: string; penaltyBasis: string; discretionReason: string | null };
    notification: null | { servedOn: string; hearingOffered: boolean; documentNumber?: string; proposedFineFen: number };
    decisionKind: string | null; decisionFineFen: number | null; decisionNumber: string | null; decidedOn: string | null; servedOn: string | null;
    decision: null | {
      penaltyKinds: CasePenaltyKind[]; reasons: string; basis: string; transferTo?: string;
      noPenaltyGround?: NoPenaltyGround; education?: { on: string; form: string; content: string } | null;
    };
    committeeDecidedAt: Date | null;
  };
  lead: { source: string; discoveredOn: string; summary: string; sourceRef: string | null };
  enterprise: { name: string; creditCode: string; legalRepresentative: string; address: string };
  officers: { id: number; displayName: string; credentialNo: string | null; lead: boolean }[];
  steps: { id: number; kind: string; occurredOn: string; officerIds: number[]; data: Record<string, unknown> }[];
  reviews: { reviewerName: string; findings: Record<string, { ok: boolean; note: string }>; outcome: 'passed' | 'returned' | 'rejected'; opinion: string; reviewedAt: Date }[];
  discussions: { heldOn: string; decision: string; conclusion: string; opinions: { memberId: number; opinion: string }[] }[];
  meetingPeople: Map<number, string>;
  meetings: Map<string, { location: string; memberIds: number[]; attendeeIds: number[]; chairId: number }>;
  hearing: null | { heldAt: Date | null; record: string | null; scheduledOn: string | null };
  payments: { paidOn: string; amountFen: number }[];
  amountDueFen: number;
  leaderName: string;
  /** The catalogue entry, correction order and education record of an applied first-violation exemption. */
  exemption: null | { exemptionListReference: string; correctionOrdered: string; education: { on: string; form: string; content: string } };
  /** The last 催告 as of its own date: amount due then (fine + surcharge), paid by then, and the day to perform by. */
  reminder?: null | { servedOn: string; performBy: string; amountDueFen: number; paidFen: number };
}

const PENALTY_KIND_MAP: Record<CasePenaltyKind, PenaltyKind> = {
  warning: 'warning', fine: 'fine', confiscation: 'confiscateIllegalGains', confiscation_large: 'confiscateIllegalGains',
  qualification_lowering: 'lowerQualification', licence_revocation: 'revokeLicence', suspension: 'suspendProduction', closure: 'closure',
  practice_restriction: 'restrictPractice', detention_transfer: 'other', production_restriction: 'restrictProduction',
};

/** 「《中华人民共和国水污染防治法》第十条、第八十三条第（二）项」 → provisions, law names without 《》. */
export function parseProvisions(text: string): Provision[] {
  const out: Provision[] = [];
  for (const m of text.matchAll(/《([^》]+)》\s*([^《；;，,、]*)/g)) out.push({ law: m[1]!, article: m[2]!.trim() });
  return out.length ? out : [{ law: text.trim(), article: '' }];
}

const party = (s: CaseDocumentSource): Party => ({
  kind: s.row.partyKind, name: s.enterprise.name, unifiedSocialCreditCode: s.enterprise.creditCode,
  legalRepresentative: s.enterprise.legalRepresentative, address: s.enterprise.address,
});
const officers = (s: CaseDocumentSource, ids?: number[]): Officer[] =>
  s.officers.filter((o) => !ids?.length || ids.includes(o.id)).map((o) => ({ name: o.displayName, credentialNumber: o.credentialNo ?? '' }));
const evidence = (s: CaseDocumentSource): Evidence[] =>
  s.steps.filter((st) => ['inspection_record', 'inquiry_record', 'sampling', 'evidence_registration'].includes(st.kind))
    .map((st) => ({ name: EVIDENCE_NAMES[st.kind] ?? st.kind, detail: `${formatArabicDate(st.occurredOn)}${String(st.data.summary ?? '').trim().replace(/[。；;，,]+$/u, '')}` }));
const EVIDENCE_NAMES: Record<string, string> = { inspection_record: '现场检查（勘察）笔录', inquiry_record: '调查询问笔录', sampling: '采样记录及监测报告', evidence_registration: '证据登记保存清单' };
const penalties = (kinds: CasePenaltyKind[], fineFen: number): PenaltyItem[] =>
  kinds.map((k) => (k === 'fine' ? { kind: 'fine' as const, amountFen: fineFen } : { kind: PENALTY_KIND_MAP[k] }));
const firstInspectionOn = (s: CaseDocumentSource) => s.steps.find((st) => st.kind === 'inspection_record' || st.kind === 'inquiry_record')?.occurredOn ?? s.lead.discoveredOn;
const base = (s: CaseDocumentSource, b: BureauProfile) => ({ authority: b.authority, caseNumber: s.row.number, cause: s.row.cause, party: party(s) });
const unavailable = <T>(): Result<T> => refuse('DOCUMENT_NOT_AVAILABLE');
const SOURCE: Record<string, 'inspection' | 'complaint' | 'onlineMonitoring' | 'transfer' | 'other'> = { inspection: 'inspection', complaint: 'complaint', monitoring: 'onlineMonitoring', transfer: 'transfer', report: 'other' };

type Builder<K extends CaseDocumentKind> = (s: CaseDocumentSource, b: BureauProfile, stepId?: number) => Result<CaseDocumentData[K]>;

const BUILDERS: { [K in CaseDocumentKind]?: Builder<K> } = {
  'filing-approval': (s, b) => success({
    ...base(s, b), documentNumber: s.row.number, source: SOURCE[s.lead.source] ?? 'other', sourceDetail: s.lead.sourceRef ?? undefined,
    discoveredOn: s.lead.discoveredOn, summary: s.lead.summary, suspectedProvisions: s.row.proposal ? parseProvisions(s.row.proposal.violatedProvisions) : [],
    handlingOfficers: officers(s), leaderOpinion: { opinion: '同意立案', signer: s.leaderName, on: s.row.filedOn },
  }),
  'inspection-record': (s, b, stepId) => record(s, b, 'inspection_record', stepId),
  'inquiry-record': (s, b, stepId) => record(s, b, 'inquiry_record', stepId),
  'prior-notice': (s, b) => notice(s, b, false),
  'hearing-notice': (s, b) => notice(s, b, true),
  'legal-review-opinion': (s, b, stepId) => {
    const steps = s.steps.filter((st) => st.kind === 'legal_review');
    const index = stepId ? steps.findIndex((st) => st.id === stepId) : steps.length - 1;
    const review = s.reviews[index];
    const step = steps[index];
    if (!review || !step || !s.row.proposal) return unavailable();
    const findings = Object.fromEntries(Object.entries(review.findings).map(([k, v]) => [k, { conforms: v.ok, opinion: v.note }])) as never;
    return success({
      ...base(s, b), documentNumber: step.data.documentNumber as string | undefined, submittedBy: '执法支队', submittedOn: s.steps.find((st) => st.kind === 'submission')?.occurredOn ?? step.occurredOn,
      reviewedOn: step.occurredOn, reviewers: [{ name: review.reviewerName }], grounds: s.hearing?.heldAt ? ['majorRightsAfterHearing'] : ['majorPublicInterest'],
      proposedDecision: `${s.row.proposal.penaltyKinds.includes('fine') ? `罚款${(s.row.proposal.fineFen / 100).toLocaleString('zh-CN')}元` : ''}`,
      findings, outcome: review.outcome, conclusion: review.opinion,
    });
  },
  'collective-discussion': (s, b) => {
    const d = s.discussions.at(-1);
    if (!d) return unavailable();
    const meeting = [...s.meetings.values()][s.meetings.size - 1]!;
    return success({
      ...base(s, b),
      meeting: { startedAt: `${d.heldOn}T09:00`, endedAt: `${d.heldOn}T11:00`, place: meeting.location, host: s.meetingPeople.get(meeting.chairId) ?? '', recorder: '' },
      members: meeting.memberIds.map((id) => ({ name: s.meetingPeople.get(id) ?? String(id), title: '委员', present: meeting.attendeeIds.includes(id) })),
      nonVoting: officers(s).map((o) => ({ name: o.name, title: '承办人' })),
      caseReport: s.row.proposal?.facts ?? s.lead.summary, legalReviewSummary: s.reviews.at(-1)?.opinion,
      opinions: d.opinions.map((o) => ({ name: s.meetingPeople.get(o.memberId) ?? String(o.memberId), opinion: o.opinion })), decision: d.conclusion,
    });
  },
  'penalty-decision': (s, b) => {
    const r = s.row;
    if (r.decisionKind !== 'penalty' || !r.decision || !r.notification || !r.proposal) return unavailable();
    const statement = s.steps.filter((st) => st.kind === 'statement').at(-1);
    const response = s.hearing?.heldAt
      ? { kind: 'hearing' as const, heldOn: s.hearing.scheduledOn!, summary: s.hearing.record ?? '', review: '经复核', adopted: false }
      : statement && !statement.data.waived
        ? { kind: 'statement' as const, receivedOn: statement.occurredOn, summary: String(statement.data.content ?? ''), review: '经复核', adopted: Boolean(statement.data.adopted) }
        : { kind: 'none' as const };
    const fine = r.decisionFineFen ?? 0;
    return success({
      ...base(s, b), documentNumber: r.decisionNumber!, inspectedOn: firstInspectionOn(s), facts: r.proposal.facts, evidence: evidence(s),
      violatedProvisions: parseProvisions(r.proposal.violatedProvisions),
      notification: { documentNumber: r.notification.documentNumber ?? r.number, kind: r.notification.hearingOffered ? 'hearing' : 'prior', servedOn: r.notification.servedOn },
      response, collectivelyDiscussed: Boolean(r.committeeDecidedAt), discretion: r.proposal.discretionReason ?? undefined,
      basisProvisions: parseProvisions(r.decision.basis), penalties: penalties(r.decision.penaltyKinds, fine),
      payment: fine > 0 ? b.payment : undefined, remedies: remediesOf(b, r.decidedOn!), decidedOn: r.decidedOn!,
    });
  },
  'no-penalty-decision': (s, b) => {
    const r = s.row;
    if ((r.decisionKind !== 'no_penalty' && r.decisionKind !== 'exemption') || !r.decision) return unavailable();
    return success({
      ...base(s, b), documentNumber: r.decisionNumber!, inspectedOn: firstInspectionOn(s), facts: r.proposal?.facts ?? s.lead.summary, evidence: evidence(s),
      // The ground recorded with the decision (行政处罚法 第五十七条, 第三十条, 第三十一条, 第三十三条); older decisions
      // without one are read as what their kind meant then.
      violatedProvisions: r.proposal ? parseProvisions(r.proposal.violatedProvisions) : [],
      ground: r.decision.noPenaltyGround ?? (r.decisionKind === 'exemption' ? 'firstViolation' : 'minorCorrected'),
      groundReasons: r.decision.reasons,
      exemptionListReference: s.exemption?.exemptionListReference || undefined,
      // 第二十八条 order and 第三十三条第三款 education: printed only as recorded, never a default sentence.
      ...(s.exemption?.correctionOrdered ? { correctionOrdered: s.exemption.correctionOrdered } : {}),
      ...(r.decision.education ?? s.exemption?.education ? { education: (r.decision.education ?? s.exemption?.education)! } : {}),
      remedies: remediesOf(b, r.decidedOn!), decidedOn: r.decidedOn!,
    });
  },
  'service-receipt': (s, b) => {
    const service = s.steps.filter((st) => st.kind === 'service').at(-1);
    if (!s.row.decisionNumber || !s.row.decidedOn) return unavailable();
    const kindName = s.row.decisionKind === 'penalty' ? '行政处罚决定书' : s.row.decisionKind === 'transfer' ? '移送案件书' : '不予行政处罚决定书';
    return success({
      authority: b.authority, caseNumber: s.row.number, cause: s.row.cause,
      documents: [{ title: kindName, number: s.row.decisionNumber, copies: 1 }], recipient: s.enterprise.name, address: s.enterprise.address,
      method: service?.data.method === 'mail' ? 'post' : service?.data.method === 'electronic' ? 'electronic' : service?.data.method === 'public_notice' ? 'public' : 'direct',
      servedAt: service ? `${service.occurredOn}T10:00` : undefined, servers: officers(s, service?.officerIds), issuer: officers(s)[0]?.name ?? '', issuedOn: s.row.decidedOn,
    });
  },
  'case-transfer': (s, b) => {
    const r = s.row;
    if (r.decisionKind !== 'transfer' || !r.decision) return unavailable();
    return success({
      ...base(s, b), documentNumber: r.decisionNumber!, receiver: r.decision.transferTo ?? b.police, kind: 'suspectedCrime',
      facts: r.proposal?.facts ?? s.lead.summary, evidence: evidence(s), attachments: ['案件调查材料', '涉案物品清单'], contact: b.contact, transferredOn: r.decidedOn!,
    });
  },
  'closure-approval': (s, b) => {
    const closure = s.steps.filter((st) => st.kind === 'closure').at(-1);
    if (!closure) return unavailable();
    const paidFen = s.payments.reduce((t, p) => t + p.amountFen, 0);
    const fine = s.row.decisionFineFen ?? 0;
    return success({
      ...base(s, b), caseNumber: s.row.number, documentNumber: closure.data.documentNumber as string | undefined, filedOn: s.row.filedOn,
      decision: { documentNumber: s.row.decisionNumber ?? undefined, decidedOn: s.row.decidedOn ?? undefined, summary: s.row.decision?.reasons ?? '' },
      execution: { paidFen, paidOn: s.payments.at(-1)?.paidOn, surchargeFen: Math.max(0, paidFen - fine), summary: String(closure.data.summary ?? '') },
      closureReason: String(closure.data.summary ?? ''), leaderOpinion: { opinion: '同意结案', signer: s.leaderName, on: closure.occurredOn },
    });
  },
  // 行政强制法 第三十五条, 第五十四条: only once a reminder was served, on a penalty decision with a fine.
  'payment-reminder': (s, b) => {
    const r = s.row;
    const step = s.steps.filter((st) => st.kind === 'reminder').at(-1);
    const fine = r.decisionFineFen ?? 0;
    if (!s.reminder || !step || r.decisionKind !== 'penalty' || !fine || !r.decisionNumber || !r.decidedOn) return unavailable();
    return success({
      ...base(s, b), documentNumber: step.data.documentNumber as string | undefined,
      decision: { documentNumber: r.decisionNumber, decidedOn: r.decidedOn, ...(r.servedOn ? { servedOn: r.servedOn } : {}) },
      fineFen: fine, surchargeFen: Math.max(0, s.reminder.amountDueFen - fine), paidFen: s.reminder.paidFen,
      performBy: s.reminder.performBy, payment: b.payment, contact: b.contact, remindedOn: s.reminder.servedOn,
    });
  },
};

function record(s: CaseDocumentSource, b: BureauProfile, kind: 'inspection_record' | 'inquiry_record', stepId?: number): Result<never> {
  const step = s.steps.filter((st) => st.kind === kind && (!stepId || st.id === stepId)).at(-1);
  if (!step) return unavailable();
  const d = step.data as { summary?: string; place?: string; startedAt?: string; endedAt?: string; onSite?: string };
  const common = {
    ...base(s, b), startedAt: d.startedAt ?? `${step.occurredOn}T09:00`, endedAt: d.endedAt ?? `${step.occurredOn}T11:00`,
    place: d.place ?? s.enterprise.address, officers: officers(s, step.officerIds), recorder: officers(s, step.officerIds)[0]?.name ?? '', recusalAnswer: '不申请回避',
  };
  if (kind === 'inspection_record') {
    return success({ ...common, onSite: { name: d.onSite ?? s.enterprise.legalRepresentative }, findings: d.summary ?? '' } as never);
  }
  return success({ ...common, inquired: { name: d.onSite ?? s.enterprise.legalRepresentative }, exchanges: [{ question: '请陈述有关情况。', answer: d.summary ?? '' }] } as never);
}

function notice(s: CaseDocumentSource, b: BureauProfile, hearing: boolean): Result<never> {
  const r = s.row;
  if (!r.notification || !r.proposal || r.notification.hearingOffered !== hearing) return unavailable();
  return success({
    ...base(s, b), documentNumber: r.notification.documentNumber ?? r.number, inspectedOn: firstInspectionOn(s), facts: r.proposal.facts, evidence: evidence(s),
    violatedProvisions: parseProvisions(r.proposal.violatedProvisions), basisProvisions: parseProvisions(r.proposal.penaltyBasis),
    discretion: r.proposal.discretionReason ?? undefined, proposedPenalties: penalties(r.proposal.penaltyKinds, r.notification.proposedFineFen),
    contact: b.contact, notifiedOn: r.notification.servedOn, ...(hearing ? { hearingGround: '较大数额罚款' } : {}),
  } as never);
}

export function caseDocumentData<K extends CaseDocumentKind>(kind: K, s: CaseDocumentSource, b: BureauProfile, stepId?: number): Result<CaseDocumentData[K]> {
  const builder = BUILDERS[kind] as Builder<K> | undefined;
  return builder ? builder(s, b, stepId) : unavailable();
}
