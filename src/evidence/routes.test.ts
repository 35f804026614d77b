import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { buildApp } from '../platform/http/app.js';
import { openDatabase, migrateDatabase, type Database } from '../platform/db/index.js';
import { seedReferenceData } from '../platform/db/reference-data.js';
import { listDistrictsWithTownships } from '../organisation/queries.js';
import { addUser } from '../users/actions.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { cases, caseSteps } from '../cases/tables.js';
import { loginHeaders, TEST_PASSWORD, type TestContext } from '../../test/helpers/app.js';
import { fileCase, makeBureau, type Bureau } from '../../test/helpers/cases.js';
import { createTestDatabase, ENGINE } from '../../test/helpers/db.js';
import { verifyEvidence } from './index.js';
import { evidencePath, TEMP_SUBDIR } from './store.js';

const MiB = 1024 * 1024;
/** The procedure's clock: the cases below are filed days before it. */
const NOW = new Date('2024-04-10T02:00:00Z');
/** Over the global multipart limit of 10 MiB: the evidence route has its own. */
const MAX_BYTES = 11 * MiB;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

type Part = { name: string; value: string } | { name: string; fileName: string; type: string; data: Buffer };

function multipart(parts: Part[]) {
  const boundary = `----ecogov${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('value' in p) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.fileName}"\r\nContent-Type: ${p.type}\r\n\r\n`), p.data, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const fields = (f: Record<string, string | number>): Part[] => Object.entries(f).map(([name, value]) => ({ name, value: String(value) }));
const file = (data: Buffer, fileName = '现场照片.jpg', type = 'image/jpeg'): Part => ({ name: 'file', fileName, type, data });

interface Ctx { ctx: TestContext; dir: string; close(): Promise<void> }

