// The data each enforcement document needs: plain values the case procedure fills from its
// records. Dates are civil dates 'YYYY-MM-DD' and wall-clock times 'YYYY-MM-DDTHH:mm', both China
// Standard Time; money is integer fen; document numbers arrive formatted ('烟环罚〔2020〕12号', see
// documentNumberFor in ./index.ts). Free text is printed as given; a line break starts a paragraph.
import type { ApprovalOpinion } from '../../platform/documents/official.js';

export type { ApprovalOpinion };

/** 'YYYY-MM-DD', China Standard Time. */
export type CivilDate = string;
/** 'YYYY-MM-DDTHH:mm', China Standard Time wall clock. */
export type LocalDateTime = string;

/** The issuing agency (发文机关, 落款). */
export interface Authority {
  name: string;                // 烟台市生态环境局
  address: string;
  postcode?: string;
  /** The seal's text under the signature (bureau settings); the name where absent. */
  sealText?: string;
}

/** 当事人: an organisation with its credit code, or a citizen with an ID number. */
export interface Party {
  kind: 'organisation' | 'individual';
  name: string;
  unifiedSocialCreditCode?: string;   // 统一社会信用代码 (GB 32100-2015), organisations
  idNumber?: string;                  // 公民身份号码, individuals
  legalRepresentative?: string;       // 法定代表人（负责人）
  legalRepresentativeTitle?: string;  // 职务
  address: string;
  phone?: string;
}

/** An enforcement officer; the credential (执法证) is shown and recorded (行政处罚法 第四十二条, 第五十五条). */
export interface Officer { name: string; credentialNumber: string }

/** A person met or questioned (现场负责人, 被询问人). */
export interface Person {
  name: string;
  sex?: '男' | '女';
  age?: number;
  idNumber?: string;
  employer?: string;      // 工作单位
  title?: string;         // 职务
  phone?: string;
  address?: string;
  relationToCase?: string; // 与本案关系, e.g. 当事人生产部经理
}

/** An article applied: law without 《》, article as written ('第一百零八条第（五）项'), optional quoted text. */
export interface Provision { law: string; article: string; text?: string }

/** An item of evidence and what it proves. */
export interface Evidence { name: string; detail?: string }

/** 行政处罚法 第九条: the kinds of administrative penalty. */
export type PenaltyKind =
  | 'warning' | 'circulatedCriticism'                                       // (一) 警告、通报批评
  | 'fine' | 'confiscateIllegalGains' | 'confiscateIllegalProperty'          // (二) 罚款、没收违法所得、没收非法财物
  | 'suspendLicence' | 'lowerQualification' | 'revokeLicence'                // (三) 暂扣许可证件、降低资质等级、吊销许可证件
  | 'restrictProduction' | 'suspendProduction' | 'closure' | 'restrictPractice' // (四) 限制开展生产经营活动、责令停产停业、责令关闭、限制从业
  | 'other';                                                                 // (六) 法律、行政法规规定的其他行政处罚

/** One penalty of a decision: money kinds carry amountFen; detail qualifies any kind. */
export interface PenaltyItem { kind: PenaltyKind; amountFen?: number; detail?: string }

/** Where and how long to seek a remedy. */
export interface Remedies {
  /** 行政复议机关, e.g. ['烟台市人民政府'] (see defaultRemedies in ./remedies.ts). */
  reconsiderationBodies: string[];
  /** The people's court for 行政诉讼; absent → "有管辖权的人民法院". */
  court?: string;
}

/** Where a fine is paid (罚缴分离, 行政处罚法 第六十七条). */
export interface PaymentInstructions {
  payee: string;          // 收款单位, e.g. 烟台市财政局
  bank: string;           // 开户银行
  accountNumber: string;  // 账号
  note?: string;          // e.g. 缴款时请注明本决定书文号
}

/** The officer the party contacts, and where. */
export interface ContactPoint { name: string; phone: string; address: string }

