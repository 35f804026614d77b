import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../test/helpers/db.js';
import type { Database } from '../platform/db/index.js';
import { seedReferenceData } from '../platform/db/reference-data.js';
import { addUser } from '../users/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { countCommitteeCasesWithoutReview } from './queries.js';

// #19 (行政处罚法 第五十八条: no decision of a major case without a passed legal review): the committee's cases of the
// year, and those without a passed review before the committee decided. The rows are written straight in SQL: the
// count, not the procedure that writes them, is under test.
describe('#19 committee cases without a passed legal review before the committee decided', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await seedReferenceData(db, new Date(), { rulesAsData: false });
    const reviewer = await addUser(db, SYSTEM_ACTOR, { username: 'r19', displayName: 'r19', password: 'correct-horse-battery', role: 'legal_reviewer', districtId: null, departmentId: null, enterpriseId: null, credentialNo: null, holdsLegalQualification: true }, new Date());
    if (!reviewer.ok) throw new Error(reviewer.code);
    await db.execute(sql`
      insert into enterprises (credit_code, name, legal_representative, district_id, industry_code, address, created_at, updated_at)
      select '91370602MA3C19' || lpad(i::text, 4, '0'), '企业' || i, '王', (select min(id) from districts), 'C2614', '烟台', now(), now() from generate_series(1, 6) i`);
    // Six cases decided by the committee on 2020-06-10 (the last on 2021-01-02: another year). Reviews: 1 passed
    // before; 2 passed after; 3 returned before; 4 none; 5 passed before (and a second, returned, after); 6 none.
    await db.execute(sql`
      insert into leads (source, enterprise_id, district_id, summary, discovered_on, filing_due_on, status, created_at)
      select 'inspection', e.id, e.district_id, '线索', '2020-05-01', '2020-05-16', 'filed', now() from enterprises e order by e.id`);
    await db.execute(sql`
      insert into cases (number, lead_id, enterprise_id, district_id, cause, act_on, stage, filed_on, filed_by_id, decision_due_on, major, committee_decided_at, created_at, updated_at)
      select 'T19-' || row_number() over (order by l.id), l.id, l.enterprise_id, l.district_id, '超标排放', '2020-05-01', 'deciding', '2020-05-02', (select min(id) from users), '2020-08-01',
             '{"majorPublicInterest":true,"complexSeveralLegalRelations":false,"requiredByOtherLaw":false}'::jsonb,
             case when row_number() over (order by l.id) = 6 then timestamptz '2021-01-02 10:00+08' else timestamptz '2020-06-10 10:00+08' end, now(), now()
      from leads l`);
    const review = (no: number, outcome: string, at: string) => db.execute(sql`
      insert into legal_reviews (case_id, reviewer_id, findings, outcome, opinion, reviewed_at)
      values ((select id from cases where number = ${`T19-${no}`}), ${reviewer.value.id}, '{}'::jsonb, ${outcome}, '意见', ${at}::timestamptz)`);
    await review(1, 'passed', '2020-06-01 10:00+08');
    await review(2, 'passed', '2020-06-11 10:00+08');
    await review(3, 'returned', '2020-06-01 10:00+08');
    await review(5, 'passed', '2020-06-01 10:00+08');
    await review(5, 'returned', '2020-06-12 10:00+08');
  });
  afterAll(async () => { await database.close(); });

  it('counts the year\'s committee cases, and those whose passed review did not come before the committee', async () => {
    expect(await countCommitteeCasesWithoutReview(database.db, 2020)).toEqual({ discussed: 5, withoutReview: 3 });
    expect(await countCommitteeCasesWithoutReview(database.db, 2021)).toEqual({ discussed: 1, withoutReview: 1 });
    expect(await countCommitteeCasesWithoutReview(database.db, 2019)).toEqual({ discussed: 0, withoutReview: 0 });
  });
});
