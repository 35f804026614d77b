// Demo permits for the demo bureau (src/demo/seed.ts): a few of the first enterprises get a 重点 or 简化
// permit with their outfalls' limits, one close to its renewal date, one expired, one a registration, and
// one application waiting for its notice. Marked as demo in the audit reason.
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import { addDays, addYears, chinaDateOf } from '../law/civil-date.js';
import { appendAudit, SYSTEM_ACTOR } from '../platform/audit/log.js';
import { enterprises, outfalls } from '../enterprises/index.js';
import { users } from '../users/index.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { permitApplications, permitLimits, permitOutfalls, permits } from './tables.js';
import { computeNoticeDueOn, computeValidTo, defaultReportKinds, type ManagementClass } from './rules.js';

const WATER = [{ pollutant: 'w01018', concentration: 80, concentrationUnit: 'mg/L' }, { pollutant: 'w21003', concentration: 12, concentrationUnit: 'mg/L' }];
const AIR = [{ pollutant: 'a21026', concentration: 80, concentrationUnit: 'mg/m³' }, { pollutant: 'a34013', concentration: 10, concentrationUnit: 'mg/m³' }];

export async function seedPermitsDemo(db: Db, now: Date): Promise<void> {
  const [{ n }] = await db.select({ n: count() }).from(permits) as [{ n: number }];
  if (n > 0) return;
  const todayOn = chinaDateOf(now);
  const list = await db.select({ id: enterprises.id, creditCode: enterprises.creditCode }).from(enterprises).orderBy(asc(enterprises.id)).limit(6);
  // [class, validFrom]: valid; due for renewal within 60 days; expired; registration; valid simplified.
  const plans: [ManagementClass, string][] = [
    ['key', addYears(todayOn, -2)],
    ['key', addDays(addYears(todayOn, -5), 45)],
    ['simplified', addDays(addYears(todayOn, -5), -20)],
    ['registration', addYears(todayOn, -1)],
    ['simplified', addYears(todayOn, -3)],
  ];
  const cal = await loadWorkingCalendar(db);
  const [firstUser] = await db.select({ id: users.id }).from(users).orderBy(asc(users.id)).limit(1);
  await db.transaction(async (tx) => {
    for (const [i, [managementClass, validFrom]] of plans.entries()) {
      const e = list[i];
      if (!e) break;
      const [p] = await tx.insert(permits).values({
        enterpriseId: e.id, managementClass, number: `${e.creditCode}001${managementClass === 'registration' ? 'W' : 'P'}`, issuedOn: validFrom, validFrom,
        validTo: managementClass === 'registration' ? null : computeValidTo(validFrom), status: 'active', reportKinds: defaultReportKinds(managementClass), createdAt: now, updatedAt: now,
      }).returning();
      if (managementClass !== 'registration') {
        for (const o of await tx.select().from(outfalls).where(eq(outfalls.enterpriseId, e.id))) {
          const [po] = await tx.insert(permitOutfalls).values({ permitId: p!.id, outfallId: o.id, code: o.code, kind: o.kind, location: '厂区（演示数据）' }).returning();
          await tx.insert(permitLimits).values((o.kind === 'water' ? WATER : AIR).map((l, j) => ({
            ...l, permitOutfallId: po!.id, period: 'hour' as const, annualTotal: j === 0 ? 25_000 : 3_000, annualTotalUnit: 'kg' as const,
          })));
        }
      }
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'permit.record', entity: 'permit', entityId: p!.id, after: p, reason: '演示数据' }, now);
    }
    const applicant = list[5];
    if (applicant && firstUser) {
      const [a] = await tx.insert(permitApplications).values({
        enterpriseId: applicant.id, kind: 'new', managementClass: 'simplified', receivedOn: todayOn, noticeDueOn: computeNoticeDueOn(cal, todayOn).dueOn, status: 'received',
        proposedNumber: `${applicant.creditCode}001P`, submittedById: firstUser.id, createdAt: now, updatedAt: now,
      }).returning();
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'permit.application.submit', entity: 'permit_application', entityId: a!.id, after: a, reason: '演示数据' }, now);
    }
  });
}

