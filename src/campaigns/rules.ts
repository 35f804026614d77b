// 专项整治 and 整改督办: pure rules. No I/O; `todayOn` and the working calendar are passed in.
import { allowed, refuse, type Outcome } from '../law/outcome.js';
import { addWorkingDays, type WorkingCalendar } from '../law/working-days.js';

export type TargetKind = 'enterprise' | 'water_site' | 'river' | 'site';
/**
 * What a campaign is, as the year-end report counts it: VOCs 一厂一策, 扬尘, 燃煤锅炉淘汰, 重点河流排查, 建设用地土壤污染状况
 * 调查评审, 土壤污染重点监管单位名录, 土壤修复试点 (建设用地 / 农用地), 污染地块安全利用, 综合执法行动, other.
 */
export const CAMPAIGN_KINDS = ['vocs', 'dust', 'boiler', 'river', 'soil_survey', 'soil_key_unit', 'soil_pilot_construction', 'soil_pilot_farmland', 'soil_plot', 'joint', 'other'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export type OwnerKind = 'district' | 'enterprise';
/** open → completed (整改完成, reported) → verified (销号 by the bureau). An order (督办单) is separate. */
export type ItemStatus = 'open' | 'completed' | 'verified';
export interface ChecklistItem { code: string; text: string }
export interface ChecklistResult { code: string; text: string; result: 'ok' | 'problem'; note: string | null }

/** Default rectification period when the inspection gives none, in working days. */
export const DEFAULT_RECTIFICATION_WORKING_DAYS = 10;

// China's extent in WGS-84 (with a margin): a coordinate outside it is a typo (swapped, or missing a digit).
const CHINA = { minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 } as const;

export interface CampaignFacts {
  startsOn: string; endsOn: string;
  checklist: ChecklistItem[];
  targets: ({ kind: 'enterprise'; enterpriseId: number } | { kind: 'water_site'; waterSiteId: number } | { kind: 'river'; riverName: string }
    | { kind: 'site'; siteName: string; longitude: number; latitude: number })[];
}

/** A campaign's period runs forwards, its checklist codes are unique, targets are not repeated and lie in China. */
export function checkCampaign(c: CampaignFacts): Outcome {
  if (c.endsOn < c.startsOn) return refuse('CAMPAIGN_PERIOD_INVALID', undefined, 'endsOn');
  const codes = new Set<string>();
  for (const [i, item] of c.checklist.entries()) {
    if (codes.has(item.code)) return refuse('CAMPAIGN_CHECKLIST_CODE_DUPLICATE', undefined, `checklist.${i}.code`);
    codes.add(item.code);
  }
  const seen = new Set<string>();
  for (const [i, t] of c.targets.entries()) {
    const key = t.kind === 'enterprise' ? `e:${t.enterpriseId}` : t.kind === 'water_site' ? `w:${t.waterSiteId}` : t.kind === 'river' ? `r:${t.riverName}` : `s:${t.siteName}`;
    if (seen.has(key)) return refuse('CAMPAIGN_TARGET_DUPLICATE', undefined, `targets.${i}`);
    seen.add(key);
    if (t.kind === 'site') {
      if (t.longitude < CHINA.minLon || t.longitude > CHINA.maxLon) return refuse('CAMPAIGN_SITE_OUTSIDE_CHINA', undefined, `targets.${i}.longitude`);
      if (t.latitude < CHINA.minLat || t.latitude > CHINA.maxLat) return refuse('CAMPAIGN_SITE_OUTSIDE_CHINA', undefined, `targets.${i}.latitude`);
    }
  }
  return allowed;
}

export interface InspectionFacts {
  inspectedOn: string; todayOn: string; campaignStartsOn: string;
  checklist: ChecklistItem[];
  results: { code: string; result: 'ok' | 'problem'; note?: string | null }[];
}

/** An inspection is dated between the campaign's start and today, and answers each checklist item once (a problem with a note). */
export function checkInspection(f: InspectionFacts): Outcome {
  if (f.inspectedOn > f.todayOn) return refuse('CAMPAIGN_INSPECTION_IN_FUTURE', undefined, 'inspectedOn');
  if (f.inspectedOn < f.campaignStartsOn) return refuse('CAMPAIGN_INSPECTION_BEFORE_START', undefined, 'inspectedOn');
  const known = new Set(f.checklist.map((c) => c.code));
  const answered = new Set<string>();
  for (const [i, r] of f.results.entries()) {
    if (!known.has(r.code) || answered.has(r.code)) return refuse('CAMPAIGN_RESULT_ITEM_UNKNOWN', undefined, `results.${i}.code`);
    answered.add(r.code);
    if (r.result === 'problem' && !r.note?.trim()) return refuse('CAMPAIGN_PROBLEM_NOTE_REQUIRED', undefined, `results.${i}.note`);
  }
  if (answered.size !== known.size) return refuse('CAMPAIGN_RESULT_MISSING', undefined, 'results');
  return allowed;
}

/** The rectification deadline: the N-th working day after the inspection (the inspection day not counted). */
export function computeRectificationDeadline(cal: WorkingCalendar, inspectedOn: string, workingDays: number): { deadlineOn: string; provisional: boolean } {
  const r = addWorkingDays(cal, inspectedOn, workingDays);
  return { deadlineOn: r.value, provisional: r.provisional === true };
}

export interface ItemFacts { status: ItemStatus; deadlineOn: string; escalated: boolean; leadId: number | null; ownerKind: OwnerKind; targetKind: TargetKind }

/** Overdue: the deadline has passed (the deadline day itself still counts) and completion has not been reported. */
export function isOverdue(item: Pick<ItemFacts, 'status' | 'deadlineOn'>, todayOn: string): boolean {
  return item.status === 'open' && todayOn > item.deadlineOn;
}

/** Completion is reported once, on an open item. */
export function checkCompletion(item: ItemFacts): Outcome {
  if (item.status !== 'open') return refuse('CAMPAIGN_ITEM_ALREADY_COMPLETED');
  return allowed;
}

/** 销号 only after completion has been reported, and only once. */
export function checkVerification(item: ItemFacts): Outcome {
  if (item.status === 'open') return refuse('CAMPAIGN_ITEM_NOT_COMPLETED');
  if (item.status === 'verified') return refuse('CAMPAIGN_ITEM_ALREADY_VERIFIED');
  return allowed;
}

/** 督办: only an overdue item whose completion is not reported, once. */
export function checkEscalation(item: ItemFacts, todayOn: string): Outcome {
  if (item.status !== 'open') return refuse('CAMPAIGN_ITEM_ALREADY_COMPLETED');
  if (!isOverdue(item, todayOn)) return refuse('CAMPAIGN_ITEM_NOT_OVERDUE');
  if (item.escalated) return refuse('CAMPAIGN_ITEM_ALREADY_ESCALATED');
  return allowed;
}

/** 转为线索: a lead names an enterprise, so only items found at a registry enterprise; one lead per item. */
export function checkLead(item: ItemFacts): Outcome {
  if (item.targetKind !== 'enterprise') return refuse('CAMPAIGN_LEAD_NEEDS_ENTERPRISE');
  if (item.leadId !== null) return refuse('CAMPAIGN_ITEM_HAS_LEAD');
  return allowed;
}

/**
 * 联合执法: an inspection by officers of more than one unit (the city bureau counts as one, `null`) is joint;
 * officers of two or more districts make it 跨区联合 (cross-district).
 */
export function classifyOperation(officerDistrictIds: (number | null)[]): { units: (number | null)[]; joint: boolean; crossDistrict: boolean } {
  const units = [...new Set(officerDistrictIds)].sort((a, b) => (a ?? 0) - (b ?? 0));
  return { units, joint: units.length >= 2, crossDistrict: units.filter((u) => u !== null).length >= 2 };
}

export interface FigureFacts {
  targetIds: number[];
  inspectedTargetIds: number[];
  items: { status: ItemStatus; escalated: boolean; targetId?: number }[];
  /** Inspections recorded as cross-district (跨区联合). */
  crossDistrictInspections?: number;
  /** River targets' surveyed length in km. */
  targetKm?: { id: number; km: number | null }[];
}

/** Figures of a campaign from its records. */
export function computeFigures(f: FigureFacts) {
  const targets = new Set(f.targetIds);
  const inspected = new Set(f.inspectedTargetIds.filter((id) => targets.has(id)));
  const unresolved = new Set(f.items.filter((i) => i.status !== 'verified' && i.targetId !== undefined).map((i) => i.targetId!));
  const km = (f.targetKm ?? []).filter((t) => inspected.has(t.id)).reduce((s, t) => s + (t.km ?? 0), 0);
  return {
    targets: targets.size,
    inspected: inspected.size,
    problems: f.items.length,
    orders: f.items.filter((i) => i.escalated).length,
    fixed: f.items.filter((i) => i.status !== 'open').length,
    verified: f.items.filter((i) => i.status === 'verified').length,
    /** Targets inspected whose every problem found is verified rectified (or none was found). */
    cleared: [...inspected].filter((id) => !unresolved.has(id)).length,
    /** Length surveyed along the river targets inspected, in km (one decimal). */
    surveyedKm: Math.round(km * 10) / 10,
    jointOperations: f.crossDistrictInspections ?? 0,
  };
}
export type CampaignFigures = ReturnType<typeof computeFigures>;
