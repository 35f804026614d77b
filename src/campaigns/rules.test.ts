import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CN_HOLIDAY_ARRANGEMENTS } from '../law/data/cn-holidays.js';
import { workingCalendarFromArrangements } from '../law/holiday-arrangement.js';
import { addDays } from '../law/civil-date.js';
import { isWorkingDay } from '../law/working-days.js';
import {
  checkCampaign, checkCompletion, classifyOperation, checkEscalation, checkInspection, checkLead, checkVerification, computeFigures, computeRectificationDeadline,
  isOverdue, type ItemFacts,
} from './rules.js';

const cal = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS);
const open: ItemFacts = { status: 'open', deadlineOn: '2026-12-18', escalated: false, leadId: null, ownerKind: 'enterprise', targetKind: 'enterprise' };
const checklist = [{ code: 'A1', text: '废气收集设施运行' }, { code: 'A2', text: '台账记录' }];

describe('rectification deadline in working days on the holiday calendar', () => {
  it('ten working days after an ordinary Friday: two weeks later', () => {
    expect(computeRectificationDeadline(cal, '2026-12-04', 10)).toEqual({ deadlineOn: '2026-12-18', provisional: false });
  });
  it('skips the National Day holiday and counts the adjusted working Saturday (2025)', () => {
    // 2025-10-01…08 rest; 2025-10-11 (Saturday) worked.
    expect(computeRectificationDeadline(cal, '2025-09-30', 10)).toEqual({ deadlineOn: '2025-10-21', provisional: false });
  });
  it('a deadline in a year without a recorded arrangement is provisional (暂定)', () => {
    expect(computeRectificationDeadline(cal, '2027-03-01', 10).provisional).toBe(true);
  });
  it('property: the deadline is a working day after the inspection, never a holiday', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 6 * 365 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
      const from = addDays('2020-01-01', offset);
      const { deadlineOn } = computeRectificationDeadline(cal, from, n);
      return deadlineOn > from && isWorkingDay(cal, deadlineOn).value;
    }));
  });
});

describe('overdue', () => {
  it('the deadline day itself is still in time; the day after is overdue', () => {
    expect(isOverdue(open, '2026-12-18')).toBe(false);
    expect(isOverdue(open, '2026-12-19')).toBe(true);
  });
  it('a reported completion is never overdue', () => {
    expect(isOverdue({ ...open, status: 'completed' }, '2027-01-31')).toBe(false);
  });
});

describe('escalation (督办) only when overdue and not completed', () => {
  it('allows an overdue open item', () => expect(checkEscalation(open, '2026-12-21')).toEqual({ ok: true }));
  it('refuses before the deadline has passed', () => expect(checkEscalation(open, '2026-12-18')).toMatchObject({ ok: false, code: 'CAMPAIGN_ITEM_NOT_OVERDUE' }));
  it.each(['completed', 'verified'] as const)('refuses a %s item', (status) =>
    expect(checkEscalation({ ...open, status }, '2026-12-21')).toMatchObject({ ok: false, code: 'CAMPAIGN_ITEM_ALREADY_COMPLETED' }));
  it('refuses a second order', () => expect(checkEscalation({ ...open, escalated: true }, '2026-12-21')).toMatchObject({ ok: false, code: 'CAMPAIGN_ITEM_ALREADY_ESCALATED' }));
});

describe('verification (销号) only after completion is reported', () => {
  it('refuses an open item', () => expect(checkVerification(open)).toMatchObject({ ok: false, code: 'CAMPAIGN_ITEM_NOT_COMPLETED' }));
  it('allows a completed item', () => expect(checkVerification({ ...open, status: 'completed' })).toEqual({ ok: true }));
  it('refuses a second verification', () => expect(checkVerification({ ...open, status: 'verified' })).toMatchObject({ ok: false, code: 'CAMPAIGN_ITEM_ALREADY_VERIFIED' }));
  it('completion is reported once', () => {
    expect(checkCompletion(open)).toEqual({ ok: true });
    expect(checkCompletion({ ...open, status: 'completed' })).toMatchObject({ ok: false, code: 'CAMPAIGN_ITEM_ALREADY_COMPLETED' });
  });
});

describe('转为线索 needs a registry enterprise, once', () => {
  it('allows an enterprise item without a lead', () => expect(checkLead(open)).toEqual({ ok: true }));
  it('refuses a free site', () => expect(checkLead({ ...open, targetKind: 'site' })).toMatchObject({ ok: false, code: 'CAMPAIGN_LEAD_NEEDS_ENTERPRISE' }));
  it('refuses a second lead', () => expect(checkLead({ ...open, leadId: 7 })).toMatchObject({ ok: false, code: 'CAMPAIGN_ITEM_HAS_LEAD' }));
});

