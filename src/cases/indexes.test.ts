// Issue 18: at a million cases every read that names one enterprise, and the first filing date, was a scan of all
// cases (150–200 ms each on PostgreSQL). Each must be answerable from an index: with sequential scans disabled the
// planner still falls back to a full scan (or a full index scan with a filter) when no index fits, so the test looks
// for an index condition on the column itself.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../platform/db/index.js';
import { createTestDatabase } from '../../test/helpers/db.js';

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Index Cond'?: string; 'Recheck Cond'?: string; Plans?: PlanNode[] }

let database: Database;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database.close(); });

/** The index conditions on `cases` of the statement's plan, and `index <name>` for each index it scans (sequential scans disabled). */
async function indexConditionsOnCases(statement: string): Promise<string[]> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const [row] = await queryRows<{ 'QUERY PLAN': unknown }>(tx, sql.raw(`explain (format json) ${statement}`));
    const raw = row!['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
    const found: string[] = [];
    const walk = (n: PlanNode) => {
      if (n['Relation Name'] === 'cases' || n['Index Name']?.startsWith('cases_')) {
        for (const c of [n['Index Cond'], n['Recheck Cond']]) if (c) found.push(c);
        if (n['Index Name']) found.push(`index ${n['Index Name']}`);
      }
      for (const child of n.Plans ?? []) walk(child);
    };
    walk(plan[0]!.Plan);
    return found;
  });
}

describe('cases: reads by enterprise and the first filing date use an index (issue 18, a million cases)', () => {
  it('an enterprise\'s case list in deadline order (listCases with enterpriseId)', async () => {
    const conds = await indexConditionsOnCases('select id from cases where enterprise_id = 7 order by decision_due_on, id limit 21');
    expect(conds.some((c) => c.includes('enterprise_id'))).toBe(true);
  });
  it('the first-violation history of an enterprise (exemptions loadHistory) and its 违法次数 (discretion listPartyCases)', async () => {
    const history = await indexConditionsOnCases(`select id from cases where enterprise_id = 7 and id <> 1
      and decision_kind in ('penalty', 'exemption') and decided_on is not null order by act_on`);
    expect(history.some((c) => c.includes('enterprise_id'))).toBe(true);
    const party = await indexConditionsOnCases('select id from cases where enterprise_id = 7 order by id');
    expect(party.some((c) => c.includes('enterprise_id'))).toBe(true);
  });
  it('the records\' first filing date (min(filed_on), from the end of an index led by filed_on)', async () => {
    const used = (await indexConditionsOnCases('select min(filed_on) from cases')).filter((c) => c.startsWith('index ')).map((c) => c.slice(6));
    const definitions = await queryRows<{ def: string }>(database.db, sql`select indexdef as def from pg_indexes where tablename = 'cases' and indexname = any(${sql.param(used)}::text[])`);
    expect(definitions.some((d) => /\(filed_on[,)]/.test(d.def))).toBe(true);
  });
});