/** Fields every case document has. */
export interface CaseDocumentBase {
  authority: Authority;
  /** The case number as the bureau writes it (usually the 立案号). Absent before filing. */
  caseNumber?: string;
  cause: string;          // 案由, e.g. 未采取集中收集处理措施控制粉尘排放
  party: Party;
}

// ---------------------------------------------------------------------------------------------

/** The source of a case (案件来源). */
export type CaseSource = 'inspection' | 'complaint' | 'onlineMonitoring' | 'transfer' | 'assigned' | 'other';

/** 立案审批表. */
export interface FilingApprovalData extends CaseDocumentBase {
  documentNumber: string;        // 立案号, 烟环立〔2020〕12号
  source: CaseSource;
  sourceDetail?: string;         // e.g. 12369 投诉编号
  discoveredOn: CivilDate;
  summary: string;               // 案情简介及立案理由
  suspectedProvisions: Provision[];
  handlingOfficers: Officer[];   // 承办人, at least two (行政处罚法 第四十二条)
  handlerOpinion?: ApprovalOpinion;
  unitOpinion?: ApprovalOpinion;    // 承办机构负责人审核意见
  leaderOpinion?: ApprovalOpinion;  // 局负责人审批意见
}

/** A question and its answer, as recorded. */
export interface Exchange { question: string; answer: string }

/** 现场检查（勘察）笔录. */
export interface InspectionRecordData extends CaseDocumentBase {
  startedAt: LocalDateTime;
  endedAt: LocalDateTime;
  place: string;
  onSite: Person;                // 现场负责人
  officers: Officer[];           // 检查人, at least two
  recorder: string;              // 记录人
  otherParticipants?: string;    // 其他在场人员 / 见证人
  recusalAnswer: string;         // the answer to 是否申请回避
  findings: string;              // 现场检查情况
  exchanges?: Exchange[];        // questions asked on the spot
  recordings?: string;           // e.g. 现场拍摄照片 12 张、执法记录仪视频 2 段
  onSiteComment?: string;        // 被检查人对笔录的意见
}

/** 调查询问笔录. */
export interface InquiryRecordData extends CaseDocumentBase {
  startedAt: LocalDateTime;
  endedAt: LocalDateTime;
  place: string;
  inquired: Person;              // 被询问人
  officers: Officer[];           // 询问人, at least two
  recorder: string;
  otherParticipants?: string;
  recusalAnswer: string;
  exchanges: Exchange[];
  inquiredComment?: string;      // 被询问人对笔录的意见; default 以上笔录我已看过，与我说的相符。
}

/** 责令改正违法行为决定书. */
export interface CorrectionOrderData extends CaseDocumentBase {
  documentNumber: string;        // 烟环责改〔2020〕12号
  inspectedOn: CivilDate;
  facts: string;
  evidence: Evidence[];
  violatedProvisions: Provision[];
  basisProvisions: Provision[];  // the article that orders correction (e.g. 大气污染防治法 第一百零八条)
  corrections: string[];         // 改正内容
  correctByOn?: CivilDate;       // 限期; absent → 立即改正
  consequenceOfRefusal?: string; // e.g. 按日连续处罚 (环境保护法 第五十九条)
  remedies: Remedies;
  decidedOn: CivilDate;
}

/** The facts, reasons and basis a notification states (行政处罚法 第四十四条). */
export interface NotificationContent extends CaseDocumentBase {
  documentNumber: string;
  inspectedOn: CivilDate;
  facts: string;
  evidence: Evidence[];
  violatedProvisions: Provision[];
  basisProvisions: Provision[];
  discretion?: string;           // 裁量理由, e.g. 参照《山东省生态环境行政处罚裁量基准》…
  proposedPenalties: PenaltyItem[];
  contact: ContactPoint;
  notifiedOn: CivilDate;
}

/** 行政处罚事先告知书 (烟环告). */
export type PriorNoticeData = NotificationContent;

/** 行政处罚听证告知书 (烟环听告): the prior notice plus the right to a hearing. */
export interface HearingNoticeData extends NotificationContent {
  hearingGround: string;         // the 第六十三条 item, e.g. 较大数额罚款
}

