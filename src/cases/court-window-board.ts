// The deadlines board's court-enforcement windows (行政强制法 第五十三条, 第五十四条): for every served fine not
// paid and not yet before the court, when the bureau may apply and the last day it may.
import { and, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { chinaDateOf } from '../law/civil-date.js';
import { districts } from '../organisation/index.js';
import { cases, payments } from './tables.js';
import { loadCaseRecordsOf } from './queries.js';
import { loadCaseEnv } from './env.js';
import { AEL_53, challengePending, computeCourtEnforcementWindow, type ExecutionFacts } from './rules/execution.js';
import { externalSurchargePausesOf } from './surcharge-pauses.js';

export interface CourtWindowItem {
  caseId: number; number: string; districtName: string; earliestOn: string; latestOn: string;
  /** not_yet: before the window; open: inside it; passed: after its last day. */
  state: 'not_yet' | 'open' | 'passed';
  reminderServedOn: string | null; remedyPending: boolean; citation: typeof AEL_53;
}

export async function courtEnforcementWindows(db: Db, principal: Principal, now: Date): Promise<CourtWindowItem[]> {
  const todayOn = chinaDateOf(now);
  const env = await loadCaseEnv(db);
  // What each case has paid, summed with the cases (payments_case_idx) rather than one query per case; fully paid fines drop out here.
  const paid = sql<string>`coalesce((select sum(${payments.amountFen}) from ${payments} where ${payments.caseId} = ${cases.id}), 0)`;
  const rows = await db.select({
    id: cases.id, number: cases.number, districtName: districts.name, decisionKind: cases.decisionKind, fineFen: cases.decisionFineFen,
    decidedOn: cases.decidedOn, servedOn: cases.servedOn, paymentDueOn: cases.paymentDueOn, paidFen: paid,
  }).from(cases).innerJoin(districts, eq(districts.id, cases.districtId)).where(and(
    principal.districtId === null ? undefined : eq(cases.districtId, principal.districtId),
    eq(cases.decisionKind, 'penalty'), gt(cases.decisionFineFen, 0), isNotNull(cases.servedOn), isNull(cases.closedAt), isNull(cases.courtEnforcementAppliedOn),
    sql`${paid} < ${cases.decisionFineFen}`,
  ));
  // Each case's records and external challenges in one query each, not two a case (issue 18: the board is on every workbench).
  const recordsOf = await loadCaseRecordsOf(db, rows);
  const pausesOf = await externalSurchargePausesOf(db, rows.map((c) => c.id));
  const items: CourtWindowItem[] = [];
  for (const c of rows) {
    const paidFen = Number(c.paidFen);
    const records = recordsOf.get(c.id)!;
    // Challenges in the litigation register count as the case's own (行政强制法 第五十三条).
    const facts: ExecutionFacts = {
      archived: false, decision: { kind: 'penalty', fineFen: c.fineFen!, decidedOn: c.decidedOn! }, servedOn: c.servedOn, amountDueFen: c.fineFen!, paidFen,
      paymentDueOn: c.paymentDueOn, courtEnforcementAppliedOn: null, records, externalChallenges: pausesOf.get(c.id)!,
    };
    const w = computeCourtEnforcementWindow(env.cal, facts);
    if (!w) continue;
    items.push({
      caseId: c.id, number: c.number, districtName: c.districtName, earliestOn: w.earliestOn, latestOn: w.latestOn,
      state: todayOn < w.earliestOn ? 'not_yet' : todayOn <= w.latestOn ? 'open' : 'passed',
      reminderServedOn: records.reminderServedOn, remedyPending: challengePending(facts), citation: AEL_53,
    });
  }
  return items.sort((a, b) => (a.latestOn < b.latestOn ? -1 : a.latestOn > b.latestOn ? 1 : 0));
}
