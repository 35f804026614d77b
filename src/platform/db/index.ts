import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Where the data lives, for logs (never includes a password). */
  location: string;
  close(): Promise<void>;
  /**
   * LISTEN on a channel: `onMessage` gets each payload (after the notifying transaction commits);
   * `onState(live)` says whether notifications are flowing (false while PostgreSQL's listening
   * connection is down: the caller must then not trust what it cached). Resolves to a stop function.
   */
  listen?(channel: string, onMessage: (payload: string) => void, onState: (live: boolean) => void): Promise<() => Promise<void>>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export interface OpenOptions {
  /** postgres://… selects a PostgreSQL server. */
  url?: string | null;
  /** PGlite directory; 'memory://' (or omitted with no url) keeps it in memory. */
  dataDir?: string;
  /** PGlite's shared_buffers (a PostgreSQL size, e.g. '32MB'); default PGLITE_SHARED_BUFFERS on disk, PostgreSQL's own in memory. */
  pgliteSharedBuffers?: string;
}

/**
 * PGlite's buffer pool. PostgreSQL's default (128MB) is zeroed at start, so it is resident in the server's
 * WebAssembly memory from the first second: opening an existing cluster cost 298 MB RSS with it and 178 MB
 * with 32MB (issue 18, target 4). Pages beyond the pool are read back from the data directory through the
 * operating system's page cache. ECOGOV_PGLITE_SHARED_BUFFERS changes it.
 */
export const PGLITE_SHARED_BUFFERS = '32MB';
const POSTGRES_SIZE = /^[1-9][0-9]*(kB|MB|GB)$/;

/** A PostgreSQL memory size as PGlite takes it, or an error naming the setting and the rule. */
export function checkPgliteSize(value: string, setting: string): string {
  if (!POSTGRES_SIZE.test(value)) throw new Error(`${setting}: expected a size such as 32MB (a whole number followed by kB, MB or GB), got "${value}"`);
  return value;
}

/** Opens PostgreSQL when a URL is given, else embedded PGlite. */
function createClusterInChild(dataDir: string): void {
  // The package as this module resolves it (import.meta.resolve is missing under some test runners' module loaders).
  const url = typeof import.meta.resolve === 'function' ? import.meta.resolve('@electric-sql/pglite') : pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const script = `const m = await import(${JSON.stringify(url)}); const PGlite = m.PGlite ?? m.default.PGlite; await (await PGlite.create(process.argv[1])).close();`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, dataDir], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`creating the database in ${dataDir} failed: ${run.stderr || run.error?.message || `exit ${run.status}`}`);
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // Keep civil dates as strings: a `date` is a day in China Standard Time, not an instant.
    pool.on('error', () => { /* idle client errors are reported on next use */ });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db, engine: 'postgres', location: redactUrl(options.url),
      close: () => pool.end(),
      listen: (channel, onMessage, onState) => listenPostgres(options.url!, channel, onMessage, onState),
    };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // A new cluster: initdb runs in a short-lived child process. In this one its WebAssembly memory (≈ 650 MB)
  // would stay resident for the server's lifetime; opening an existing cluster costs ≈ 300 MB (bench/monitoring.ts).
  if (!dataDir.includes('://') && !existsSync(join(dataDir, 'PG_VERSION'))) createClusterInChild(dataDir);
  // In memory the tables live in the process already (MEMFS): a small pool only adds copying, so PostgreSQL's own stays.
  const sharedBuffers = options.pgliteSharedBuffers ?? (dataDir.startsWith('memory://') ? null : PGLITE_SHARED_BUFFERS);
  const startParams = sharedBuffers === null ? undefined : [...PGlite.defaultStartParams, '-c', `shared_buffers=${checkPgliteSize(sharedBuffers, 'pgliteSharedBuffers')}`];
  const client = await PGlite.create(dataDir, startParams ? { startParams } : {});
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db, engine: 'pglite', location: dataDir,
    close: () => client.close(),
    // One process owns a PGlite database: its notifications arrive before the committing query resolves.
    listen: async (channel, onMessage, onState) => {
      const stop = await client.listen(channel, onMessage);
      onState(true);
      return async () => { onState(false); if (!client.closed) await stop(); };
    },
  };
}

/** A dedicated connection (outside the pool) that LISTENs, reconnecting after a drop; state false while down. */
async function listenPostgres(url: string, channel: string, onMessage: (payload: string) => void, onState: (live: boolean) => void): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`channel name: ${channel}`);
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    const lost = () => {
      if (current !== client) return;
      current = null;
      onState(false);
      void client.end().catch(() => {});
      if (!stopped) { retry = setTimeout(() => { void connect().catch(() => {}); }, 1000); retry.unref(); }
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (m) => { if (m.channel === channel) onMessage(m.payload ?? ''); });
    current = client;
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch (e) {
      lost();
      throw e;
    }
    if (current === client && !stopped) onState(true);
    else await client.end().catch(() => {}); // stopped while connecting
  };
  try { await connect(); } catch { /* retried in a second; the caches stay off meanwhile */ }
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const client = current;
    current = null;
    onState(false);
    if (client) await client.end().catch(() => {});
  };
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'postgres') {
    await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

/** Rows of a raw query on either engine. */
export async function queryRows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

export { sql };
export { equalsAny } from './any-of.js';