/** 行政处罚法 第五十八条第一款: why this case needs legal review. */
export type LegalReviewGround = 'majorPublicInterest' | 'majorRightsAfterHearing' | 'complexSeveralLegalRelations' | 'requiredByOtherLaw';
/** The points a legal review examines (国办发〔2018〕118号). */
export type ReviewPoint = 'subject' | 'authority' | 'procedure' | 'facts' | 'evidence' | 'legalBasis' | 'discretion';
export interface ReviewFinding { conforms: boolean; opinion: string }

/** 法制审核意见书. */
export interface LegalReviewOpinionData extends CaseDocumentBase {
  documentNumber?: string;       // 烟环法审〔2020〕12号
  submittedBy: string;           // 送审机构
  submittedOn: CivilDate;
  reviewedOn: CivilDate;
  reviewers: Array<{ name: string; legalQualificationNumber?: string }>;
  grounds: LegalReviewGround[];
  proposedDecision: string;      // 拟作出的处理决定
  findings: Record<ReviewPoint, ReviewFinding>;
  outcome: 'passed' | 'returned' | 'rejected';
  conclusion: string;            // 审核意见和建议
}

/** 集体讨论记录 (行政处罚法 第五十七条). */
export interface CollectiveDiscussionData extends CaseDocumentBase {
  meeting: {
    name?: string;               // e.g. 2020年第5次重大行政处罚案件集体讨论会
    startedAt: LocalDateTime;
    endedAt: LocalDateTime;
    place: string;
    host: string;                // 主持人 (name and title)
    recorder: string;
  };
  members: Array<{ name: string; title: string; present: boolean; absenceReason?: string }>;
  nonVoting: Array<{ name: string; title: string }>;  // 列席: 承办人, 法制审核人员
  caseReport: string;            // 承办人汇报的案情、证据和处理意见
  legalReviewSummary?: string;   // 法制审核意见
  opinions: Array<{ name: string; opinion: string }>;
  decision: string;              // 讨论决定
}

/** How the party answered the notification. */
export type PartyResponse =
  | { kind: 'none' }             // 在法定期限内未提出陈述、申辩（未要求听证）
  | { kind: 'statement'; receivedOn: CivilDate; summary: string; review: string; adopted: boolean }
  | { kind: 'hearing'; heldOn: CivilDate; summary: string; review: string; adopted: boolean };

/** 行政处罚决定书 (烟环罚): the contents required by 行政处罚法 第五十九条. */
export interface PenaltyDecisionData extends CaseDocumentBase {
  documentNumber: string;
  inspectedOn: CivilDate;
  facts: string;
  evidence: Evidence[];
  violatedProvisions: Provision[];
  notification: { documentNumber: string; kind: 'prior' | 'hearing'; servedOn: CivilDate };
  response: PartyResponse;
  collectivelyDiscussed: boolean;
  discretion?: string;
  basisProvisions: Provision[];
  penalties: PenaltyItem[];
  payment?: PaymentInstructions; // required when a penalty is money
  remedies: Remedies;
  decidedOn: CivilDate;
}

/** 行政处罚法 第三十三条: the grounds for not imposing a penalty. */
export type NoPenaltyGround =
  | 'factsNotEstablished'        // 第五十七条第一款 (三): 违法事实不能成立
  | 'minorCorrected'             // 第三十三条第一款: 违法行为轻微并及时改正，没有造成危害后果 (应当)
  | 'firstViolation'             // 第三十三条第一款: 初次违法且危害后果轻微并及时改正 (可以, 首违不罚)
  | 'noFault'                    // 第三十三条第二款: 有证据足以证明没有主观过错
  | 'minorUnder14'               // 第三十条: 不满十四周岁
  | 'noCapacity';                // 第三十一条: 不能辨认或者不能控制自己行为

