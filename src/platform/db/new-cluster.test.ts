import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, PGLITE_SHARED_BUFFERS, type Database } from './index.js';
import { readConfig } from '../config.js';

const dirs: string[] = [];
const sharedBuffersOf = async (database: Database) =>
  ((await database.db.execute('show shared_buffers' as never)) as unknown as { rows: { shared_buffers: string }[] }).rows[0]!.shared_buffers;
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe('opening a PGlite data directory', () => {
  it('creates a new cluster (initdb in a child process), then opens it and keeps what was written', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ecogov-cluster-')), 'data');
    dirs.push(dir);
    let database = await openDatabase({ dataDir: dir });
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    await database.db.execute('create table kept (n int primary key)' as never);
    await database.db.execute('insert into kept values (7)' as never);
    await database.close();
    database = await openDatabase({ dataDir: dir });
    const rows = (await database.db.execute('select n from kept' as never)) as unknown as { rows: { n: number }[] };
    expect(rows.rows).toEqual([{ n: 7 }]);
    expect(await sharedBuffersOf(database)).toBe(PGLITE_SHARED_BUFFERS); // not PostgreSQL's 128MB, resident from the start
    await database.close();
    database = await openDatabase({ dataDir: dir, pgliteSharedBuffers: '16MB' });
    expect(await sharedBuffersOf(database)).toBe('16MB');
    expect((await database.db.execute('select n from kept' as never) as unknown as { rows: unknown[] }).rows).toHaveLength(1);
    await database.close();
  }, 120_000);

  it('refuses a buffer size that is not a PostgreSQL size, naming the setting; in memory PostgreSQL\'s own pool', async () => {
    for (const bad of ['32', '32 MB', '0MB', '-1MB', '32mb', '1TB']) {
      await expect(openDatabase({ dataDir: 'memory://', pgliteSharedBuffers: bad })).rejects.toThrow(/pgliteSharedBuffers: expected a size such as 32MB/);
      expect(() => readConfig({ ECOGOV_PGLITE_SHARED_BUFFERS: bad })).toThrow(/ECOGOV_PGLITE_SHARED_BUFFERS: expected a size/);
    }
    expect(readConfig({}).pgliteSharedBuffers).toBe(PGLITE_SHARED_BUFFERS);
    // In memory the tables are in the process already: PostgreSQL's own pool stays.
    const memory = await openDatabase({ dataDir: 'memory://' });
    expect(await sharedBuffersOf(memory)).toBe('128MB');
    await memory.close();
    expect(readConfig({ ECOGOV_PGLITE_SHARED_BUFFERS: ' 64MB ' }).pgliteSharedBuffers).toBe('64MB');
  }, 60_000);
});
