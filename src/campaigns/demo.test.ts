import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINE } from '../../test/helpers/db.js';
import type { Database } from '../platform/db/index.js';
import { seedDemo } from '../demo/seed.js';
import { verifyAuditChain } from '../platform/audit/log.js';
import { findPrincipalByUsername } from '../users/index.js';
import { campaignFigures, campaignList } from './actions.js';
import { annualTaskList, dispatchView } from './annual-actions.js';
import { examList, examResults, popularisationYear, studySessions } from '../training/actions.js';
import { chinaDateOf } from '../law/civil-date.js';

describe(`demo bureau: campaigns, annual tasks and training from records (${ENGINE})`, () => {
  let database: Database;
  const now = new Date();
  let seconds = 0;
  beforeAll(async () => {
    database = await createTestDatabase();
    const started = Date.now();
    await seedDemo(database.db, 'demo-password-123', now, (step, done) => { if (step === 'campaigns and training' && done === 0) seconds = Date.now(); });
    seconds = (Date.now() - seconds) / 1000;
    console.log(`demo seed ${((Date.now() - started) / 1000).toFixed(1)} s, campaigns and training ${seconds.toFixed(1)} s`);
  }, 300_000);
  afterAll(async () => database?.close());

  it('a dust campaign with inspections, problems, an escalated 督办单 and verified items; 14 annual tasks with reports; an exam (one passes, one fails), a study session, an activity', async () => {
    const leader = (await findPrincipalByUsername(database.db, 'leader'))!;
    const list = await campaignList(database.db, leader);
    if (!list.ok) throw new Error(list.code);
    const [campaign] = list.value as { id: number; name: string }[];
    expect(campaign!.name).toContain('扬尘');
    const figures = await campaignFigures(database.db, leader, campaign!.id);
    expect(figures.ok && figures.value).toMatchObject({ targets: 4, inspected: 4, problems: 3, orders: 1, fixed: 2, verified: 2 });
    const tasks = await annualTaskList(database.db, leader, Number(chinaDateOf(now).slice(0, 4)), now);
    expect(tasks.ok && tasks.value.length).toBe(14);
    const month = chinaDateOf(now).slice(0, 7);
    if (month.slice(5) !== '01') {
      const reports = tasks.ok ? tasks.value.reduce((n, t) => n + t.reportCount, 0) : 0;
      expect(reports).toBeGreaterThan(0);
      expect(await dispatchView(database.db, leader, month, now)).toMatchObject({ ok: true });
    }
    const exams = await examList(database.db, leader, now);
    const examId = (exams as { id: number }[])[0]!.id;
    const results = await examResults(database.db, leader, examId);
    expect(results.ok && results.value.overall).toMatchObject({ enrolled: 3, sat: 2, passed: 1 });
    const year = Number(chinaDateOf(now).slice(0, 4));
    const sessions = await studySessions(database.db, leader, year);
    expect(sessions.ok && sessions.value.items.length).toBe(1);
    const pop = await popularisationYear(database.db, leader, year, now);
    expect(pop.ok && pop.value.activities.length).toBe(1);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});
