// The demo EIA applications are made through the actions: each reaches its stage, with its site in a demo unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { seedCalendar } from '../calendar/index.js';
import { seedZoningDemo } from '../zoning/index.js';
import { addUser } from '../users/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { eiaApplications } from './tables.js';
import { seedEiaDemo } from './demo.js';

describe(`demo EIA applications (${ENGINE})`, { timeout: 180_000 }, () => {
  let ctx: TestContext;
  const now = new Date('2026-12-04T10:00:00+08:00');
  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => now });
    await seedCalendar(ctx.database.db, now);
    await seedZoningDemo(ctx.database.db, now);
    const admin = await ctx.loginAs('administrator');
    for (let i = 0; i < 3; i++) {
      const r = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: enterpriseInput(ctx) });
      expect(r.statusCode).toBe(201);
    }
    for (const [username, role] of [['licensing1', 'licensing_staff'], ['leader', 'bureau_leader']] as const) {
      const r = await addUser(ctx.database.db, SYSTEM_ACTOR, { username, displayName: username, password: 'demo-password-123', role, districtId: null, departmentId: null, enterpriseId: null, credentialNo: null, holdsLegalQualification: false }, now);
      expect(r.ok).toBe(true);
    }
  }, 180_000);
  afterAll(async () => ctx?.close());

  it('one under intended-approval publicity after 容缺, one approved, one refused for a prohibited site; seeding twice adds nothing', async () => {
    await seedEiaDemo(ctx.database.db, now);
    await seedEiaDemo(ctx.database.db, now);
    const rows = await ctx.database.db.select().from(eiaApplications).orderBy(asc(eiaApplications.id));
    expect(rows.map((r) => [r.status, r.siteCheck?.verdict])).toEqual([['accepted', 'allowed'], ['approved', 'allowed'], ['refused', 'prohibited']]);
    expect(rows[0]!.tolerated[0]!.suppliedOn).not.toBeNull();
    expect(rows[0]!.approvalPublicityEndsOn! >= '2026-12-04').toBe(true);
    for (const r of rows) expect(r.siteCheck!.units.length).toBeGreaterThan(0);
    const board = await ctx.app.inject({ method: 'GET', url: '/api/public/eia/publicity' });
    expect(board.json().items.map((i: { id: number; stage: string }) => [i.id, i.stage])).toContainEqual([rows[0]!.id, 'intended-approval']);
  });
});
