// Per-process caches that are never stale after a change. Triggers (drizzle/0023_cache_invalidation.sql)
// NOTIFY 'ecogov_changes' in the very transaction that ends a session, changes a user, the settings or
// the holiday calendar; every server process LISTENs (PostgreSQL: a dedicated connection; PGlite: its
// in-process listener, heard before the committing query resolves) and drops the affected entries.
// While the listening connection is down, caches answer nothing from memory (everything is loaded).
// Code run without a feed (CLI, a transaction handle, tests calling actions directly) never caches.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Db, DbOrTx } from './index.js';

export const CHANGE_CHANNEL = 'ecogov_changes';

/** Tells a cache which entries a change payload ends; '*' (feed lost or regained) ends all. */
export type DropRule<V> = (payload: string, key: string, value: V) => boolean;

export class ChangeCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  private generation = 0;

  constructor(private readonly feed: ChangeFeed, private readonly ttlMs: number, private readonly maxEntries: number, private readonly drops: DropRule<V>) {}

  /** The cached value when the feed is live and the entry younger than the TTL. */
  get(key: string, nowMs = Date.now()): V | undefined {
    if (!this.feed.live) return undefined;
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (nowMs - e.at > this.ttlMs) { this.entries.delete(key); return undefined; }
    return e.value;
  }

  /** Call before loading: a change heard between this and `set` keeps the (possibly old) value out. */
  begin(): number { return this.generation; }

  set(key: string, value: V, token: number, nowMs = Date.now()): void {
    if (!this.feed.live || token !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, at: nowMs });
  }

  /** Loads through the cache. */
  async load(key: string, loader: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const token = this.begin();
    const value = await loader();
    this.set(key, value, token);
    return value;
  }

  /** @internal the feed's dispatcher */
  heard(payload: string): void {
    this.generation++;
    if (payload === '*') { this.entries.clear(); return; }
    for (const [key, e] of this.entries) if (this.drops(payload, key, e.value)) this.entries.delete(key);
  }
}

export class ChangeFeed {
  live = false;
  refs = 0;
  /** PostgreSQL delivers notifications asynchronously (PGlite before the committing query resolves). */
  remote = false;
  readonly caches = new Map<string, ChangeCache<unknown>>();
  readonly syncWaiters = new Map<string, () => void>();
  stop: () => Promise<void> = async () => {};

  heard(payload: string): void {
    if (payload.startsWith('sync:')) { this.syncWaiters.get(payload)?.(); return; }
    for (const c of this.caches.values()) c.heard(payload);
  }

  state(live: boolean): void {
    this.live = live;
    this.heard('*');
  }
}

const feeds = new WeakMap<object, ChangeFeed>();

/** Starts hearing changes of this database (buildApp does); the returned function stops (reference-counted). */
export async function startChangeFeed(database: Database): Promise<() => Promise<void>> {
  let feed = feeds.get(database.db);
  if (!feed) {
    const created = new ChangeFeed();
    feed = created;
    created.remote = database.engine === 'postgres';
    feeds.set(database.db, created);
    if (database.listen) {
      created.stop = await database.listen(CHANGE_CHANNEL, (p) => created.heard(p), (live) => created.state(live));
    }
  }
  const f = feed;
  f.refs++;
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    if (--f.refs > 0) return;
    feeds.delete(database.db);
    f.state(false);
    await f.stop();
  };
}

const SYNC_PREFIX = `sync:${process.pid}:${randomBytes(4).toString('hex')}:`;
let syncSeq = 0;

/**
 * Waits (at most `timeoutMs`) until this process's listener has heard every notification committed
 * before now: a marker NOTIFY sent now arrives after them (one queue, commit order). Run before a
 * state-changing request answers, so the change's notification has left PostgreSQL for every listener
 * (all are signalled at the same commit) by the time the client can ask another instance.
 */
export async function syncChangeFeed(db: Db, timeoutMs = 250): Promise<void> {
  const feed = feeds.get(db);
  if (!feed || !feed.live || !feed.remote) return;
  const token = `${SYNC_PREFIX}${++syncSeq}`;
  let timer: NodeJS.Timeout | undefined;
  const heard = new Promise<void>((resolve) => {
    feed.syncWaiters.set(token, resolve);
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await db.execute(sql`select pg_notify(${CHANGE_CHANNEL}, ${token})`);
    await heard;
  } finally {
    clearTimeout(timer);
    feed.syncWaiters.delete(token);
  }
}

/**
 * The named cache of this database handle, or null when no feed hears its changes (then load every
 * time). A transaction handle is never the database handle, so reads inside a transaction load.
 */
export function changeCache<V>(db: DbOrTx, name: string, ttlMs: number, maxEntries: number, drops: DropRule<V>): ChangeCache<V> | null {
  const feed = feeds.get(db as Db);
  if (!feed) return null;
  let cache = feed.caches.get(name) as ChangeCache<V> | undefined;
  if (!cache) {
    cache = new ChangeCache<V>(feed, ttlMs, maxEntries, drops);
    feed.caches.set(name, cache as ChangeCache<unknown>);
  }
  return cache;
}

/** A whole-table cache's drop rule: any change of one of these tables. */
export const onTables = (...tables: string[]): DropRule<unknown> => (payload) => tables.some((t) => payload === `t:${t}`);
