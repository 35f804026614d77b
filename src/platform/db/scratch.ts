// Throw-away databases for tests and benchmarks: in-memory PGlite, or a fresh database created on a
// PostgreSQL server and dropped on close.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from './index.js';

export async function openScratchDatabase(serverUrl: string | null | undefined, prefix = 'ecogov_t'): Promise<Database> {
  if (!serverUrl) return openDatabase({ dataDir: 'memory://' });
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try { await client.query(statement); } finally { await client.end(); }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    location: `${database.location} (scratch)`,
    close: async () => { await database.close(); await admin(`drop database if exists ${name} with (force)`); },
  };
}
