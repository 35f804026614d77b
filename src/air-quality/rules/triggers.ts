// Interview (约谈) and approval-restriction (限批) triggers: configurable rules over published rankings.
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';
import { computeChangePercent } from './year-on-year.js';

export const RANKING_KINDS = ['air_district_daily', 'air_township_monthly', 'water_district_period'] as const;
export type RankingKind = (typeof RANKING_KINDS)[number];

export const TRIGGER_KINDS = ['last_place_streak', 'worsening'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export const SANCTION_KINDS = ['interview', 'approval_restriction'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];
export const SANCTION_LABELS: Record<SanctionKind, string> = { interview: '约谈', approval_restriction: '区域限批' };

/**
 * 大气污染防治法 第二十二条: areas missing their air-quality improvement targets are interviewed (约谈)
 * and approvals of their new key-pollutant projects suspended (限批); 水污染防治法 第二十条 第二款 likewise
 * for water. The city applies them to its districts and townships by its own scheme (生态补偿/考核办法).
 */
export const SANCTION_CITATIONS: Record<'air' | 'water', Citation> = {
  air: { law: '中华人民共和国大气污染防治法', article: '第二十二条' },
  water: { law: '中华人民共和国水污染防治法', article: '第二十条', paragraph: '第二款' },
};

export const domainOf = (ranking: RankingKind): 'air' | 'water' => (ranking.startsWith('water') ? 'water' : 'air');

export interface TriggerRuleFields {
  name: string;
  ranking: RankingKind;
  kind: TriggerKind;
  /** last_place_streak: N consecutive periods in last place. */
  consecutive: number | null;
  /** worsening: the year-on-year change (%) above which it fires. */
  thresholdPercent: number | null;
  action: SanctionKind;
  active: boolean;
}
export interface TriggerRule extends TriggerRuleFields { id: number }

/** A rule needs the parameter its kind uses. */
export function checkTriggerRule(r: TriggerRuleFields): Outcome {
  if (r.kind === 'last_place_streak' && (r.consecutive === null || r.consecutive < 1)) return refuse('TRIGGER_CONSECUTIVE_REQUIRED', undefined, 'consecutive');
  if (r.kind === 'worsening' && (r.thresholdPercent === null || r.thresholdPercent < 0)) return refuse('TRIGGER_THRESHOLD_REQUIRED', undefined, 'thresholdPercent');
  if (r.ranking === 'water_district_period' && r.kind === 'worsening') return refuse('TRIGGER_KIND_UNSUPPORTED', undefined, 'kind');
  return allowed;
}

export interface SnapshotRow {
  unitId: number;
  unitName: string;
  rank: number | null;
  /** The ranked value (composite index…) and the same period a year earlier, when known. */
  value: number | null;
  lastYearValue: number | null;
}
export interface RankingSnapshot { period: string; rows: SnapshotRow[] }

export interface TriggerHit {
  ruleId: number;
  unitId: number;
  unitName: string;
  action: SanctionKind;
  period: string;
  reason: string;
  citation: Citation;
}

function lastPlaceIds(s: RankingSnapshot): Set<number> {
  const ranks = s.rows.filter((r) => r.rank !== null).map((r) => r.rank!);
  if (ranks.length < 2) return new Set();
  const worst = Math.max(...ranks);
  return new Set(s.rows.filter((r) => r.rank === worst).map((r) => r.unitId));
}

/**
 * Evaluates the active rules for `history` (consecutive periods, oldest first, the last one being the
 * period now published). last_place_streak: last (ties included) in each of the last N periods;
 * worsening: change against the same period last year above the threshold.
 */
export function evaluateTriggers(rules: readonly TriggerRule[], ranking: RankingKind, history: readonly RankingSnapshot[]): TriggerHit[] {
  const current = history[history.length - 1];
  if (!current) return [];
  const citation = SANCTION_CITATIONS[domainOf(ranking)];
  const hits: TriggerHit[] = [];
  for (const rule of rules) {
    if (!rule.active || rule.ranking !== ranking) continue;
    if (rule.kind === 'last_place_streak') {
      const n = rule.consecutive!;
      if (history.length < n) continue;
      const window = history.slice(-n).map(lastPlaceIds);
      for (const row of current.rows) {
        if (window.every((ids) => ids.has(row.unitId))) {
          hits.push({ ruleId: rule.id, unitId: row.unitId, unitName: row.unitName, action: rule.action, period: current.period, citation,
            reason: `${row.unitName}连续${n}期排名末位（${history.slice(-n).map((s) => s.period).join('、')}），触发“${rule.name}”` });
        }
      }
    } else {
      for (const row of current.rows) {
        if (row.value === null || row.lastYearValue === null) continue;
        const change = computeChangePercent(row.lastYearValue, row.value);
        if (change !== null && change > rule.thresholdPercent!) {
          hits.push({ ruleId: rule.id, unitId: row.unitId, unitName: row.unitName, action: rule.action, period: current.period, citation,
            reason: `${row.unitName}${current.period}同比恶化 ${change}%（阈值 ${rule.thresholdPercent}%），触发“${rule.name}”` });
        }
      }
    }
  }
  return hits;
}
