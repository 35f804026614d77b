// Automatic pre-checks of a closed case file: what the system itself can know before a reviewer
// scores it — missing documents, deadlines missed, evidence without a hash, steps out of order,
// too few credentialed officers, a decision without its legal basis, a departure from the benchmark
// without a reason. Each finding names the article it rests on. Pure.
import type { Citation } from '../../law/outcome.js';

export type PrecheckCode =
  | 'MISSING_DOCUMENT' | 'DEADLINE_MISSED' | 'EVIDENCE_WITHOUT_HASH' | 'STEPS_OUT_OF_ORDER' | 'TOO_FEW_OFFICERS'
  | 'LEGAL_BASIS_MISSING' | 'DISCRETION_UNEXPLAINED' | 'LEGAL_REVIEW_MISSING' | 'NOT_ARCHIVED';

export const PRECHECK_CODES: readonly PrecheckCode[] = [
  'MISSING_DOCUMENT', 'DEADLINE_MISSED', 'EVIDENCE_WITHOUT_HASH', 'STEPS_OUT_OF_ORDER', 'TOO_FEW_OFFICERS',
  'LEGAL_BASIS_MISSING', 'DISCRETION_UNEXPLAINED', 'LEGAL_REVIEW_MISSING', 'NOT_ARCHIVED',
];

export interface PrecheckFinding { check: PrecheckCode; detail: string; citation?: Citation }

export type DecisionKindFact = 'penalty' | 'no_penalty' | 'exemption' | 'transfer' | 'withdrawal';

export interface CaseFileFacts {
  decisionKind: DecisionKindFact | null;
  fineFen: number;
  filedOn: string;
  filingDueOn: string;
  filingLateReason: string | null;
  decisionDueOn: string;
  decidedOn: string | null;
  /** From the decision step: 7 working days after the decision (行政处罚法 第六十一条). */
  serviceDueOn: string | null;
  servedOn: string | null;
  statementDueOn: string | null;
  statementWaived: boolean;
  closedOn: string | null;
  archivedOn: string | null;
  officers: { name: string; credentialNo: string | null }[];
  steps: { id: number; kind: string; occurredOn: string }[];
  evidenceFiles: { id: number; fileName: string; sha256: string | null }[];
  proposal: { violatedProvisions: string; penaltyBasis: string; discretionReason: string | null } | null;
  /** The benchmark's fine, where a calculation is stored. */
  benchmarkFen: number | null;
  needsLegalReview: boolean;
  legalReviewPassed: boolean;
}

const APL = '行政处罚法';
const cite = (article: string): Citation => ({ law: APL, article });

/** The documents every file of a kind holds, as the steps that produce them. */
const REQUIRED_STEPS: Record<DecisionKindFact | 'any', { kind: string | string[]; document: string; citation: Citation }[]> = {
  any: [
    { kind: 'filing', document: '立案审批表', citation: { law: '生态环境行政处罚办法', article: '立案' } },
    { kind: ['inspection_record', 'inquiry_record'], document: '现场检查（勘察）笔录或调查询问笔录', citation: cite('第四十条') },
  ],
  penalty: [
    { kind: 'notification', document: '行政处罚事先（听证）告知书', citation: cite('第四十四条') },
    { kind: 'decision', document: '行政处罚决定书', citation: cite('第五十九条') },
    { kind: 'service', document: '送达回证', citation: cite('第六十一条') },
  ],
  no_penalty: [{ kind: 'decision', document: '不予行政处罚决定书', citation: cite('第三十三条') }, { kind: 'service', document: '送达回证', citation: cite('第六十一条') }],
  exemption: [{ kind: 'decision', document: '不予行政处罚决定书', citation: cite('第三十三条') }, { kind: 'service', document: '送达回证', citation: cite('第六十一条') }],
  transfer: [{ kind: 'decision', document: '移送案件书', citation: cite('第二十七条') }],
  withdrawal: [],
};

/** Pairs of steps that must happen in this order when both are on file. */
const ORDER: [before: string, after: string][] = [
  ['filing', 'submission'], ['submission', 'case_review'], ['case_review', 'legal_review'], ['legal_review', 'notification'],
  ['notification', 'decision'], ['hearing_request', 'hearing_held'], ['decision', 'service'], ['service', 'payment'],
  ['decision', 'closure'], ['closure', 'archive'],
];

const STEP_ZH: Record<string, string> = {
  filing: '立案', submission: '提交审查', case_review: '案件审查', legal_review: '法制审核', notification: '事先告知', decision: '作出决定',
  hearing_request: '听证申请', hearing_held: '举行听证', service: '送达', payment: '缴纳罚款', closure: '结案', archive: '归档',
};

const earliest = (steps: CaseFileFacts['steps'], kind: string) =>
  steps.filter((s) => s.kind === kind).reduce<string | null>((m, s) => (m === null || s.occurredOn < m ? s.occurredOn : m), null);

