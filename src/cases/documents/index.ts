// The case documents (统一文书模板): what kinds there are, how each is numbered, and rendering to
// .docx bytes. Numbers follow GB/T 9704-2012 7.2.4: 机关代字 + 〔年份〕 + 顺序号 + 号, one sequence
// per prefix and year, without gaps (the case procedure allocates the sequence).
import type { Document } from 'docx';
import { formatDocumentNumber, packOfficialDocument } from '../../platform/documents/official.js';
import { caseTransferDocument } from './templates/case-transfer.js';
import { closureApprovalDocument } from './templates/closure-approval.js';
import { collectiveDiscussionDocument } from './templates/collective-discussion.js';
import { correctionOrderDocument } from './templates/correction-order.js';
import { filingApprovalDocument } from './templates/filing-approval.js';
import { inquiryRecordDocument } from './templates/inquiry-record.js';
import { inspectionRecordDocument } from './templates/inspection-record.js';
import { legalReviewOpinionDocument } from './templates/legal-review-opinion.js';
import { noPenaltyDecisionDocument } from './templates/no-penalty-decision.js';
import { paymentReminderDocument } from './templates/payment-reminder.js';
import { penaltyDecisionDocument } from './templates/penalty-decision.js';
import { hearingNoticeDocument, priorNoticeDocument } from './templates/prior-notice.js';
import { serviceReceiptDocument } from './templates/service-receipt.js';
import type {
  CaseTransferData, ClosureApprovalData, CollectiveDiscussionData, CorrectionOrderData, FilingApprovalData,
  HearingNoticeData, InquiryRecordData, InspectionRecordData, LegalReviewOpinionData, NoPenaltyDecisionData,
  PaymentReminderData, PenaltyDecisionData, PriorNoticeData, ServiceReceiptData,
} from './types.js';

export type * from './types.js';
export { defaultRemedies } from './remedies.js';
export { formatFenForDocument } from './amount.js';

/** The data each kind of document takes. */
export interface CaseDocumentData {
  'filing-approval': FilingApprovalData;
  'inspection-record': InspectionRecordData;
  'inquiry-record': InquiryRecordData;
  'correction-order': CorrectionOrderData;
  'prior-notice': PriorNoticeData;
  'hearing-notice': HearingNoticeData;
  'legal-review-opinion': LegalReviewOpinionData;
  'collective-discussion': CollectiveDiscussionData;
  'penalty-decision': PenaltyDecisionData;
  'no-penalty-decision': NoPenaltyDecisionData;
  'service-receipt': ServiceReceiptData;
  'case-transfer': CaseTransferData;
  'closure-approval': ClosureApprovalData;
  'payment-reminder': PaymentReminderData;
}
export type CaseDocumentKind = keyof CaseDocumentData;

export interface CaseDocumentKindInfo {
  code: CaseDocumentKind;
  zh: string;
  en: string;
  /** 机关代字 of the document number; null for records and receipts, which carry the case number. */
  prefix: string | null;
  /** The article that requires the document, or its contents. */
  basis: string;
}

/**
 * The registry. Prefixes: 烟环 (烟台市生态环境局) + the document's character: 立 立案, 责改 责令改正,
 * 告 事先告知, 听告 听证告知, 法审 法制审核, 罚 处罚决定, 不罚 不予处罚, 移 移送, 结 结案, 催 催告.
 * The 立案号 (烟环立〔2020〕12号) doubles as the case number.
 */
