// A fresh, migrated database per test suite: in-memory PGlite, or a new database on the
// PostgreSQL server named by DATABASE_URL (dropped afterwards).
import { migrateDatabase, type Database } from '../../src/platform/db/index.js';
import { openScratchDatabase } from '../../src/platform/db/scratch.js';

export const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';

export const createEmptyDatabase = (): Promise<Database> => openScratchDatabase(process.env.DATABASE_URL);

export async function createTestDatabase(): Promise<Database> {
  const database = await createEmptyDatabase();
  await migrateDatabase(database);
  return database;
}
