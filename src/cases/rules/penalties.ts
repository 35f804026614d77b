// Kinds of administrative penalty (行政处罚法 第九条) and of case decisions.
export const PENALTY_KINDS = [
  'warning', 'fine', 'confiscation', 'confiscation_large', 'qualification_lowering', 'licence_revocation',
  'suspension', 'closure', 'practice_restriction', 'detention_transfer',
  // 行政处罚法 第九条 (四) 限制开展生产经营活动: 限制生产 (环境保护法 第六十条), decided through the penalty procedure.
  'production_restriction',
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

/** 处罚 / 不予处罚 / 免罚 (首违不罚) / 移送 / 撤销立案. */
export const DECISION_KINDS = ['penalty', 'no_penalty', 'exemption', 'transfer', 'withdrawal'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