describe('a campaign and its inspections', () => {
  const campaign = { startsOn: '2026-11-01', endsOn: '2026-12-31', checklist, targets: [{ kind: 'enterprise' as const, enterpriseId: 1 }, { kind: 'site' as const, siteName: '夹河入海口', longitude: 121.3, latitude: 37.5 }] };
  it('accepts a consistent campaign', () => expect(checkCampaign(campaign)).toEqual({ ok: true }));
  it('refuses a period ending before it starts', () => expect(checkCampaign({ ...campaign, endsOn: '2026-10-31' })).toMatchObject({ code: 'CAMPAIGN_PERIOD_INVALID', field: 'endsOn' }));
  it('refuses duplicate checklist codes', () => expect(checkCampaign({ ...campaign, checklist: [...checklist, { code: 'A1', text: 'x' }] })).toMatchObject({ code: 'CAMPAIGN_CHECKLIST_CODE_DUPLICATE', field: 'checklist.2.code' }));
  it('refuses a target listed twice', () => expect(checkCampaign({ ...campaign, targets: [...campaign.targets, { kind: 'enterprise', enterpriseId: 1 }] })).toMatchObject({ code: 'CAMPAIGN_TARGET_DUPLICATE', field: 'targets.2' }));
  it('refuses a registry section or river listed twice; a section and a river of the same id or name are different targets', () => {
    const water = [{ kind: 'water_site' as const, waterSiteId: 7 }, { kind: 'river' as const, riverName: '夹河' }];
    expect(checkCampaign({ ...campaign, targets: [...water, { kind: 'water_site', waterSiteId: 7 }] })).toMatchObject({ code: 'CAMPAIGN_TARGET_DUPLICATE', field: 'targets.2' });
    expect(checkCampaign({ ...campaign, targets: [...water, { kind: 'river', riverName: '夹河' }] })).toMatchObject({ code: 'CAMPAIGN_TARGET_DUPLICATE', field: 'targets.2' });
    expect(checkCampaign({ ...campaign, targets: [...water, { kind: 'site', siteName: '夹河', longitude: 121.3, latitude: 37.5 }] })).toEqual({ ok: true });
  });
  it('refuses swapped coordinates (outside China)', () =>
    expect(checkCampaign({ ...campaign, targets: [{ kind: 'site', siteName: 'x', longitude: 37.5, latitude: 121.3 }] })).toMatchObject({ code: 'CAMPAIGN_SITE_OUTSIDE_CHINA', field: 'targets.0.longitude' }));

  const inspection = { inspectedOn: '2026-12-03', todayOn: '2026-12-04', campaignStartsOn: '2026-11-01', checklist, results: [{ code: 'A1', result: 'ok' as const }, { code: 'A2', result: 'problem' as const, note: '无台账' }] };
  it('accepts an inspection answering every item', () => expect(checkInspection(inspection)).toEqual({ ok: true }));
  it('refuses a date in the future', () => expect(checkInspection({ ...inspection, inspectedOn: '2026-12-05' })).toMatchObject({ code: 'CAMPAIGN_INSPECTION_IN_FUTURE', field: 'inspectedOn' }));
  it('refuses a date before the campaign starts', () => expect(checkInspection({ ...inspection, inspectedOn: '2026-10-31' })).toMatchObject({ code: 'CAMPAIGN_INSPECTION_BEFORE_START', field: 'inspectedOn' }));
  it('refuses an unanswered item, an unknown one, and a problem without a note', () => {
    expect(checkInspection({ ...inspection, results: inspection.results.slice(0, 1) })).toMatchObject({ code: 'CAMPAIGN_RESULT_MISSING', field: 'results' });
    expect(checkInspection({ ...inspection, results: [...inspection.results, { code: 'Z9', result: 'ok' }] })).toMatchObject({ code: 'CAMPAIGN_RESULT_ITEM_UNKNOWN', field: 'results.2.code' });
    expect(checkInspection({ ...inspection, results: [inspection.results[0]!, { code: 'A2', result: 'problem', note: ' ' }] })).toMatchObject({ code: 'CAMPAIGN_PROBLEM_NOTE_REQUIRED', field: 'results.1.note' });
  });
});

describe('figures from records', () => {
  it('counts distinct inspected targets, problems, orders, fixed and verified', () => {
    expect(computeFigures({
      targetIds: [1, 2, 3], inspectedTargetIds: [1, 1, 2],
      items: [{ status: 'open', escalated: true }, { status: 'completed', escalated: false }, { status: 'verified', escalated: true }],
      crossDistrictInspections: 1,
    })).toEqual({ targets: 3, inspected: 2, problems: 3, orders: 2, fixed: 2, verified: 1, cleared: 2, surveyedKm: 0, jointOperations: 1 });
  });

  it('cleared: inspected targets whose every problem is verified; surveyed km: of the river targets inspected', () => {
    expect(computeFigures({
      targetIds: [1, 2, 3, 4], inspectedTargetIds: [1, 2, 3],
      items: [{ status: 'verified', escalated: false, targetId: 1 }, { status: 'completed', escalated: false, targetId: 2 }, { status: 'verified', escalated: false, targetId: 2 }],
      targetKm: [{ id: 1, km: 92.55 }, { id: 2, km: 61.2 }, { id: 3, km: null }, { id: 4, km: 500 }],
    })).toMatchObject({ inspected: 3, cleared: 2, surveyedKm: 153.8 });
  });
});

describe('联合执法: joint and cross-district operations', () => {
  it('officers of one district: neither joint nor cross-district', () => expect(classifyOperation([3, 3])).toEqual({ units: [3], joint: false, crossDistrict: false }));
  it('the city bureau with one district: joint, not cross-district', () => expect(classifyOperation([null, 3])).toMatchObject({ joint: true, crossDistrict: false }));
  it('two districts: cross-district (跨区联合), whoever else joins', () => {
    expect(classifyOperation([5, 3])).toEqual({ units: [3, 5], joint: true, crossDistrict: true });
    expect(classifyOperation([null, 5, 3, 5])).toMatchObject({ units: [null, 3, 5], crossDistrict: true });
  });
  it('the city bureau alone: neither', () => expect(classifyOperation([null, null])).toMatchObject({ joint: false, crossDistrict: false }));
});