/** The shared test context, but with the evidence directory and limits of this suite. */
async function evidenceContext(database: Database, dir: string): Promise<Ctx> {
  await seedReferenceData(database.db, new Date());
  const districts = await listDistrictsWithTownships(database.db);
  const app = await buildApp({ database, clock: () => NOW, evidenceDir: dir, evidenceLimits: { maxBytes: MAX_BYTES }, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
  await app.ready();
  const ctx = { app, database, districts, districtByCode: (code: string) => districts.find((d) => d.code === code)! } as unknown as TestContext;
  return { ctx, dir, close: async () => { await app.close(); await database.close(); } };
}

async function districtOfficer(ctx: TestContext, code: string): Promise<Record<string, string>> {
  const username = `evidence-district-${code}-${randomBytes(3).toString('hex')}`;
  const created = await addUser(ctx.database.db, SYSTEM_ACTOR, {
    username, displayName: username, password: TEST_PASSWORD, role: 'enforcement_officer', districtId: ctx.districtByCode(code).id,
    departmentId: null, enterpriseId: null, credentialNo: `D${code}`, holdsLegalQualification: false,
  }, new Date());
  if (!created.ok) throw new Error(created.code);
  return loginHeaders(ctx.app, username, TEST_PASSWORD);
}

/** Every file under the evidence directory, temporary ones included. */
function storedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
const tempFiles = (dir: string) => storedFiles(join(dir, TEMP_SUBDIR));

describe(`行政处罚法 第四十七条: whole-process records — evidence files (${ENGINE})`, () => {
  let c: Ctx;
  let ctx: TestContext;
  let b: Bureau;
  let caseId: number;
  let filingStepId: number;

  beforeAll(async () => {
    c = await evidenceContext(await createTestDatabase(), mkdtempSync(join(tmpdir(), 'ecogov-evidence-')));
    ctx = c.ctx;
    b = await makeBureau(ctx);
    caseId = await fileCase(ctx, b, '2024-04-01');
    const [step] = await ctx.database.db.select({ id: caseSteps.id }).from(caseSteps).where(eq(caseSteps.caseId, caseId));
    filingStepId = step!.id;
  });
  afterAll(async () => { await c?.close(); rmSync(c.dir, { recursive: true, force: true }); });

  const upload = (parts: Part[], headers = b.officerA.headers, id = caseId) => {
    const { payload, contentType } = multipart(parts);
    return ctx.app.inject({ method: 'POST', url: `/api/cases/${id}/evidence`, headers: { ...headers, 'content-type': contentType }, payload });
  };
  const list = (headers = b.officerA.headers, id = caseId) => ctx.app.inject({ method: 'GET', url: `/api/cases/${id}/evidence`, headers });

  it('uploads, lists and downloads a photo with its device, capture time, place and step, and audits the hash', async () => {
    const data = randomBytes(200_000);
    const res = await upload([
      ...fields({ kind: 'photo', stepId: filingStepId, device: 'DSJ-V8-0012', capturedAt: '2024-04-01T09:30:00+08:00', location: '芝罘区某化工厂废水总排口', longitude: 121.41, latitude: 37.52, note: '排口现场' }),
      file(data),
    ]);
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item).toMatchObject({
      caseId, stepId: filingStepId, stepKind: 'filing', kind: 'photo', fileName: '现场照片.jpg', mimeType: 'image/jpeg', sizeBytes: data.length,
      sha256: sha(data), device: 'DSJ-V8-0012', capturedAt: '2024-04-01T01:30:00.000Z', location: '芝罘区某化工厂废水总排口',
      longitude: 121.41, latitude: 37.52, note: '排口现场', uploadedById: b.officerA.id, stored: 'new',
    });
    expect(statSync(evidencePath(c.dir, sha(data))).size).toBe(data.length);
    expect(tempFiles(c.dir)).toEqual([]);

    const listed = await list(b.reviewer.headers);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([expect.objectContaining({ id: item.id, sha256: sha(data), contentUrl: `/api/evidence/${item.id}/content` })]);
    expect(listed.json().limits.maxBytes).toBe(MAX_BYTES);

    const content = await ctx.app.inject({ method: 'GET', url: item.contentUrl, headers: b.reviewer.headers });
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/jpeg');
    expect(content.headers['content-disposition']).toBe(`attachment; filename="____.jpg"; filename*=UTF-8''${encodeURIComponent('现场照片.jpg')}`);
    expect(sha(content.rawPayload)).toBe(sha(data));

    const audit = await ctx.app.inject({ method: 'GET', url: `/api/audit?entity=case&entityId=${caseId}`, headers: b.admin.headers });
    const entry = audit.json().items.find((r: { action: string }) => r.action === 'evidence.upload');
    expect(entry.after).toMatchObject({ evidenceId: item.id, sha256: sha(data), sizeBytes: data.length, fileName: '现场照片.jpg' });
  });

  it('takes a file of 10.5 MiB (over the global multipart limit) and fields sent after the file', async () => {
    const data = randomBytes(10.5 * MiB);
    const res = await upload([file(data, 'DSJ0001.mp4', 'video/mp4'), ...fields({ kind: 'video', device: 'DSJ-V8-0012' })]);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'video', device: 'DSJ-V8-0012', sizeBytes: data.length, sha256: sha(data) });
    expect(tempFiles(c.dir)).toEqual([]);
  });

  it('stores the same content once, and records each upload', async () => {
    const data = randomBytes(5000);
    const first = await upload([...fields({ kind: 'scan' }), file(data, '询问笔录扫描件.pdf', 'application/pdf')]);
    const second = await upload([...fields({ kind: 'pdf' }), file(data, '询问笔录.pdf', 'application/pdf')], b.officerB.headers);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect([first.json().stored, second.json().stored]).toEqual(['new', 'existing']);
    expect(first.json().id).not.toBe(second.json().id);
    expect(tempFiles(c.dir)).toEqual([]);
    expect(storedFiles(c.dir).filter((f) => f.endsWith(sha(data)))).toHaveLength(1);
    const rows = (await list()).json().items.filter((r: { sha256: string }) => r.sha256 === sha(data));
    expect(rows.map((r: { fileName: string; uploadedById: number }) => [r.fileName, r.uploadedById]))
      .toEqual([['询问笔录扫描件.pdf', b.officerA.id], ['询问笔录.pdf', b.officerB.id]]);
  });

  it('refuses a file over the limit with 413, the reason and the limit, and leaves no file behind', async () => {
    const data = randomBytes(MAX_BYTES + 1);
    const res = await upload([...fields({ kind: 'video' }), file(data, 'long.mp4', 'video/mp4')]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'EVIDENCE_FILE_TOO_LARGE', field: 'file', details: { maxBytes: MAX_BYTES } });
    expect(res.json().error.message).toMatch(/^file: 文件超过允许的大小上限/);
    expect(tempFiles(c.dir)).toEqual([]);
    expect(existsSync(evidencePath(c.dir, sha(data)))).toBe(false);
    expect(existsSync(evidencePath(c.dir, sha(data.subarray(0, MAX_BYTES))))).toBe(false);
  });

  it.each([
    ['an executable', 'tool.exe', 'application/x-msdownload'],
    ['HTML', 'page.html', 'text/html'],
    ['a photo type on an executable', 'photo.exe', 'image/jpeg'],
  ])('refuses %s with 422 naming the file', async (_what, fileName, type) => {
    const res = await upload([...fields({ kind: 'other' }), file(randomBytes(3000), fileName, type)]);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'EVIDENCE_TYPE_NOT_ALLOWED', field: 'file' });
    expect(tempFiles(c.dir)).toEqual([]);
  });

  it.each([
    ['a kind that does not fit the file', { kind: 'video' }, 422, 'EVIDENCE_KIND_MISMATCH', 'kind'],
    ['no kind', {}, 400, 'INVALID_INPUT', 'kind'],
    ['an unknown field', { kind: 'photo', colour: 'red' }, 400, 'INVALID_INPUT', 'colour'],
    ['a capture time that is not an instant', { kind: 'photo', capturedAt: '2024-04-01' }, 400, 'INVALID_INPUT', 'capturedAt'],
    ['longitude without latitude', { kind: 'photo', longitude: 121.4 }, 422, 'COORDINATES_INCOMPLETE', 'latitude'],
    ['a capture time in the future', { kind: 'photo', capturedAt: '2999-01-01T00:00:00Z' }, 422, 'EVIDENCE_CAPTURED_IN_FUTURE', 'capturedAt'],
  ] as const)('refuses %s, stores nothing', async (_what, f, status, code, field) => {
    const data = randomBytes(1000);
    const res = await upload([...fields(f), file(data)]);
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toMatchObject({ code, field });
    expect(tempFiles(c.dir)).toEqual([]);
    expect(existsSync(evidencePath(c.dir, sha(data)))).toBe(false);
  });

  it('refuses a step of another case, an empty file and a form without a file', async () => {
    const other = await fileCase(ctx, b, '2024-04-02');
    const [step] = await ctx.database.db.select({ id: caseSteps.id }).from(caseSteps).where(eq(caseSteps.caseId, other));
    const wrongStep = await upload([...fields({ kind: 'photo', stepId: step!.id }), file(randomBytes(100))]);
    expect([wrongStep.statusCode, wrongStep.json().error.code, wrongStep.json().error.field]).toEqual([422, 'EVIDENCE_STEP_UNKNOWN', 'stepId']);
    const empty = await upload([...fields({ kind: 'photo' }), file(Buffer.alloc(0))]);
    expect([empty.statusCode, empty.json().error.code]).toEqual([422, 'EVIDENCE_FILE_EMPTY']);
    const none = await upload(fields({ kind: 'photo' }));
    expect([none.statusCode, none.json().error.code, none.json().error.field]).toEqual([422, 'EVIDENCE_FILE_REQUIRED', 'file']);
    const json = await ctx.app.inject({ method: 'POST', url: `/api/cases/${caseId}/evidence`, headers: b.officerA.headers, payload: { kind: 'photo' } });
    expect([json.statusCode, json.json().error.code]).toEqual([422, 'EVIDENCE_FILE_REQUIRED']);
    expect(tempFiles(c.dir)).toEqual([]);
  });

  it('an archived case is frozen: 409 CASE_ARCHIVED, listing and download still work', async () => {
    const archived = await fileCase(ctx, b, '2024-04-03');
    const before = await upload([...fields({ kind: 'photo' }), file(randomBytes(100))], b.officerA.headers, archived);
    expect(before.statusCode).toBe(201);
    await ctx.database.db.update(cases).set({ archivedAt: new Date() }).where(eq(cases.id, archived));
    const data = randomBytes(1000);
    const res = await upload([...fields({ kind: 'photo' }), file(data)], b.officerA.headers, archived);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CASE_ARCHIVED');
    expect(existsSync(evidencePath(c.dir, sha(data)))).toBe(false);
    expect((await list(b.officerA.headers, archived)).json().items).toHaveLength(1);
    expect((await ctx.app.inject({ method: 'GET', url: before.json().contentUrl, headers: b.officerA.headers })).statusCode).toBe(200);
  });

  it('a district user of another district sees none of it: 404 for list, upload and download', async () => {
    const own = await list();
    const someId = own.json().items[0].id as number;
    const other = await districtOfficer(ctx, '370613'); // 莱山区; the case is in 芝罘区
    const same = await districtOfficer(ctx, '370602');
    expect((await list(other)).statusCode).toBe(404);
    expect((await upload([...fields({ kind: 'photo' }), file(randomBytes(10))], other)).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/evidence/${someId}/content`, headers: other })).statusCode).toBe(404);
    expect((await list(same)).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/evidence/${someId}/content`, headers: same })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/evidence/999999/content', headers: same })).statusCode).toBe(404);
  });

  it.each([
    ['legal_reviewer', 'reviewer', 200, 403],
    ['bureau_leader', 'leader', 200, 403],
    ['enforcement_officer', 'officerC', 200, 201],
    ['administrator', 'admin', 200, 201],
  ] as const)('%s (%s): list %s, upload %s', async (_role, who, listStatus, uploadStatus) => {
    expect((await list(b[who].headers)).statusCode).toBe(listStatus);
    expect((await upload([...fields({ kind: 'photo' }), file(randomBytes(10))], b[who].headers)).statusCode).toBe(uploadStatus);
  });

  it('without a session: 401', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: `/api/cases/${caseId}/evidence` })).statusCode).toBe(401);
  });

  it('verify names each record whose stored file was altered or removed, with its case number', async () => {
    expect(await verifyEvidence(ctx.database.db, c.dir)).toMatchObject({ ok: true, problems: [] });
    const items = (await list()).json().items as { id: number; sha256: string }[];
    const shared = items.filter((r) => items.filter((s) => s.sha256 === r.sha256).length === 2);
    const single = items.find((r) => !shared.includes(r))!;
    const tampered = evidencePath(c.dir, shared[0]!.sha256);
    chmodSync(tampered, 0o644);
    appendFileSync(tampered, 'x');
    rmSync(evidencePath(c.dir, single.sha256));
    const [caseRow] = await ctx.database.db.select({ number: cases.number }).from(cases).where(eq(cases.id, caseId));

    const progress: number[] = [];
    const result = await verifyEvidence(ctx.database.db, c.dir, (done) => progress.push(done));
    expect(result.ok).toBe(false);
    expect(result.records).toBe(progress.at(-1));
    expect(result.problems).toEqual([
      ...[single, ...shared].sort((x, y) => x.id - y.id).map((r) => expect.objectContaining({
        evidenceId: r.id, caseNumber: caseRow!.number, sha256: r.sha256, problem: r === single ? 'missing' : 'hash_mismatch',
      })),
    ]);
    const missing = await ctx.app.inject({ method: 'GET', url: `/api/evidence/${single.id}/content`, headers: b.officerA.headers });
    expect([missing.statusCode, missing.json().error.code]).toEqual([409, 'EVIDENCE_CONTENT_MISSING']);
  });
});