/** 不予行政处罚决定书 (烟环不罚). */
export interface NoPenaltyDecisionData extends CaseDocumentBase {
  documentNumber: string;
  inspectedOn: CivilDate;
  facts: string;
  evidence: Evidence[];
  violatedProvisions: Provision[];
  ground: NoPenaltyGround;
  groundReasons: string;         // why the ground applies (初次违法, 危害后果轻微, 已于…改正)
  exemptionListReference?: string; // e.g. the provincial 轻微违法行为不予行政处罚清单 item
  /** 责令改正 (第二十八条), as ordered; absent where no violation was established. */
  correctionOrdered?: string;
  /** 批评教育 (第三十三条第三款) as it happened; printed only when recorded. */
  education?: { on: CivilDate; form: string; content: string };
  remedies: Remedies;
  decidedOn: CivilDate;
}

/** The manners of service (行政处罚法 第六十一条, by the Civil Procedure Law). */
export type ServiceMethod = 'direct' | 'left' | 'post' | 'entrusted' | 'electronic' | 'public';

/** 送达回证. */
export interface ServiceReceiptData extends Omit<CaseDocumentBase, 'party'> {
  documents: Array<{ title: string; number?: string; copies?: number }>;
  recipient: string;             // 受送达人
  address: string;               // 送达地点
  method: ServiceMethod;
  servedAt?: LocalDateTime;      // blank when printed before service
  receivedBy?: { name: string; reason: string }; // 代收人及代收理由
  witnesses?: string[];          // 留置送达见证人
  servers: Officer[];            // 送达人
  issuer: string;                // 填发人
  issuedOn: CivilDate;
  note?: string;                 // 备注
}

/** 移送案件书: a suspected crime (行政处罚法 第二十七条) or detention (环境保护法 第六十三条). */
export interface CaseTransferData extends CaseDocumentBase {
  documentNumber: string;        // 烟环移〔2020〕3号
  receiver: string;              // 烟台市公安局
  kind: 'suspectedCrime' | 'administrativeDetention';
  /** 环境保护法 第六十三条 items (一)–(四), for administrativeDetention. */
  detentionItem?: 1 | 2 | 3 | 4;
  suspectedOffence?: string;     // e.g. 污染环境罪（《中华人民共和国刑法》第三百三十八条）
  responsiblePersons?: Person[]; // 直接负责的主管人员和其他直接责任人员
  facts: string;
  evidence: Evidence[];
  attachments: string[];         // 随附材料
  contact: ContactPoint;
  transferredOn: CivilDate;
}

/** 结案审批表. */
export interface ClosureApprovalData extends CaseDocumentBase {
  caseNumber: string;
  documentNumber?: string;       // 烟环结〔2020〕12号
  filedOn: CivilDate;
  decision: { documentNumber?: string; decidedOn?: CivilDate; summary: string };
  execution: {
    paidFen?: number;
    paidOn?: CivilDate;
    surchargeFen?: number;       // 加处罚款 (行政处罚法 第七十二条)
    summary: string;             // 执行情况 (改正复查, 申请强制执行…)
  };
  closureReason: string;
  handlerOpinion?: ApprovalOpinion;
  unitOpinion?: ApprovalOpinion;
  leaderOpinion?: ApprovalOpinion;
}

/** 催告书 (行政强制法 第三十五条, 第五十四条): the written reminder before applying to the court. */
export interface PaymentReminderData extends CaseDocumentBase {
  documentNumber?: string;       // 烟环催〔2020〕3号
  decision: { documentNumber: string; decidedOn: CivilDate; servedOn?: CivilDate };
  fineFen: number;
  /** 加处罚款 accrued up to the reminder date (行政处罚法 第七十二条第一款第（一）项). */
  surchargeFen: number;
  /** Paid on or before the reminder date. */
  paidFen: number;
  /** 第三十五条 (一): the last day to perform; at least ten working days after service (第五十四条, 第六十九条). */
  performBy: CivilDate;
  payment: PaymentInstructions;
  contact: ContactPoint;
  remindedOn: CivilDate;
}