export function runPrechecks(f: CaseFileFacts): PrecheckFinding[] {
  const out: PrecheckFinding[] = [];
  const has = (kind: string | string[]) => f.steps.some((s) => (Array.isArray(kind) ? kind.includes(s.kind) : s.kind === kind));

  // Missing documents, by what the decision requires.
  for (const r of [...REQUIRED_STEPS.any, ...(f.decisionKind ? REQUIRED_STEPS[f.decisionKind] : [])]) {
    if (!has(r.kind)) out.push({ check: 'MISSING_DOCUMENT', detail: `缺少${r.document}`, citation: r.citation });
  }
  if (f.closedOn && !has('closure')) out.push({ check: 'MISSING_DOCUMENT', detail: '缺少结案审批表', citation: { law: '生态环境行政处罚办法', article: '结案' } });

  // Deadlines.
  if (f.filedOn > f.filingDueOn && !f.filingLateReason?.trim()) {
    out.push({ check: 'DEADLINE_MISSED', detail: `立案日期 ${f.filedOn} 超过立案期限 ${f.filingDueOn}，且未说明理由`, citation: { law: '生态环境行政处罚办法', article: '立案' } });
  }
  if (f.decidedOn && f.decidedOn > f.decisionDueOn) out.push({ check: 'DEADLINE_MISSED', detail: `决定日期 ${f.decidedOn} 超过办案期限 ${f.decisionDueOn}`, citation: cite('第六十条') });
  if (f.servedOn && f.serviceDueOn && f.servedOn > f.serviceDueOn) out.push({ check: 'DEADLINE_MISSED', detail: `送达日期 ${f.servedOn} 超过送达期限 ${f.serviceDueOn}`, citation: cite('第六十一条') });
  if (f.decisionKind === 'penalty' && f.decidedOn && f.statementDueOn && !f.statementWaived && f.decidedOn <= f.statementDueOn) {
    out.push({ check: 'DEADLINE_MISSED', detail: `陈述申辩期限 ${f.statementDueOn} 届满前即作出处罚决定`, citation: cite('第四十四条') });
  }

  // Evidence files without a content hash cannot be shown unaltered.
  for (const e of f.evidenceFiles) {
    if (!e.sha256 || !/^[0-9a-f]{64}$/.test(e.sha256)) out.push({ check: 'EVIDENCE_WITHOUT_HASH', detail: `证据文件“${e.fileName}”无有效校验值（SHA-256）`, citation: cite('第四十七条') });
  }

  // Steps out of order.
  for (const [before, after] of ORDER) {
    const b = earliest(f.steps, before);
    const a = earliest(f.steps, after);
    if (a && b && a < b) out.push({ check: 'STEPS_OUT_OF_ORDER', detail: `“${STEP_ZH[after]}”（${a}）早于“${STEP_ZH[before]}”（${b}）`, citation: cite('第四十七条') });
  }

  // 行政处罚法 第四十二条: at least two officers with enforcement credentials.
  const credentialed = f.officers.filter((o) => o.credentialNo).length;
  if (credentialed < 2) out.push({ check: 'TOO_FEW_OFFICERS', detail: `持执法证办案人员 ${credentialed} 名，少于两名`, citation: cite('第四十二条') });

  // 行政处罚法 第五十九条: the decision states the violated provisions and the basis of the penalty.
  if (f.decisionKind === 'penalty' && (!f.proposal?.violatedProvisions.trim() || !f.proposal.penaltyBasis.trim())) {
    out.push({ check: 'LEGAL_BASIS_MISSING', detail: '未载明违反的法律条款或处罚依据', citation: cite('第五十九条') });
  }

  // 行政处罚法 第三十四条: a fine departing from the benchmark carries its reason.
  if (f.decisionKind === 'penalty' && f.benchmarkFen !== null && f.fineFen !== f.benchmarkFen && !f.proposal?.discretionReason?.trim()) {
    out.push({ check: 'DISCRETION_UNEXPLAINED', detail: `罚款与裁量基准测算额不一致且未说明理由`, citation: cite('第三十四条') });
  }

  // 行政处罚法 第五十八条: a major case is decided only after a passed legal review.
  if (f.needsLegalReview && !f.legalReviewPassed && f.decisionKind && f.decisionKind !== 'withdrawal' && f.decisionKind !== 'transfer') {
    out.push({ check: 'LEGAL_REVIEW_MISSING', detail: '重大执法决定未经法制审核或审核未通过', citation: { ...cite('第五十八条'), paragraph: '第一款' } });
  }

  if (f.closedOn && !f.archivedOn) out.push({ check: 'NOT_ARCHIVED', detail: '已结案但尚未归档', citation: cite('第四十七条') });
  return out;
}
