import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyIndustryRisk, computeRiskScore, type RiskFacts } from './risk.js';
import { RISK_WEIGHTS_V1 } from '../data.js';
import { checkPositiveListAdmission } from './positive-list.js';
import { computeKeyListReasons } from './key-list.js';
import { drawInspections, MIN_TEAM_SIZE, type DrawPool } from './draw.js';

const quiet: RiskFacts = {
  complaints12m: 0, substantiatedComplaints12m: 0, exceedanceEvents12m: 0, electricityEvents12m: 0, dataQualityEvents12m: 0,
  overdueRectifications: 0, penalties24m: 0, exemptions24m: 0, creditRating: 'blue', keyUnit: false, industryRisk: 'low',
};

describe('explainable risk score', () => {
  it('is the sum of each factor\'s contribution, capped per factor, and names the weights version', () => {
    const s = computeRiskScore({ ...quiet, exceedanceEvents12m: 10, creditRating: 'red', keyUnit: true, industryRisk: 'high' }, RISK_WEIGHTS_V1, 1);
    expect(s.weightsVersion).toBe(1);
    const by = Object.fromEntries(s.contributions.map((c) => [c.factor, c.points]));
    expect(by).toMatchObject({ exceedanceEvents12m: 20, creditRating: 15, keyUnit: 8, industryRisk: 10 });
    expect(s.score).toBe(53);
    expect(s.contributions.reduce((a, c) => a + c.points, 0)).toBe(53);
  });

  it('says when the score is floored at 0: good credit and nothing against it sums to −5, shown as 0 (floor)', () => {
    const s = computeRiskScore({ ...quiet, creditRating: 'green' }, RISK_WEIGHTS_V1, 1);
    expect(s).toMatchObject({ score: 0, sum: -5, clamped: 'floor' });
    expect(s.contributions.reduce((a, c) => a + c.points, 0)).toBe(-5);
  });

  it('says when the score is capped at 100 (ceiling), and is unclamped otherwise', () => {
    const all = { complaints12m: 9, substantiatedComplaints12m: 9, exceedanceEvents12m: 9, electricityEvents12m: 9, dataQualityEvents12m: 9, overdueRectifications: 9, penalties24m: 9, exemptions24m: 9 };
    expect(computeRiskScore({ ...quiet, ...all, creditRating: 'black', keyUnit: true, industryRisk: 'high' }, RISK_WEIGHTS_V1, 1)).toMatchObject({ score: 100, sum: 143, clamped: 'ceiling' });
    expect(computeRiskScore({ ...quiet, creditRating: 'yellow' }, RISK_WEIGHTS_V1, 1)).toMatchObject({ score: 8, sum: 8, clamped: null });
  });

  it('a score shown with its factors adds up: score = sum of the points unless clamped, and then the bound (property)', () => {
    const counts = fc.record(Object.fromEntries(Object.keys(quiet).slice(0, 8).map((k) => [k, fc.nat(30)])) as Record<string, fc.Arbitrary<number>>);
    fc.assert(fc.property(counts, fc.constantFrom('green', 'blue', 'yellow', 'red', 'black', null), fc.boolean(), fc.constantFrom('high', 'medium', 'low'), (c, credit, keyUnit, industry) => {
      const s = computeRiskScore({ ...quiet, ...c, creditRating: credit, keyUnit, industryRisk: industry } as RiskFacts, RISK_WEIGHTS_V1, 1);
      const total = Math.round(s.contributions.reduce((a, x) => a + x.points, 0) * 10) / 10;
      expect(s.sum).toBe(total);
      expect(s.score).toBe(s.clamped === 'floor' ? 0 : s.clamped === 'ceiling' ? 100 : total);
    }));
  });

  it('stays within 0–100 and never decreases when a count grows (property)', () => {
    const counts = fc.record({
      complaints12m: fc.nat(30), substantiatedComplaints12m: fc.nat(30), exceedanceEvents12m: fc.nat(30), electricityEvents12m: fc.nat(30),
      dataQualityEvents12m: fc.nat(30), overdueRectifications: fc.nat(30), penalties24m: fc.nat(30), exemptions24m: fc.nat(30),
    });
    fc.assert(fc.property(counts, fc.constantFrom('green', 'blue', 'yellow', 'red', 'black', null), fc.constantFrom(...Object.keys(quiet).slice(0, 8)), (c, credit, factor) => {
      const f = { ...quiet, ...c, creditRating: credit } as RiskFacts;
      const a = computeRiskScore(f, RISK_WEIGHTS_V1, 1).score;
      const b = computeRiskScore({ ...f, [factor]: (f as unknown as Record<string, number>)[factor]! + 1 }, RISK_WEIGHTS_V1, 1).score;
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThanOrEqual(100);
      expect(b).toBeGreaterThanOrEqual(a);
    }));
  });

  it('classifies industry risk by the longest GB/T 4754 prefix', () => {
    expect(classifyIndustryRisk('C2614')).toBe('high');
    expect(classifyIndustryRisk('C3360')).toBe('high');
    expect(classifyIndustryRisk('C3370')).toBe('medium');
    expect(classifyIndustryRisk('Q8411')).toBe('low');
  });
});

const clean = { creditRating: 'green' as const, penalties12m: 0, substantiatedComplaints12m: 0, exceedanceEvents12m: 0, overdueRectifications: 0, onKeyList: false };

