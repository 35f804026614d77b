// The only file of the settings capability that talks to the database.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { changeCache, onTables } from '../platform/db/change-feed.js';
import { bureauSettings } from './tables.js';
import { withDefaults, type BureauSettings } from './rules.js';

export const SETTINGS_KEY = 'bureau';

export interface StoredSettings { value: BureauSettings; version: number; updatedAt: Date | null; updatedById: number | null; stored: boolean }

/** The stored settings, or the defaults (not yet stored) on a database nobody seeded. */
export async function findSettings(db: DbOrTx, lock = false): Promise<StoredSettings> {
  // Read on almost every request: kept per process and dropped the moment bureau_settings changes
  // (its trigger NOTIFYs in the changing transaction, drizzle/0023). Locked reads always load.
  const cache = lock ? null : changeCache<StoredSettings>(db, 'settings', 60_000, 1, onTables('bureau_settings'));
  // A copy each time: no caller can change what the next request reads.
  return cache ? structuredClone(await cache.load(SETTINGS_KEY, () => readSettings(db, false))) : readSettings(db, lock);
}

async function readSettings(db: DbOrTx, lock: boolean): Promise<StoredSettings> {
  const q = db.select().from(bureauSettings).where(eq(bureauSettings.key, SETTINGS_KEY));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) return { value: withDefaults(null), version: 0, updatedAt: null, updatedById: null, stored: false };
  return { value: withDefaults(row.value), version: row.version, updatedAt: row.updatedAt, updatedById: row.updatedById, stored: true };
}
