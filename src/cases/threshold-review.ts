// After the bureau changes its hearing threshold (较大数额罚款, 行政处罚法 第六十三条; 环境行政处罚听证程序规定
// 第五条): the open cases whose proposed fine lies between the old and the new figure, for the reviewers.
import { and, asc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { enterprises } from '../enterprises/index.js';
import { cases } from './tables.js';
import { crossesHearingThreshold, qualifiesForHearing, type FineThresholds } from './rules/major-case.js';
import { DEFAULT_THRESHOLDS } from './rules/major-case.js';

export interface ThresholdReviewItem {
  id: number; number: string; stage: string; enterpriseName: string; partyKind: 'organisation' | 'individual';
  proposedFineFen: number; notified: boolean;
  /** Whether the last notice offered a hearing, and whether the proposal carries one under the new figure. */
  hearingOffered: boolean | null; hearingUnderNew: boolean;
}

/**
 * Open (undecided) cases whose proposed fine sits on different sides of `before` and `after`. Pass a
 * principal to keep to its district; null lists every district (for the settings action).
 */
export async function casesBetweenHearingThresholds(db: DbOrTx, principal: Principal | null, before: FineThresholds, after: FineThresholds): Promise<ThresholdReviewItem[]> {
  const scope: SQL | undefined = principal && principal.districtId !== null ? eq(cases.districtId, principal.districtId) : undefined;
  // Only fines between the two figures can cross (crossesHearingThreshold decides): the rest are not read.
  const fineFen = sql`(${cases.proposal}->>'fineFen')::bigint`;
  const between = (party: 'organisation' | 'individual', a: number, b: number) =>
    and(eq(cases.partyKind, party), sql`${fineFen} >= ${Math.min(a, b)}`, sql`${fineFen} < ${Math.max(a, b)}`);
  const mayCross = and(sql`${cases.proposal}->'penaltyKinds' ? 'fine'`, or(
    between('organisation', before.organisationFen, after.organisationFen), between('individual', before.individualFen, after.individualFen)));
  const rows = await db.select({
    id: cases.id, number: cases.number, stage: cases.stage, enterpriseName: enterprises.name, partyKind: cases.partyKind,
    proposal: cases.proposal, notification: cases.notification,
  }).from(cases).innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .where(and(scope, isNull(cases.decisionKind), isNull(cases.archivedAt), isNull(cases.closedAt), isNotNull(cases.proposal), mayCross))
    .orderBy(asc(cases.id));
  const t = { ...DEFAULT_THRESHOLDS, hearing: after };
  return rows.flatMap((r) => {
    const p = { partyKind: r.partyKind, penaltyKinds: r.proposal!.penaltyKinds, fineFen: r.proposal!.fineFen };
    if (!crossesHearingThreshold(p, before, after)) return [];
    return [{
      id: r.id, number: r.number, stage: r.stage, enterpriseName: r.enterpriseName, partyKind: r.partyKind, proposedFineFen: p.fineFen,
      notified: r.notification !== null, hearingOffered: r.notification?.hearingOffered ?? null, hearingUnderNew: qualifiesForHearing(p, t),
    }];
  });
}
