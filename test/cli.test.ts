import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../src/platform/db/index.js';
import { COLUMNS } from '../src/enterprises/excel.js';
import { nextCreditCode } from './helpers/app.js';
import { cliEnv, ecogov } from './helpers/cli.js';


describe('ecogov command line', { timeout: 300_000 }, () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'ecogov-cli-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['serve', 'start', 'migrate', 'seed', 'user add', 'audit verify', 'backup', 'restore', 'import-enterprises'])('%s --help', async (command) => {
    const res = await ecogov(join(dir, 'help'), ...command.split(' '), '--help');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Usage: ecogov/);
  });

  it('seeds, adds a user, verifies the audit chain, and names the row tampered behind its back', async () => {
    const data = join(dir, 'main');
    expect((await ecogov(data, 'seed')).stdout).toMatch(/organisation seeded/);
    // The demo's 2020 runs through the case actions of the demo bureau: without it there is nothing to run them as.
    const no2020 = await ecogov(data, 'seed', '--demo-2020');
    expect(no2020.code).toBe(1);
    expect(no2020.stderr).toMatch(/--demo-2020 needs the demo bureau/);
    const added = await ecogov(data, 'user', 'add', '--username', 'li', '--display-name', '李执法', '--role', 'enforcement_officer', '--district', '芝罘区', '--credential', '37060219123');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/user li \(enforcement_officer\) added; password: \S{10,}/);
    const refused = await ecogov(data, 'user', 'add', '--username', 'wang', '--display-name', '王', '--role', 'enforcement_officer');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/credentialNo: CREDENTIAL_REQUIRED/);
    const ok = await ecogov(data, 'audit', 'verify');
    expect(ok.code).toBe(0);
    // The seed writes seven rows (organisation, reference data incl. the exam question bank); the user add one more.
    expect(ok.stdout).toMatch(/audit chain intact: 8 rows/);

    const database = await openDatabase({ dataDir: data });
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await database.db.execute(sql`update audit_log set actor_name = 'someone-else' where seq = 2`);
    await database.close();
    const broken = await ecogov(data, 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/BROKEN at seq 2 \(HASH_MISMATCH\)/);
  });

  it('backup and restore round-trip between two embedded databases', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const file = join(dir, 'a.jsonl');
    await ecogov(a, 'seed');
    const backup = await ecogov(a, 'backup', file);
    expect(backup.stdout).toMatch(/districts 13, .*townships 159/);
    const restore = await ecogov(b, 'restore', file);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/districts 13, .*townships 159/);
    expect((await ecogov(b, 'audit', 'verify')).stdout).toMatch(/intact: 7 rows/);
    expect((await ecogov(b, 'restore', file)).stderr).toMatch(/empty database/);
  });

  it('imports a workbook with progress, all-or-nothing unless --skip-invalid', async () => {
    const data = join(dir, 'import');
    await ecogov(data, 'seed');
    await ecogov(data, 'user', 'add', '--username', 'boss', '--display-name', '管理员', '--role', 'administrator', '--password', 'long-enough-password');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('企业名录');
    sheet.addRow(COLUMNS.map((c) => c.header));
    sheet.addRow([nextCreditCode(), '烟台好企业有限公司', '王', '芝罘区', '向阳街道', 'C2614', '烟台市芝罘区1号', '', '', '', '', 'DW001:总排口']);
    sheet.addRow(['91370602MA3C000001', '烟台坏企业有限公司', '李', '芝罘区', '', 'C2614', '烟台市芝罘区2号', '', '', '', '', '']);
    const file = join(dir, 'enterprises.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const refused = await ecogov(data, 'import-enterprises', file, '--as', 'boss');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/row 3 creditCode: .*CREDIT_CODE_CHECK_CHARACTER/);
    expect(refused.stderr).toMatch(/nothing imported/);
    const skipped = await ecogov(data, 'import-enterprises', file, '--as', 'boss', '--skip-invalid');
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/enterprises: 1\/1 100%/);
    expect(skipped.stdout).toMatch(/imported: 1 created, 0 updated, 1 rows skipped/);
  }, 300_000);

  it('start: a first run seeds the demo bureau, prints the administrator login and serves the web app and API', async () => {
    const data = join(dir, 'start', 'pglite');
    const web = join(dir, 'web-dist');
    mkdirSync(web, { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>EcoGov test page</title>');
    const child = spawn(process.execPath, ['bin/ecogov.mjs', '--data-dir', data, 'start'], {
      // The demo's 2020 is generated in the background after the first start (test/cli-demo-2020.test.ts): not here.
      env: cliEnv({ PORT: '0', HOST: '127.0.0.1', ECOGOV_WEB_DIST: web, ECOGOV_DEMO_2020: 'off' }),
    });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => { out += chunk; if (/Demo administrator: .*password "[^"]+"/.test(out)) resolve(out); });
        child.stderr.on('data', () => {});
        child.on('exit', (code) => reject(new Error(`start exited with ${code}: ${out}`)));
      });
      const url = /running on (http:\/\/localhost:\d+)/.exec(output)![1]!;
      const [, username, password] = /username "([^"]+)", password "([^"]+)"/.exec(output)!;
      expect((await (await fetch(`${url}/enterprises`)).text())).toMatch(/EcoGov test page/);
      const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const list = await (await fetch(`${url}/api/enterprises`, { headers: { cookie } })).json() as { total: number };
      expect(list.total).toBe(520);
      // ECOGOV_DEMO_2020=off: no background generation of the demo's 2020.
      expect((await (await fetch(`${url}/api/health/background`, { headers: { cookie } })).json())).toEqual({ jobs: [] });
    } finally {
      // Until it has closed its database: afterAll removes the directory.
      await new Promise<void>((resolve) => { if (child.exitCode !== null) resolve(); else { child.once('exit', () => resolve()); child.kill('SIGTERM'); } });
    }
  }, 300_000);
});