describe('ecogov evidence verify (command line, embedded database)', () => {
  let root: string;
  beforeAll(() => { root = mkdtempSync(join(tmpdir(), 'ecogov-evidence-cli-')); });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('exits 1 and names the evidence and case whose file was tampered with', async () => {
    const dataDir = join(root, 'pglite');
    const dir = join(root, 'evidence');
    const database = await openDatabase({ dataDir });
    await migrateDatabase(database);
    const c = await evidenceContext(database, dir);
    const b = await makeBureau(c.ctx);
    const id = await fileCase(c.ctx, b, '2024-04-01');
    const data = randomBytes(4000);
    const { payload, contentType } = multipart([...fields({ kind: 'photo' }), file(data)]);
    const res = await c.ctx.app.inject({ method: 'POST', url: `/api/cases/${id}/evidence`, headers: { ...b.officerA.headers, 'content-type': contentType }, payload });
    expect(res.statusCode).toBe(201);
    const [caseRow] = await database.db.select({ number: cases.number }).from(cases).where(eq(cases.id, id));
    await c.close();
    const path = evidencePath(dir, sha(data));
    chmodSync(path, 0o644);
    appendFileSync(path, 'tampered');

    const { DATABASE_URL: _ignored, ...env } = process.env;
    const run = (...args: string[]) => promisify(execFile)(process.execPath, ['bin/ecogov.mjs', '--data-dir', dataDir, ...args], { env: { ...env, LOG_LEVEL: 'silent' } })
      .then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));
    const help = await run('evidence', 'verify', '--help');
    expect(help.stdout).toMatch(/Usage: ecogov evidence verify/);
    const broken = await run('evidence', 'verify', '--evidence-dir', dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`evidence ${res.json().id} of case ${caseRow!.number}: HASH MISMATCH`);
    expect(broken.stderr).toMatch(/evidence BROKEN: 1 of 1 records/);
  });
});
