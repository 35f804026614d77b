// A fresh, migrated database per test suite: in-memory PGlite, or a new database on the
// PostgreSQL server named by DATABASE_URL (dropped afterwards).
import { sql } from 'drizzle-orm';
import { equalsAny, migrateDatabase, queryRows, type Database } from '../../src/platform/db/index.js';
import { openScratchDatabase } from '../../src/platform/db/scratch.js';

export const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';

export const createEmptyDatabase = (): Promise<Database> => openScratchDatabase(process.env.DATABASE_URL);

export async function createTestDatabase(): Promise<Database> {
  const database = await createEmptyDatabase();
  await migrateDatabase(database);
  return database;
}

interface PlanNode { 'Index Name'?: string; Plans?: PlanNode[] }
/**
 * The leading column of each index of `table` that the statement's plan scans, with sequential scans disabled: when
 * no index fits, the planner still scans the table, or scans some other index in full with the column as a filter,
 * so a test that a read is served by an index asserts the column it names leads one of these.
 */
export async function leadingColumnsScanned(database: Database, table: string, statement: string): Promise<string[]> {
  const names = await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const [row] = await queryRows<{ 'QUERY PLAN': unknown }>(tx, sql.raw(`explain (format json) ${statement}`));
    const raw = row!['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
    const found: string[] = [];
    const walk = (n: PlanNode) => { if (n['Index Name']) found.push(n['Index Name']); for (const child of n.Plans ?? []) walk(child); };
    walk(plan[0]!.Plan);
    return found;
  });
  const definitions = await queryRows<{ def: string }>(database.db,
    sql`select indexdef as def from pg_indexes where tablename = ${table} and ${equalsAny(sql.raw('indexname'), names)}`);
  return definitions.map((d) => /USING \w+ \((\w+)/.exec(d.def)?.[1] ?? '');
}
