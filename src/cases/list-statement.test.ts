// The case list runs as named prepared statements, one per filter shape and page size (queries.ts,
// listStatement). Held on random filters, pages and cursors against an oracle that filters and sorts
// every case in memory, and against the same page built and run unprepared (caseListPageQuery): same
// rows, same order, same fields, whether the statement was prepared or its shape ran past the cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createTestDatabase, ENGINE } from '../../test/helpers/db.js';
import { queryRows, type Database } from '../platform/db/index.js';
import { seedReferenceData } from '../platform/db/reference-data.js';
import type { Principal } from '../platform/auth/roles.js';
import { CASE_STAGES, type CaseStage } from './rules/procedure.js';
import { caseListPageQuery, caseListStatementCount, listCases, CASE_LIST_STATEMENTS_MAX, type CaseFilter } from './queries.js';
import { decodeCaseCursor, CASE_LIST_MAX_OFFSET } from './list-cursor.js';

const CASES = 240;
interface Row { id: number; due: string; stage: CaseStage; districtId: number; enterpriseId: number; text: string; decided: boolean; officers: number[] }

describe(`case list statements: prepared = unprepared = in-memory oracle (${ENGINE})`, () => {
  let database: Database;
  let all: Row[] = [];
  let districtIds: number[] = [];
  let userIds: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await seedReferenceData(db, new Date());
    // Rows straight in SQL: the list's filters and order are under test, not the procedure.
    await db.execute(sql`insert into enterprises (credit_code, name, legal_representative, district_id, industry_code, address, created_at, updated_at)
      select 'LIST' || lpad(i::text, 14, '0'), (array['烟台ABC化工', '芝罘100%_达标厂', 'abc 印染', '莱山\\造纸'])[1 + i % 4] || i, '王',
             (select id from districts order by id offset (i % 5) limit 1), 'C2614', '烟台', now(), now()
      from generate_series(1, 12) i`);
    await db.execute(sql`insert into users (username, display_name, password_hash, role, active, created_at)
      select 'list-officer-' || i, '执法' || i, 'x', 'enforcement_officer', true, now() from generate_series(1, 3) i`);
    userIds = (await queryRows<{ id: number }>(db, sql`select id from users order by id`)).map((u) => u.id);
    await db.execute(sql`insert into leads (source, enterprise_id, district_id, summary, discovered_on, filing_due_on, status, created_at)
      select 'inspection', e.id, e.district_id, '线索' || i, date '2021-01-01' + (i * 7 % 40), date '2021-01-16', 'filed', now()
      from generate_series(1, ${CASES}::int) i join enterprises e on e.id = (select min(id) from enterprises) + i % 12`);
    // Few distinct deadlines: many ties, broken by id.
    await db.execute(sql`insert into cases (number, lead_id, enterprise_id, district_id, cause, act_on, stage, filed_on, filed_by_id, decision_due_on, decided_on, major, created_at, updated_at)
      select '烟环立〔2021〕' || l.id || '号', l.id, l.enterprise_id, l.district_id, (array['超标排放', '未批先建', 'Noise_50%'])[1 + l.id % 3], l.discovered_on,
             (${sql.raw(`array[${CASE_STAGES.map((s) => `'${s}'`).join(',')}]`)})[1 + (l.id * 5) % ${CASE_STAGES.length}::int],
             l.discovered_on, (select min(id) from users), l.discovered_on + 90, case when l.id % 4 = 0 then l.discovered_on + 30 end,
             '{"majorPublicInterest":false,"complexSeveralLegalRelations":false,"requiredByOtherLaw":false}'::jsonb, now(), now()
      from leads l`);
    await db.execute(sql`insert into case_officers (case_id, user_id, lead) select c.id, u.id, true from cases c join users u on u.id = (select min(id) from users) + c.id % 3 where c.id % 5 <> 0`);
    await db.execute(sql`insert into case_deadlines (case_id, kind, from_on, due_on, provisional_years, current, computed_at)
      select id, 'decision', filed_on, decision_due_on, case when id % 3 = 0 then array[2021] else '{}'::int[] end, id % 6 <> 0, now() from cases where id % 2 = 0`);
    all = await queryRows<Row>(db, sql`
      select c.id, c.decision_due_on::text as due, c.stage, c.district_id as "districtId", c.enterprise_id as "enterpriseId",
             c.number || ' ' || c.cause || ' ' || e.name as text, c.decided_on is not null as decided,
             coalesce((select array_agg(o.user_id) from case_officers o where o.case_id = c.id), '{}') as officers
      from cases c join enterprises e on e.id = c.enterprise_id`);
    districtIds = [...new Set(all.map((r) => r.districtId))];
  });
  afterAll(async () => database?.close());

  /** The list by its definition: filter, sort by (deadline, id), after the cursor or from the offset. */
  function oracle(p: Principal, f: CaseFilter, page: { pageSize: number; page: number; cursor: { dueOn: string; id: number } | null }) {
    const q = f.q?.toLowerCase();
    const rows = all.filter((r) => (p.districtId === null || r.districtId === p.districtId) && (!f.stage || r.stage === f.stage)
      && (!f.districtId || r.districtId === f.districtId) && (!f.enterpriseId || r.enterpriseId === f.enterpriseId)
      && (!f.officerId || r.officers.includes(f.officerId)) && (!f.overdueOn || (r.due < f.overdueOn && !r.decided))
      && (!q || r.text.toLowerCase().includes(q)))
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id - b.id));
    const c = page.cursor;
    const from = c ? rows.filter((r) => r.due > c.dueOn || (r.due === c.dueOn && r.id > c.id)) : rows.slice(Math.min((page.page - 1) * page.pageSize, CASE_LIST_MAX_OFFSET));
    return from.slice(0, page.pageSize + 1).map((r) => r.id);
  }

  it('one statement run many times (PostgreSQL then reuses a generic plan) still gives each value\'s rows', async () => {
    const admin: Principal = { id: userIds[0]!, username: 'u', displayName: 'u', role: 'administrator', districtId: null, enterpriseId: null };
    for (let n = 0; n < 40; n++) {
      const base = all[(n * 37) % all.length]!;
      const f: CaseFilter = { stage: CASE_STAGES[n % CASE_STAGES.length], districtId: n % 3 === 0 ? undefined : base.districtId };
      for (const page of [{ pageSize: 20, page: 1, cursor: null }, { pageSize: 20, page: 1, cursor: { dueOn: base.due, id: base.id } }]) {
        const listed = await listCases(database.db, admin, f, page);
        expect(listed.items.map((r) => r.id)).toEqual(oracle(admin, f, page).slice(0, 20));
      }
    }
    // Four shapes (stage, or stage and district; first page or cursor), each run ten times and more.
    expect(caseListStatementCount(database.db)).toBe(4);
  });

  it('gives the oracle\'s rows and the unprepared query\'s fields, past the statement cap too', async () => {
    const db = database.db;
    const pick = <T,>(xs: T[]) => fc.constantFrom(...xs);
    // Each filter in about one draw of four, so most combinations still match rows.
    const sometimes = <T,>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: a, weight: 1 });
    const input = fc.record({
      scoped: fc.boolean(), district: fc.nat(10), stage: sometimes(pick([...CASE_STAGES])),
      filterDistrict: sometimes(fc.boolean()), enterprise: sometimes(fc.nat(12)), officer: sometimes(fc.nat(2)),
      overdueOn: sometimes(pick(['2021-03-01', '2021-04-15', '2022-01-01'])),
      q: sometimes(pick(['', 'abc', 'ABC', '100%', '%', '_', '\\', 'noise_5', '号', '〔2021〕1', 'zz'])),
      pageSize: fc.oneof(pick([1, 2, 10, 20, 50, 100, 200]), fc.integer({ min: 1, max: 200 })), page: fc.integer({ min: 1, max: 6 }),
      cursor: fc.option(fc.record({ row: fc.nat(CASES - 1), shiftDays: fc.integer({ min: -3, max: 3 }) }), { nil: undefined, freq: 2 }),
    });
    const enterpriseIds = [...new Set(all.map((r) => r.enterpriseId))].sort((a, b) => a - b);
    let runs = 0;
    let matched = 0;
    await fc.assert(fc.asyncProperty(input, async (i) => {
      const districtId = districtIds[i.district % districtIds.length]!;
      const p: Principal = { id: userIds[0]!, username: 'u', displayName: 'u', role: i.scoped ? 'enforcement_officer' : 'administrator', districtId: i.scoped ? districtId : null, enterpriseId: null };
      const f: CaseFilter = {
        stage: i.stage, districtId: i.filterDistrict === undefined ? undefined : districtIds[(i.district + (i.filterDistrict ? 0 : 1)) % districtIds.length],
        enterpriseId: i.enterprise === undefined ? undefined : enterpriseIds[i.enterprise % enterpriseIds.length],
        officerId: i.officer === undefined ? undefined : userIds[userIds.length - 1 - i.officer], overdueOn: i.overdueOn, q: i.q,
      };
      const base = i.cursor ? all[i.cursor.row]! : null;
      const shifted = base && new Date(Date.parse(`${base.due}T00:00:00Z`) + i.cursor!.shiftDays * 86_400_000).toISOString().slice(0, 10);
      const cursor = base ? decodeCaseCursor(Buffer.from(JSON.stringify([shifted, base.id])).toString('base64url')) : null;
      const pageNo = Math.min(i.page, Math.floor(CASE_LIST_MAX_OFFSET / i.pageSize));
      const page = { pageSize: i.pageSize, page: pageNo, cursor };
      const listed = await listCases(db, p, f, page);
      const unprepared = await caseListPageQuery(db, p, f, page);
      const expected = oracle(p, f, page);
      expect(unprepared.map((r) => r.id)).toEqual(expected);
      expect(listed.items).toEqual(unprepared.slice(0, i.pageSize));
      expect(listed.nextCursor === null).toBe(expected.length <= i.pageSize);
      runs++;
      if (expected.length > 0) matched++;
    }), { numRuns: 200, seed: 20261204 });
    // More shapes and page sizes than the cap: both the prepared and the fallback path ran.
    expect(runs).toBe(200);
    expect(matched).toBeGreaterThan(60);
    expect(caseListStatementCount(db)).toBe(CASE_LIST_STATEMENTS_MAX);
  });
});
