// Settings actions: check, write the new value and its audit row (old → new, who, why) in one transaction.
import type { Db, DbOrTx } from '../platform/db/index.js';
import { eq } from 'drizzle-orm';
import { allowed, refuse, success, type Outcome, type Result } from '../law/outcome.js';
import { users } from '../users/index.js';
import { actorOf, appendAudit, listAudit, SYSTEM_ACTOR, type Actor } from '../platform/audit/log.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { bureauSettings } from './tables.js';
import { findSettings, SETTINGS_KEY, type StoredSettings } from './queries.js';
import { checkSettings, COMMITTEE_CITATION, DEFAULT_SETTINGS, isCommitteeChairEligible, diffSettings, previousHearingThresholds, remainingDemoValues, withDefaults, type BureauSettings, type PreviousHearingThresholds, type SettingChange } from './rules.js';
import type { SettingsPut } from './schema.js';

const ENTITY = 'bureau_settings';

/** The settings rules and documents read: stored, or the defaults on an unseeded database. */
export async function loadBureauSettings(db: DbOrTx): Promise<BureauSettings> {
  return (await findSettings(db)).value;
}

export async function getSettings(db: DbOrTx, principal: Principal): Promise<Result<StoredSettings>> {
  if (!can(principal, 'settings.manage')) return refuse('FORBIDDEN');
  return success(await findSettings(db));
}

/** Replaces the settings; refuses a stale version, a value that breaks a cross-field rule, or no change at all. */
export async function putSettings(db: Db, principal: Principal, input: SettingsPut, now: Date): Promise<Result<StoredSettings & { changes: SettingChange[] }>> {
  if (!can(principal, 'settings.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const before = await findSettings(tx, true);
    if (input.version !== before.version) return refuse('SETTINGS_VERSION_STALE');
    const proposed: BureauSettings = { ...input.value, bureau: { ...input.value.bureau, areaName: input.value.bureau.areaName ?? before.value.bureau.areaName }, committee: input.value.committee ?? before.value.committee, licensing: input.value.licensing ?? before.value.licensing, watchList: input.value.watchList ?? before.value.watchList, normativeDocuments: input.value.normativeDocuments ?? before.value.normativeDocuments, demoValues: before.value.demoValues };
    const checked = checkSettings(proposed);
    if (!checked.ok) return checked;
    const chair = await checkCommitteeChair(tx, proposed.committee.chairUserId);
    if (!chair.ok) return chair;
    const changes = diffSettings(before.value, proposed);
    if (!changes.length) return refuse('SETTINGS_UNCHANGED');
    const value: BureauSettings = { ...proposed, demoValues: remainingDemoValues(before.value, changes) };
    const saved = await write(tx, value, before.version + 1, principal.id, now);
    await appendAudit(tx, actorOf(principal), {
      action: 'settings.update', entity: ENTITY, entityId: SETTINGS_KEY,
      before: Object.fromEntries(changes.map((c) => [c.field, c.from])), after: Object.fromEntries(changes.map((c) => [c.field, c.to])), reason: input.reason,
    }, now);
    return success({ ...saved, changes });
  });
}

/** 行政处罚法 第五十七条第二款: the committee's chair is one of the bureau's heads (a leader or committee member), active. */
async function checkCommitteeChair(tx: DbOrTx, chairUserId: number | null): Promise<Outcome> {
  if (chairUserId === null) return allowed;
  const [user] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, chairUserId));
  return isCommitteeChairEligible(user ?? null) ? allowed : refuse('SETTINGS_CHAIR_NOT_HEAD', COMMITTEE_CITATION, 'committee.chairUserId');
}

async function write(tx: DbOrTx, value: BureauSettings, version: number, updatedById: number | null, now: Date): Promise<StoredSettings> {
  const values = { value, version, updatedById, updatedAt: now };
  await tx.insert(bureauSettings).values({ key: SETTINGS_KEY, ...values }).onConflictDoUpdate({ target: bureauSettings.key, set: values });
  return { value, version, updatedAt: now, updatedById, stored: true };
}

/**
 * Writes settings unless some are stored (idempotent): the reference seed writes the defaults, the
 * demo bureau its own particulars. Audited as the system.
 */
export async function seedSettings(db: Db, now: Date, value: BureauSettings = DEFAULT_SETTINGS, actor: Actor = SYSTEM_ACTOR): Promise<{ created: boolean }> {
  return db.transaction(async (tx) => {
    const existing = await findSettings(tx, true);
    if (existing.stored) return { created: false };
    const full = withDefaults(value);
    const checked = checkSettings(full);
    if (!checked.ok) throw new Error(`seed settings refused: ${checked.code} ${checked.field ?? ''}`);
    await write(tx, full, 1, null, now);
    await appendAudit(tx, actor, { action: 'settings.seed', entity: ENTITY, entityId: SETTINGS_KEY, after: full, reason: 'bureau settings: defaults' }, now);
    return { created: true };
  });
}

/** Each change of the settings, newest first, as the audit log holds it. */
export async function settingsHistory(db: Db, principal: Principal): Promise<Result<{ at: Date; actorName: string; reason: string | null; changes: SettingChange[] }[]>> {
  if (!can(principal, 'settings.manage')) return refuse('FORBIDDEN');
  const { items } = await listAudit(db, { entity: ENTITY, entityId: SETTINGS_KEY, page: 1, pageSize: 200 });
  return success(items.map((a) => {
    const before = (a.before ?? {}) as Record<string, unknown>;
    const after = (a.after ?? {}) as Record<string, unknown>;
    const changes = a.action === 'settings.update' ? Object.keys(after).map((field) => ({ field, from: before[field] ?? null, to: after[field] })) : [];
    return { at: a.at, actorName: a.actorName, reason: a.reason, changes };
  }));
}

/** The hearing figures in force before the latest change of them (or before they were a setting). */
export async function hearingThresholdsBefore(db: Db): Promise<PreviousHearingThresholds & { current: BureauSettings['hearingThresholds'] }> {
  const current = (await findSettings(db)).value.hearingThresholds;
  const { items } = await listAudit(db, { entity: ENTITY, entityId: SETTINGS_KEY, page: 1, pageSize: 200 });
  return { current, ...previousHearingThresholds(current, items.map((a) => ({ at: a.at, action: a.action, before: (a.before ?? null) as Record<string, unknown> | null }))) };
}
