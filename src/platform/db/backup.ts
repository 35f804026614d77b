// Logical backup: every table's rows as JSON lines, in foreign-key order, so a dump taken on
// PGlite restores on PostgreSQL and back. Restore goes into an empty, migrated database.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { Db } from './index.js';
import { queryRows } from './index.js';
import * as schema from './schema.js';

export const BACKUP_FORMAT = 'ecogov-backup/1';
/** Live sessions and sign-in failure counts are not data to keep: a restore starts signed out. */
export const TABLES_NOT_BACKED_UP = new Set(['sessions', 'login_failures']);

/** Tables in an order where each comes after those it references. */
export function tablesInDependencyOrder(): PgTable[] {
  const all = Object.values(schema as Record<string, unknown>).filter((v): v is PgTable => is(v, PgTable));
  const deps = new Map<PgTable, Set<string>>();
  for (const t of all) {
    const fks = getTableConfig(t).foreignKeys;
    deps.set(t, new Set(fks.map((fk) => getTableName(fk.reference().foreignTable)).filter((n) => n !== getTableName(t))));
  }
  const ordered: PgTable[] = [];
  const done = new Set<string>();
  while (ordered.length < all.length) {
    const next = all.find((t) => !done.has(getTableName(t)) && [...deps.get(t)!].every((d) => done.has(d)));
    if (!next) throw new Error('cyclic foreign keys between tables');
    ordered.push(next);
    done.add(getTableName(next));
  }
  return ordered;
}

/** The primary key's column names, single-column or composite. */
export function primaryKeyColumns(table: PgTable): string[] {
  const single = Object.values(getTableColumns(table)).filter((c) => c.primary).map((c) => c.name);
  if (single.length) return single;
  return getTableConfig(table).primaryKeys[0]?.columns.map((c) => c.name) ?? [];
}

type Progress = (table: string, rows: number) => void;

export async function backupDatabase(db: Db, file: string, onProgress?: Progress): Promise<Record<string, number>> {
  const out = createWriteStream(file, { encoding: 'utf8', mode: 0o600 });
  const write = async (line: string) => { if (!out.write(line + '\n')) await once(out, 'drain'); };
  const counts: Record<string, number> = {};
  await write(JSON.stringify({ format: BACKUP_FORMAT, createdAt: new Date().toISOString() }));
  for (const table of tablesInDependencyOrder()) {
    const name = getTableName(table);
    if (TABLES_NOT_BACKED_UP.has(name)) continue;
    const columns = Object.values(getTableColumns(table)).map((c) => c.name);
    const keys = primaryKeyColumns(table).map((c) => sql.identifier(c));
    if (!keys.length) throw new Error(`table ${name} has no primary key to page by`);
    await write(JSON.stringify({ table: name, columns }));
    const PAGE = 5000;
    let n = 0;
    for (let offset = 0; ; offset += PAGE) {
      // Raw rows (to_jsonb keeps every type's text form exactly), in primary-key order.
      const rows = await queryRows<{ r: Record<string, unknown> }>(db,
        sql`select to_jsonb(t) as r from ${sql.identifier(name)} t order by ${sql.join(keys, sql`, `)} limit ${PAGE} offset ${offset}`);
      for (const { r } of rows) await write(JSON.stringify({ row: r }));
      n += rows.length;
      onProgress?.(name, n);
      if (rows.length < PAGE) break;
    }
    counts[name] = n;
  }
  out.end();
  await once(out, 'finish');
  return counts;
}

/** Restores a JSON-lines dump, from a file or a stream (the dump inside a backup archive). */
export async function restoreDatabase(db: Db, file: string | (() => Readable), onProgress?: Progress): Promise<Record<string, number>> {
  const known = new Set(tablesInDependencyOrder().map(getTableName));
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    let table: string | null = null;
    let batch: Record<string, unknown>[] = [];
    let first = true;
    const flush = async () => {
      if (!table || !batch.length) return;
      // jsonb_populate_recordset converts each JSON value back to its column's type.
      await tx.execute(sql`insert into ${sql.identifier(table)} select * from jsonb_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(batch)}::jsonb)`);
      counts[table] = (counts[table] ?? 0) + batch.length;
      onProgress?.(table, counts[table]!);
      batch = [];
    };
    // Opened right before iterating: lines read before the loop attaches would be lost.
    const input = typeof file === 'string' ? createReadStream(file, { encoding: 'utf8' }) : file().setEncoding('utf8');
    const lines = createInterface({ input, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const item = JSON.parse(line) as { format?: string; table?: string; row?: Record<string, unknown> };
      if (first) {
        if (item.format !== BACKUP_FORMAT) throw new Error(`not an EcoGov backup (expected ${BACKUP_FORMAT})`);
        first = false;
        continue;
      }
      if (item.table) {
        await flush();
        if (!known.has(item.table)) throw new Error(`backup has unknown table ${item.table}`);
        // Older dumps carried live sessions: they are not restored.
        if (TABLES_NOT_BACKED_UP.has(item.table)) { table = null; continue; }
        const [{ n }] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(item.table)}`) as [{ n: number }];
        if (n > 0) throw new Error(`restore needs an empty database: ${item.table} has ${n} rows`);
        table = item.table;
        counts[table] = 0;
      } else if (item.row && table) {
        batch.push(item.row);
        if (batch.length >= 2000) await flush();
      }
    }
    await flush();
    // Serial columns continue after the restored ids.
    for (const name of Object.keys(counts)) {
      const seqs = await queryRows<{ col: string; seq: string }>(tx, sql`select a.attname as col, pg_get_serial_sequence(${name}, a.attname) as seq
        from pg_attribute a where a.attrelid = ${name}::regclass and a.attnum > 0 and not a.attisdropped and pg_get_serial_sequence(${name}, a.attname) is not null`);
      for (const s of seqs) {
        await tx.execute(sql`select setval(${s.seq}, coalesce((select max(${sql.identifier(s.col)}) from ${sql.identifier(name)}), 0) + 1, false)`);
      }
    }
  });
  return counts;
}
