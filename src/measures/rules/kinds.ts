// The five coercive and special measures a case can carry, their statuses, and the follow-up events
// each accepts. Pure vocabulary: the rules for each kind live beside this file.
import type { Citation } from '../../law/outcome.js';
import { CITE } from './citations.js';

export const MEASURE_KINDS = ['daily_penalty', 'seizure', 'production_restriction', 'detention_transfer', 'crime_transfer'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_STATUSES = {
  daily_penalty: ['awaiting_reinspection', 'violation_continuing', 'corrected', 'decided'],
  seizure: ['in_force', 'extended', 'released'],
  production_restriction: ['in_force', 'extended', 'lifted'],
  detention_transfer: ['transfer_decided', 'transferred', 'accepted', 'not_accepted', 'detained', 'not_detained'],
  crime_transfer: ['awaiting_approval', 'not_approved', 'approved', 'transferred', 'filed', 'not_filed', 'returned', 'withdrawn'],
} as const satisfies Record<MeasureKind, readonly string[]>;
export type MeasureStatus = (typeof MEASURE_STATUSES)[MeasureKind][number];
export const ALL_MEASURE_STATUSES = [...new Set(Object.values(MEASURE_STATUSES).flat())] as MeasureStatus[];

/** Statuses, per kind, after which nothing more happens to the measure. */
export const FINAL_STATUSES: Record<MeasureKind, readonly MeasureStatus[]> = {
  daily_penalty: ['decided'],
  seizure: ['released'],
  production_restriction: ['lifted'],
  detention_transfer: ['not_accepted', 'detained', 'not_detained'],
  // 'filed' is not final: the police may still drop the case (撤案) and hand it back (国务院令第310号 第十三条).
  crime_transfer: ['not_approved', 'not_filed', 'returned', 'withdrawn'],
};

export const MEASURE_EVENTS = ['reinspection', 'decide', 'extension', 'release', 'plan', 'lifting', 'approval', 'transfer', 'outcome'] as const;
export type MeasureEvent = (typeof MEASURE_EVENTS)[number];

/** Which events each kind accepts. */
export const EVENTS_BY_KIND: Record<MeasureKind, readonly MeasureEvent[]> = {
  daily_penalty: ['reinspection', 'decide'],
  seizure: ['extension', 'release'],
  production_restriction: ['plan', 'extension', 'lifting'],
  detention_transfer: ['transfer', 'outcome'],
  crime_transfer: ['approval', 'transfer', 'outcome'],
};

/** Events that are a leader's approval (负责人批准) rather than an officer's record. */
export const APPROVAL_EVENTS: readonly MeasureEvent[] = ['decide', 'extension', 'approval'];

// 按日连续处罚办法 第五条 (一)–(五): the violations a daily penalty may follow.
export const DAILY_PENALTY_GROUNDS = ['exceeding_standards', 'evading_supervision', 'prohibited_pollutants', 'dumping_hazardous_waste', 'other_illegal_discharge'] as const;
export type DailyPenaltyGround = (typeof DAILY_PENALTY_GROUNDS)[number];

// 查封、扣押办法 第四条 (一)–(六); (四), (五) and serious pollution make seizure mandatory (应当), the rest discretionary (可以).
export const SEIZURE_GROUNDS = ['toxic_or_hazardous', 'protected_area', 'industrial_sludge', 'evading_supervision', 'emergency_discharge', 'other_serious_pollution'] as const;
export type SeizureGround = (typeof SEIZURE_GROUNDS)[number];

// 行政强制法 第二十八条第一款 (一)–(五): why a seizure is released.
export const RELEASE_GROUNDS = ['no_violation', 'unrelated_to_violation', 'handled', 'period_expired', 'no_longer_needed'] as const;
export type ReleaseGround = (typeof RELEASE_GROUNDS)[number];

// 限制生产、停产整治办法 第五条 (restriction) and 第六条 (一)–(六) (suspension).
export const RESTRICTION_GROUNDS = ['exceeding_standards', 'exceeding_daily_total'] as const;
export const SUSPENSION_GROUNDS = ['evading_supervision', 'heavy_metals_three_times', 'exceeding_annual_total', 'exceeding_after_restriction', 'emergency_incident', 'other'] as const;
export type RestrictionGround = (typeof RESTRICTION_GROUNDS)[number];
export type SuspensionGround = (typeof SUSPENSION_GROUNDS)[number];

// 环境保护法 第六十三条 (一)–(四): the only situations in which a case goes to the police for detention.
export const DETENTION_SITUATIONS = ['no_eia_refusing_stop', 'no_permit_refusing_stop', 'evading_supervision', 'banned_pesticide_refusing_correction'] as const;
export type DetentionSituation = (typeof DETENTION_SITUATIONS)[number];
const ITEMS = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）'];

/** The legal basis recorded with a measure: the law's article, the rule's article, and the item that applies. */
export function legalBasisOf(kind: MeasureKind, ground: string | null): Citation[] {
  const item = (list: readonly string[]) => (ground && list.includes(ground) ? ITEMS[list.indexOf(ground)] : undefined);
  switch (kind) {
    case 'daily_penalty':
      return [CITE.dailyPenalty, { ...CITE.dailyGrounds, item: item(DAILY_PENALTY_GROUNDS) }, CITE.dailyCounting, CITE.dailyAmount];
    case 'seizure':
      return [CITE.seizure, { ...CITE.seizureGrounds, item: item(SEIZURE_GROUNDS) }, CITE.seizurePeriod];
    case 'production_restriction': {
      const restriction = ground !== null && (RESTRICTION_GROUNDS as readonly string[]).includes(ground);
      return [CITE.productionRestriction, restriction ? CITE.restrictionGrounds : { ...CITE.suspensionGrounds, item: item(SUSPENSION_GROUNDS) }];
    }
    case 'detention_transfer':
      return [{ ...CITE.detention, item: item(DETENTION_SITUATIONS) }, CITE.detentionAfterPenalty];
    case 'crime_transfer':
      return [CITE.transferCrime, CITE.crimeTransferApproval];
  }
}
