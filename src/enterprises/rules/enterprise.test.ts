import { describe, expect, it } from 'vitest';
import { findEnterpriseProblems, type EnterpriseFields } from './enterprise.js';

const valid: EnterpriseFields = {
  creditCode: '91350100M000100Y43', name: '烟台测试有限公司', legalRepresentative: '王', districtId: 1, townshipId: 10,
  industryCode: 'C2614', address: '烟台', longitude: 121.4, latitude: 37.5, keyUnitCategories: [], creditRating: null,
  outfalls: [{ code: 'DW001', name: '废水', kind: 'water' }, { code: 'DA001', name: '废气', kind: 'air' }],
};

describe('enterprise registry field rules', () => {
  it('accepts a complete, consistent record', () => {
    expect(findEnterpriseProblems(valid, 1)).toEqual([]);
  });
  it.each([
    [{ industryCode: '2614' }, 'industryCode', 'INDUSTRY_CODE_FORMAT'],
    [{ industryCode: 'C26145' }, 'industryCode', 'INDUSTRY_CODE_FORMAT'],
    [{ longitude: null }, 'longitude', 'COORDINATES_INCOMPLETE'],
    [{ longitude: 13_500_000 }, 'longitude', 'COORDINATES_OUT_OF_RANGE'],
    [{ latitude: 121.4 }, 'latitude', 'COORDINATES_OUT_OF_RANGE'],
    [{ outfalls: [{ code: 'W001', name: 'x', kind: 'water' as const }] }, 'outfalls.0.code', 'OUTFALL_CODE_FORMAT'],
    [{ outfalls: [{ code: 'DA001', name: 'x', kind: 'water' as const }] }, 'outfalls.0.kind', 'OUTFALL_KIND_MISMATCH'],
    [{ outfalls: [{ code: 'DW001', name: 'x', kind: 'water' as const }, { code: 'DW001', name: 'y', kind: 'water' as const }] }, 'outfalls.1.code', 'OUTFALL_CODE_DUPLICATE'],
    [{ creditCode: '91350100M000100Y44' }, 'creditCode', 'CREDIT_CODE_CHECK_CHARACTER'],
  ] as const)('refuses %j', (change, field, code) => {
    expect(findEnterpriseProblems({ ...valid, ...change } as EnterpriseFields, 1)).toContainEqual({ field, code });
  });
  it('refuses a township of another district and an unknown township', () => {
    expect(findEnterpriseProblems(valid, 2)).toEqual([{ field: 'townshipId', code: 'TOWNSHIP_NOT_IN_DISTRICT' }]);
    expect(findEnterpriseProblems(valid, undefined)).toEqual([{ field: 'townshipId', code: 'TOWNSHIP_UNKNOWN' }]);
  });
});