describe('正面清单 admission and 重点执法监管 reasons (the seed: complaints, exceedances, unfinished rectification, bad credit)', () => {
  it('admits only when every criterion holds, naming the unmet ones', () => {
    expect(checkPositiveListAdmission(clean).eligible).toBe(true);
    const c = checkPositiveListAdmission({ ...clean, creditRating: 'yellow', exceedanceEvents12m: 1 });
    expect(c.eligible).toBe(false);
    expect(c.criteria.filter((x) => !x.met).map((x) => x.criterion)).toEqual(['creditGood', 'noExceedance12m']);
  });

  it('lists each reason for key supervision', () => {
    expect(computeKeyListReasons({ substantiatedComplaints12m: 0, exceedanceEvents12m: 0, electricityEvents12m: 0, overdueRectifications: 0, creditRating: 'blue' })).toEqual([]);
    expect(computeKeyListReasons({ substantiatedComplaints12m: 2, exceedanceEvents12m: 1, electricityEvents12m: 0, overdueRectifications: 1, creditRating: 'black' }).map((r) => r.code))
      .toEqual(['complaint', 'exceedance', 'rectification_overdue', 'bad_credit']);
  });

  it('admission rule noSubstantiatedComplaint12m: only substantiated (属实) complaints count, for the key list as for the positive list', () => {
    // Facts of an enterprise with two complaints, both closed as unsubstantiated: neither list is affected.
    const facts = { ...quiet, complaints12m: 2, substantiatedComplaints12m: 0, creditRating: 'green' as const };
    expect(computeKeyListReasons(facts)).toEqual([]);
    expect(checkPositiveListAdmission({ ...clean, substantiatedComplaints12m: facts.substantiatedComplaints12m }).eligible).toBe(true);
    // One substantiated complaint: a key-list reason and an unmet admission criterion.
    expect(computeKeyListReasons({ ...facts, substantiatedComplaints12m: 1 })).toEqual([{ code: 'complaint', detail: '1' }]);
    expect(checkPositiveListAdmission({ ...clean, substantiatedComplaints12m: 1 }).criteria.find((c) => !c.met)?.criterion).toBe('noSubstantiatedComplaint12m');
  });
});

const poolArb = fc.record({
  candidates: fc.uniqueArray(fc.record({
    enterpriseId: fc.integer({ min: 1, max: 500 }), districtId: fc.integer({ min: 1, max: 4 }), riskScore: fc.integer({ min: 0, max: 100 }),
    onPositiveList: fc.boolean(), cause: fc.option(fc.constant('信访投诉 #1'), { nil: null }),
  }), { selector: (c) => c.enterpriseId, minLength: 1, maxLength: 60 }),
  officers: fc.uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 50 }), districtId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), recentEnterpriseIds: fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 5 }) }), { selector: (o) => o.id, maxLength: 12 }),
  count: fc.integer({ min: 1, max: 30 }),
  teamSize: fc.constantFrom(2, 3),
}) as fc.Arbitrary<DrawPool>;

describe('双随机 draws (国办发〔2015〕58号; 行政处罚法 第四十二条: at least two officers)', () => {
  it('is reproducible from its seed, and a different seed gives another draw', () => {
    const pool: DrawPool = {
      count: 5, teamSize: 2,
      candidates: Array.from({ length: 40 }, (_, i) => ({ enterpriseId: i + 1, districtId: 1 + (i % 3), riskScore: i * 2, onPositiveList: false, cause: null })),
      officers: Array.from({ length: 8 }, (_, i) => ({ id: 100 + i, districtId: i < 4 ? null : 1 + (i % 3), recentEnterpriseIds: [] })),
    };
    expect(drawInspections(pool, 'seed-1')).toEqual(drawInspections(pool, 'seed-1'));
    expect(drawInspections(pool, 'seed-1').items.map((i) => i.enterpriseId)).not.toEqual(drawInspections(pool, 'seed-2').items.map((i) => i.enterpriseId));
  });

  it('never draws a positive-list enterprise without a recorded cause; teams have ≥ 2 officers without conflicts (property)', () => {
    fc.assert(fc.property(poolArb, fc.string(), (pool, seed) => {
      const r = drawInspections(pool, seed);
      const byId = new Map(pool.candidates.map((c) => [c.enterpriseId, c]));
      const officers = new Map(pool.officers.map((o) => [o.id, o]));
      expect(r.items.length).toBeLessThanOrEqual(pool.count);
      for (const item of r.items) {
        const c = byId.get(item.enterpriseId)!;
        if (c.onPositiveList) expect(item.cause).toBeTruthy();
        expect(item.officerIds.length).toBeGreaterThanOrEqual(MIN_TEAM_SIZE);
        for (const id of item.officerIds) {
          const o = officers.get(id)!;
          expect(o.districtId).not.toBe(c.districtId);
          expect(o.recentEnterpriseIds).not.toContain(c.enterpriseId);
        }
      }
      for (const c of pool.candidates) if (c.onPositiveList && !c.cause) expect(r.excluded).toContainEqual({ enterpriseId: c.enterpriseId, reason: 'positive_list_no_cause' });
    }), { numRuns: 300 });
  });

  it('draws high-risk enterprises more often (risk-weighted frequency)', () => {
    const pool: DrawPool = {
      count: 1, teamSize: 2,
      candidates: [{ enterpriseId: 1, districtId: 1, riskScore: 0, onPositiveList: false, cause: null }, { enterpriseId: 2, districtId: 1, riskScore: 100, onPositiveList: false, cause: null }],
      officers: [{ id: 1, districtId: null, recentEnterpriseIds: [] }, { id: 2, districtId: null, recentEnterpriseIds: [] }],
    };
    let high = 0;
    for (let i = 0; i < 2000; i++) if (drawInspections(pool, `s${i}`).items[0]!.enterpriseId === 2) high++;
    // weights 1 and 11: expected share 11/12 ≈ 0.917
    expect(high / 2000).toBeGreaterThan(0.88);
    expect(high / 2000).toBeLessThan(0.95);
  });
});
