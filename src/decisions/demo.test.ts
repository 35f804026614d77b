// The demo 重大行政决策 are made through the actions: every gate passes and the year's figures count them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { seedCalendar } from '../calendar/index.js';
import { addUser } from '../users/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { decisionYearFigures, seedDecisionsDemo } from './index.js';

describe(`demo major decisions (${ENGINE})`, { timeout: 180_000 }, () => {
  let ctx: TestContext;
  const now = new Date('2026-12-04T10:00:00+08:00');
  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => now });
    await seedCalendar(ctx.database.db, now);
    for (const [username, role] of [['reviewer1', 'legal_reviewer'], ['leader', 'bureau_leader']] as const) {
      const r = await addUser(ctx.database.db, SYSTEM_ACTOR, { username, displayName: username, password: 'demo-password-123', role, districtId: null, departmentId: null, enterpriseId: null, credentialNo: null, holdsLegalQualification: true }, now);
      expect(r.ok).toBe(true);
    }
  }, 180_000);
  afterAll(async () => ctx?.close());

  it('seeds the 2020 catalogue with one published decision, once', async () => {
    await seedDecisionsDemo(ctx.database.db);
    await seedDecisionsDemo(ctx.database.db);
    expect(await decisionYearFigures(ctx.database.db, 2020)).toMatchObject({
      catalogueStatus: 'published', catalogueItems: 2, published: 1, comments: { received: 1, answered: 1 }, expertArgumentations: 1,
      legalityReviews: 1, collectiveDiscussions: 1, byStepReached: { listed: 2, proposed: 1, published: 1 },
    });
  });
});
