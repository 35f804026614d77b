// 正面清单 as one list: the batch actions check each enterprise as the single ones do, refuse the whole batch
// naming the index of the first that fails, and write one audit row per entry and step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { makeEnterprises } from '../monitoring/test-support.js';
import { findPrincipalByUsername } from '../users/index.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Principal } from '../platform/auth/roles.js';
import { positiveListEntries } from './tables.js';
import { proposePositiveListBatch, stepPositiveListBatch } from './actions.js';

const now = new Date('2024-07-02T10:00:00+08:00');
let ctx: TestContext;
let officer: Principal, leader: Principal;
let good: number[], red: number;

beforeAll(async () => {
  ctx = await createTestContext({ clock: () => now });
  await ctx.loginAs('enforcement_officer', { username: 'batch-officer' });
  await ctx.loginAs('bureau_leader', { username: 'batch-leader' });
  officer = (await findPrincipalByUsername(ctx.database.db, 'batch-officer'))!;
  leader = (await findPrincipalByUsername(ctx.database.db, 'batch-leader'))!;
  good = await makeEnterprises(ctx, 3, { creditRating: 'blue' });
  [red] = await makeEnterprises(ctx, 1, { creditRating: 'red' });
});
afterAll(() => ctx?.close());

const audits = async (action: string) => (await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, action))).length;

describe('正面清单 published as one list', () => {
  it('refuses the batch at the first enterprise that fails the criteria or is listed twice, writing nothing', async () => {
    expect(await proposePositiveListBatch(ctx.database.db, officer, [good[0]!, red!], now)).toMatchObject({ ok: false, code: 'POSITIVE_LIST_NOT_ELIGIBLE', field: 'enterpriseIds.1' });
    expect(await proposePositiveListBatch(ctx.database.db, officer, [good[0]!, good[0]!], now)).toMatchObject({ ok: false, code: 'POSITIVE_LIST_ALREADY', field: 'enterpriseIds.1' });
    expect(await proposePositiveListBatch(ctx.database.db, officer, [999_999], now)).toMatchObject({ ok: false, code: 'ENTERPRISE_UNKNOWN', field: 'enterpriseIds.0' });
    expect(await proposePositiveListBatch(ctx.database.db, leader, [good[0]!], now)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await ctx.database.db.select().from(positiveListEntries)).toHaveLength(0);
  });

  it('proposes, approves (a leader) and publishes; a second step or proposal is refused', async () => {
    const db = ctx.database.db;
    const proposed = await proposePositiveListBatch(db, officer, good, now);
    expect(proposed.ok).toBe(true);
    const ids = proposed.ok ? proposed.value.ids : [];
    expect(await proposePositiveListBatch(db, officer, [good[1]!], now)).toMatchObject({ ok: false, code: 'POSITIVE_LIST_ALREADY', field: 'enterpriseIds.0' });
    expect(await stepPositiveListBatch(db, officer, ids, 'approve', now)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await stepPositiveListBatch(db, officer, ids, 'publish', now)).toMatchObject({ ok: false, code: 'POSITIVE_LIST_WRONG_STATUS', field: 'entryIds.0' });
    expect(await stepPositiveListBatch(db, leader, ids, 'approve', now)).toMatchObject({ ok: true });
    expect(await stepPositiveListBatch(db, officer, ids, 'publish', now)).toMatchObject({ ok: true });
    const rows = await db.select().from(positiveListEntries).where(inArray(positiveListEntries.id, ids));
    expect(rows.map((r) => r.status)).toEqual(['published', 'published', 'published']);
    expect([await audits('positive_list.propose'), await audits('positive_list.approve'), await audits('positive_list.publish')]).toEqual([3, 3, 3]);
    expect(await stepPositiveListBatch(db, officer, ids, 'publish', now)).toMatchObject({ ok: false, code: 'POSITIVE_LIST_WRONG_STATUS' });
  });
});
