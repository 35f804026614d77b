// Issue 18: at a million cases every read that names one enterprise, and the first filing date, was a scan of all
// cases (150–200 ms each on PostgreSQL), and a case's payments a scan of every payment. Each must be answered from an
// index led by the column it names: with sequential scans disabled the planner still falls back to a scan, or to a
// full scan of some other index with the column as a filter, when no such index exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/index.js';
import { createTestDatabase, leadingColumnsScanned } from '../../test/helpers/db.js';

let database: Database;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database.close(); });

const scanned = (table: string, statement: string) => leadingColumnsScanned(database, table, statement);

describe('cases: reads by enterprise and the first filing date use an index (issue 18, a million cases)', () => {
  it('an enterprise\'s case list in deadline order (listCases with enterpriseId)', async () => {
    expect(await scanned('cases', 'select id from cases where enterprise_id = 7 order by decision_due_on, id limit 21')).toContain('enterprise_id');
  });
  it('the first-violation history of an enterprise (exemptions loadHistory) and its 违法次数 (discretion listPartyCases)', async () => {
    expect(await scanned('cases', `select id from cases where enterprise_id = 7 and id <> 1
      and decision_kind in ('penalty', 'exemption') and decided_on is not null order by act_on`)).toContain('enterprise_id');
    expect(await scanned('cases', 'select id from cases where enterprise_id = 7 order by id')).toContain('enterprise_id');
  });
  it('the records\' first filing date (min(filed_on), from the end of the index)', async () => {
    expect(await scanned('cases', 'select min(filed_on) from cases')).toContain('filed_on');
  });
});

describe('leads: an enterprise\'s leads since a date use an index (issue 18, a million leads)', () => {
  it('its leads found since the record\'s start (compliance loadComplianceRecords)', async () => {
    expect(await scanned('leads', `select discovered_on from leads where enterprise_id = 7 and discovered_on >= '2024-01-01'`)).toContain('enterprise_id');
  });
});

describe('the lead list\'s page walks an index in filing-deadline order (issue 18: 2.6–3.5 s a page at a million leads)', () => {
  const page = (where: string) => `select id from leads ${where} order by filing_due_on, id limit 21 offset 40`;
  it('a district user\'s list, with or without a status (and the district\'s open-lead count)', async () => {
    expect(await scanned('leads', page(`where district_id = 3 and status = 'open'`))).toContain('district_id');
    expect(await scanned('leads', `select count(*) from leads where district_id = 3 and status = 'open'`)).toContain('district_id');
  });
  it('city-wide by status, and unfiltered', async () => {
    expect(await scanned('leads', page(`where status = 'open'`))).toContain('status');
    expect(await scanned('leads', page(''))).toContain('filing_due_on');
  });
});

describe('a case\'s payments and committee discussions are read by index (issue 18: 40–130 ms a case at 400 000 payments)', () => {
  it('its payments in order (case page, documents, the court-window board\'s sums)', async () => {
    expect(await scanned('payments', 'select paid_on, amount_fen from payments where case_id = 7 order by paid_on, id')).toContain('case_id');
  });
  it('its committee discussions (the unique key leads with the meeting)', async () => {
    expect(await scanned('committee_discussions', 'select id from committee_discussions where case_id = 7')).toContain('case_id');
  });
});

describe('an officer\'s own cases are read by index (issue 18: the field app\'s task list and the officer filter)', () => {
  it('the cases assigned to one officer (field findTasks, listCases with officerId)', async () => {
    expect(await scanned('case_officers', 'select case_id from case_officers where user_id = 7')).toContain('user_id');
  });
});
