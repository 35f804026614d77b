import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, ENGINE } from '../../test/helpers/db.js';
import { queryRows, type Database } from '../platform/db/index.js';
import { seedDemo } from './seed.js';
import { verifyAuditChain } from '../platform/audit/log.js';

describe(`the demo bureau (${ENGINE})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, 'demo-password-123', new Date());
  }, 240_000);
  afterAll(async () => database.close());

  it('has cases at every kind of stage, walked through the real procedure', async () => {
    const rows = await queryRows<{ stage: string; decision_kind: string | null; n: number }>(database.db,
      sql`select stage, decision_kind, count(*)::int as n from cases group by stage, decision_kind order by stage`);
    const stages = new Set(rows.map((r) => r.stage));
    for (const s of ['investigating', 'legal_review', 'awaiting_statement', 'closed', 'archived']) expect(stages).toContain(s);
    expect(rows.some((r) => r.decision_kind === 'transfer')).toBe(true);
    expect(rows.some((r) => r.decision_kind === 'no_penalty')).toBe(true);
    const numbers = await queryRows<{ decision_number: string }>(database.db, sql`select decision_number from cases where decision_kind = 'penalty' order by decision_number`);
    expect(numbers.map((r) => r.decision_number)).toEqual(['烟环罚〔2020〕1号', '烟环罚〔2020〕2号', '烟环罚〔2020〕3号']);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});
