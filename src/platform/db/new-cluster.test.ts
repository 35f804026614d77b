import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './index.js';

const dirs: string[] = [];
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
    await database.close();
  }, 120_000);
});