export const DOCUMENT_KINDS: Readonly<Record<CaseDocumentKind, CaseDocumentKindInfo>> = {
  'filing-approval': { code: 'filing-approval', zh: '立案审批表', en: 'Case filing approval form', prefix: '烟环立', basis: '生态环境行政处罚办法 (立案)' },
  'inspection-record': { code: 'inspection-record', zh: '现场检查（勘察）笔录', en: 'On-site inspection record', prefix: null, basis: '行政处罚法 第五十五条; 环境保护法 第二十四条' },
  'inquiry-record': { code: 'inquiry-record', zh: '调查询问笔录', en: 'Inquiry record', prefix: null, basis: '行政处罚法 第五十五条' },
  'correction-order': { code: 'correction-order', zh: '责令改正违法行为决定书', en: 'Order to correct the violation', prefix: '烟环责改', basis: '行政处罚法 第二十八条' },
  'prior-notice': { code: 'prior-notice', zh: '行政处罚事先告知书', en: 'Prior notice of administrative penalty', prefix: '烟环告', basis: '行政处罚法 第四十四条, 第四十五条' },
  'hearing-notice': { code: 'hearing-notice', zh: '行政处罚听证告知书', en: 'Notice of the right to a hearing', prefix: '烟环听告', basis: '行政处罚法 第六十三条, 第六十四条' },
  'legal-review-opinion': { code: 'legal-review-opinion', zh: '法制审核意见书', en: 'Legal review opinion', prefix: '烟环法审', basis: '行政处罚法 第五十八条' },
  'collective-discussion': { code: 'collective-discussion', zh: '案件集体讨论记录', en: 'Collective discussion record', prefix: null, basis: '行政处罚法 第五十七条' },
  'penalty-decision': { code: 'penalty-decision', zh: '行政处罚决定书', en: 'Administrative penalty decision', prefix: '烟环罚', basis: '行政处罚法 第五十九条' },
  'no-penalty-decision': { code: 'no-penalty-decision', zh: '不予行政处罚决定书', en: 'Decision not to impose a penalty', prefix: '烟环不罚', basis: '行政处罚法 第三十三条' },
  'service-receipt': { code: 'service-receipt', zh: '送达回证', en: 'Service receipt', prefix: null, basis: '行政处罚法 第六十一条' },
  'case-transfer': { code: 'case-transfer', zh: '移送案件书', en: 'Case transfer letter', prefix: '烟环移', basis: '行政处罚法 第二十七条; 环境保护法 第六十三条' },
  'closure-approval': { code: 'closure-approval', zh: '行政处罚案件结案审批表', en: 'Case closure approval form', prefix: '烟环结', basis: '生态环境行政处罚办法 (结案)' },
  'payment-reminder': { code: 'payment-reminder', zh: '催告书', en: 'Written reminder to perform', prefix: '烟环催', basis: '行政强制法 第三十五条, 第五十四条' },
};

export const CASE_DOCUMENT_KINDS = Object.keys(DOCUMENT_KINDS) as CaseDocumentKind[];

/** The number of the seq-th document of a kind in a year: ('penalty-decision', 2020, 12) → 烟环罚〔2020〕12号. */
export function documentNumberFor(kind: CaseDocumentKind, year: number, seq: number): string {
  const prefix = DOCUMENT_KINDS[kind].prefix;
  if (prefix === null) throw new RangeError(`${kind} documents are not numbered`);
  return formatDocumentNumber({ prefix, year, seq });
}

const BUILDERS: { [K in CaseDocumentKind]: (data: CaseDocumentData[K]) => Document } = {
  'filing-approval': filingApprovalDocument,
  'inspection-record': inspectionRecordDocument,
  'inquiry-record': inquiryRecordDocument,
  'correction-order': correctionOrderDocument,
  'prior-notice': priorNoticeDocument,
  'hearing-notice': hearingNoticeDocument,
  'legal-review-opinion': legalReviewOpinionDocument,
  'collective-discussion': collectiveDiscussionDocument,
  'penalty-decision': penaltyDecisionDocument,
  'no-penalty-decision': noPenaltyDecisionDocument,
  'service-receipt': serviceReceiptDocument,
  'case-transfer': caseTransferDocument,
  'closure-approval': closureApprovalDocument,
  'payment-reminder': paymentReminderDocument,
};

/** The docx `Document` of a kind, for callers that add to it before packing. */
export function buildCaseDocument<K extends CaseDocumentKind>(kind: K, data: CaseDocumentData[K]): Document {
  return BUILDERS[kind](data);
}

/** The .docx bytes of a case document. */
export async function renderCaseDocument<K extends CaseDocumentKind>(kind: K, data: CaseDocumentData[K]): Promise<Buffer> {
  return packOfficialDocument(buildCaseDocument(kind, data));
}

/** A file name for download: 行政处罚决定书-烟环罚〔2020〕12号.docx. */
export function caseDocumentFileName(kind: CaseDocumentKind, number?: string): string {
  return `${DOCUMENT_KINDS[kind].zh}${number ? `-${number}` : ''}.docx`;
}
