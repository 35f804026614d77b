import { describe, expect, it } from 'vitest';
import { checkSettings, DEFAULT_SETTINGS, diffSettings, LEGACY_HEARING_THRESHOLDS, previousHearingThresholds, remainingDemoValues, withDefaults } from './rules.js';

const s = (over: (x: typeof DEFAULT_SETTINGS) => void) => { const x = structuredClone(DEFAULT_SETTINGS); over(x); return x; };

describe('环境行政处罚听证程序规定 第五条: the hearing thresholds are settings within the statutory figures', () => {
  it('defaults to 50 000 yuan for an organisation and 5 000 yuan for a citizen, in fen', () => {
    expect(DEFAULT_SETTINGS.hearingThresholds).toEqual({ organisationFen: 5_000_000, individualFen: 500_000 });
    expect(checkSettings(DEFAULT_SETTINGS)).toEqual({ ok: true });
  });
  it('a province may set lower figures, not higher ones', () => {
    expect(checkSettings(s((x) => { x.hearingThresholds.organisationFen = 3_000_000; }))).toEqual({ ok: true });
    expect(checkSettings(s((x) => { x.hearingThresholds.organisationFen = 5_000_001; }))).toMatchObject({
      ok: false, code: 'HEARING_THRESHOLD_ABOVE_STATUTE', field: 'hearingThresholds.organisationFen', citation: { article: '第五条' } });
    expect(checkSettings(s((x) => { x.hearingThresholds.individualFen = 600_000; }))).toMatchObject({ field: 'hearingThresholds.individualFen' });
  });
});

describe('bureau settings: cross-field checks and the audited difference', () => {
  it('each document series keeps its own prefix', () => {
    expect(checkSettings(s((x) => { x.documentPrefixes['no-penalty-decision'] = '烟环罚'; }))).toMatchObject({ code: 'SETTINGS_PREFIX_DUPLICATE', field: 'documentPrefixes.no-penalty-decision' });
  });
  it('no threshold above the fine ceiling', () => {
    expect(checkSettings(s((x) => { x.fineCeilingFen = 1_000_000; }))).toMatchObject({ code: 'SETTINGS_THRESHOLD_ABOVE_CEILING', field: 'hearingThresholds.organisationFen' });
  });
  it('lists each changed leaf old → new; a replaced demo value is the bureau\'s own', () => {
    const after = s((x) => { x.bureau.address = '山东省烟台市莱山区'; x.documentPrefixes['penalty-decision'] = '烟环罚字'; });
    const changes = diffSettings(DEFAULT_SETTINGS, after);
    expect(changes).toEqual([
      { field: 'bureau.address', from: '山东省烟台市', to: '山东省烟台市莱山区' },
      { field: 'documentPrefixes.penalty-decision', from: '烟环罚', to: '烟环罚字' },
    ]);
    expect(remainingDemoValues(DEFAULT_SETTINGS, changes)).not.toContain('bureau.address');
    expect(remainingDemoValues(DEFAULT_SETTINGS, changes)).toContain('payment.accountNumber');
    expect(diffSettings(DEFAULT_SETTINGS, structuredClone(DEFAULT_SETTINGS))).toEqual([]);
  });
  it('fills fields an older row lacks from the defaults', () => {
    expect(withDefaults({ sealText: '某局' }).hearingThresholds).toEqual(DEFAULT_SETTINGS.hearingThresholds);
    expect(withDefaults({ sealText: '某局' }).sealText).toBe('某局');
  });
});

describe('环境行政处罚听证程序规定 第五条: the figures before a change, for the reviewers of open cases', () => {
  const current = { organisationFen: 3_000_000, individualFen: 500_000 };
  const at = new Date('2026-12-01T02:00:00Z');
  it('reads the latest change that touched a threshold; an untouched figure is the current one', () => {
    const history = [
      { at: new Date('2026-12-02T02:00:00Z'), action: 'settings.update', before: { 'bureau.address': '旧地址' } },
      { at, action: 'settings.update', before: { 'hearingThresholds.organisationFen': 5_000_000 } },
      { at: new Date('2026-11-01T02:00:00Z'), action: 'settings.update', before: { 'hearingThresholds.organisationFen': 4_000_000, 'hearingThresholds.individualFen': 100_000 } },
    ];
    expect(previousHearingThresholds(current, history)).toEqual({ thresholds: { organisationFen: 5_000_000, individualFen: 500_000 }, source: 'settings-change', changedAt: at });
  });
  it('without any change: the figures of an installation before they were a setting', () => {
    expect(previousHearingThresholds(current, [{ at, action: 'settings.seed', before: null }])).toEqual({ thresholds: LEGACY_HEARING_THRESHOLDS, source: 'upgrade', changedAt: null });
    expect(LEGACY_HEARING_THRESHOLDS).toEqual({ organisationFen: 10_000_000, individualFen: 1_000_000 });
  });
});
