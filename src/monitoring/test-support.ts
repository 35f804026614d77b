// Test fixtures for monitoring and supervision: enterprises with outfalls, and simulated devices.
import type { TestContext } from '../../test/helpers/app.js';
import { enterpriseInput } from '../../test/helpers/app.js';
import { insertEnterprise, type EnterpriseFields } from '../enterprises/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';

export async function makeEnterprises(ctx: TestContext, n: number, overrides: Partial<EnterpriseFields> & { districtCode?: string } = {}): Promise<number[]> {
  const ids: number[] = [];
  await ctx.database.db.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      ids.push(await insertEnterprise(tx, SYSTEM_ACTOR, enterpriseInput(ctx, {
        name: `烟台测试${i}化工有限公司`,
        outfalls: [{ code: 'DW001', name: '废水总排口', kind: 'water' }, { code: 'DA001', name: '锅炉废气排口', kind: 'air' }],
        ...overrides,
      }), new Date(), null));
    }
  });
  return ids;
}
