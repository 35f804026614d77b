import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { buildApp } from '../platform/http/app.js';
import { seedReferenceData } from '../platform/db/reference-data.js';
import { listDistrictsWithTownships } from '../organisation/queries.js';
import { caseSteps } from '../cases/tables.js';
import { evidenceFiles } from '../evidence/tables.js';
import { verifyEvidence } from '../evidence/index.js';
import type { TestContext } from '../../test/helpers/app.js';
import { fileCase, makeBureau, type Bureau, type Person } from '../../test/helpers/cases.js';
import { createTestDatabase, ENGINE } from '../../test/helpers/db.js';
import { fieldRecords } from './tables.js';

const NOW = new Date('2024-04-10T02:00:00Z');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const SIGNED = { roles: ['signature_officer1', 'signature_officer2', 'signature_party'], partyRefused: false, witness: null, refusalNote: null };

describe(`移动执法 sync: idempotent records, resumable uploads verified by hash (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let caseId: number;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecogov-field-'));
    const database = await createTestDatabase();
    await seedReferenceData(database.db, new Date());
    const districts = await listDistrictsWithTownships(database.db);
    const app = await buildApp({ database, clock: () => NOW, evidenceDir: dir, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    await app.ready();
    ctx = { app, database, districts, districtByCode: (code: string) => districts.find((d) => d.code === code)!,
      close: async () => { await app.close(); await database.close(); } } as unknown as TestContext;
    b = await makeBureau(ctx);
    caseId = await fileCase(ctx, b, '2024-04-01');
  });
  afterAll(async () => { await ctx?.close(); rmSync(dir, { recursive: true, force: true }); });

  const inject = (who: Person, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method, url, headers: { ...who.headers, ...headers }, payload: payload as never });
  const record = (over: Record<string, unknown> = {}) => ({
    clientId: randomUUID(), kind: 'inspection_record', task: { source: 'case', id: caseId }, enterpriseId: b.enterpriseId, caseId, caseStage: 'investigating',
    occurredOn: '2024-04-10', officerIds: [b.officerA.id, b.officerB.id],
    form: { summary: '废水总排口有黑色废水外排', place: '芝罘区测试路1号', startedAt: '2024-04-10T09:00', endedAt: '2024-04-10T10:30', onSite: '王测试' },
    signatures: SIGNED, ...over,
  });
  const announce = (recordClientId: string, data: Buffer, over: Record<string, unknown> = {}) => inject(b.officerA, 'POST', '/api/field/uploads', {
    clientId: randomUUID(), recordClientId, role: 'photo', fileName: 'p1.jpg', mimeType: 'image/jpeg', sizeBytes: data.length, sha256: sha(data),
    capturedAt: '2024-04-10T09:10:00+08:00', longitude: 121.41, latitude: 37.52, ...over,
  });
  const chunk = (uploadId: string, offset: number, data: Buffer) =>
    inject(b.officerA, 'PUT', `/api/field/uploads/${uploadId}?offset=${offset}`, data, { 'content-type': 'application/octet-stream' });

  it("lists the officer's day with the enterprise's key facts and credential numbers", async () => {
    const res = await inject(b.officerA, 'GET', '/api/field/today');
    expect(res.statusCode).toBe(200);
    const day = res.json();
    expect(day.tasks).toContainEqual(expect.objectContaining({ source: 'case', caseId, caseStage: 'investigating', officerIds: expect.arrayContaining([b.officerA.id, b.officerB.id]) }));
    expect(day.enterprises).toContainEqual(expect.objectContaining({ id: b.enterpriseId, outfalls: [expect.objectContaining({ code: 'DW001' })], openRectifications: [], longitude: 121.4 }));
    expect(day.officers).toContainEqual(expect.objectContaining({ id: b.officerB.id, credentialNo: expect.any(String) }));
    expect((await inject(b.reviewer, 'GET', '/api/field/today')).statusCode).toBe(403);
  });

  it('a retried record returns the first result and the case gets one investigation step', async () => {
    const body = record();
    const first = await inject(b.officerA, 'POST', '/api/field/records', body);
    expect(first.statusCode).toBe(201);
    const again = await inject(b.officerA, 'POST', '/api/field/records', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(first.json().caseStepId).toEqual(expect.any(Number));
    const rows = await ctx.database.db.select().from(fieldRecords).where(eq(fieldRecords.clientId, body.clientId));
    expect(rows).toHaveLength(1);
    const steps = await ctx.database.db.select().from(caseSteps).where(and(eq(caseSteps.caseId, caseId), eq(caseSteps.kind, 'inspection_record')));
    expect(steps).toHaveLength(1);
    expect(steps[0]!.data).toMatchObject({ summary: '废水总排口有黑色废水外排', place: '芝罘区测试路1号', onSite: '王测试', fieldClientId: body.clientId });
  });

  it('resumes an interrupted upload at the server offset and stores the file once as case evidence', async () => {
    const rec = record();
    expect((await inject(b.officerA, 'POST', '/api/field/records', rec)).statusCode).toBe(201);
    const data = randomBytes(300_000);
    const started = await announce(rec.clientId, data);
    expect(started.statusCode).toBe(201);
    const { uploadId } = started.json();
    expect(started.json()).toMatchObject({ offset: 0, complete: false });
    expect((await chunk(uploadId, 0, data.subarray(0, 100_000))).json()).toMatchObject({ offset: 100_000 });
    // The connection broke: the device asks where to go on.
    expect((await inject(b.officerA, 'GET', `/api/field/uploads/${uploadId}`)).json()).toMatchObject({ offset: 100_000 });
    const wrong = await chunk(uploadId, 0, data.subarray(0, 100_000));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: 'FIELD_UPLOAD_OFFSET_MISMATCH', field: 'offset', details: { offset: 100_000 } });
    const done = await chunk(uploadId, 100_000, data.subarray(100_000));
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ complete: true, evidenceId: expect.any(Number), offset: data.length });
    // A retried announcement and a repeated last chunk change nothing.
    const replay = await announce(rec.clientId, data, { clientId: started.json().clientId });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ uploadId, complete: true });
    expect((await chunk(uploadId, 100_000, data.subarray(100_000))).json()).toMatchObject({ evidenceId: done.json().evidenceId });
    const ev = await ctx.database.db.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, sha(data)));
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ caseId, kind: 'photo', stepId: expect.any(Number), latitude: 37.52, capturedAt: new Date('2024-04-10T01:10:00Z') });
    expect((await verifyEvidence(ctx.database.db, dir)).ok).toBe(true);
  });

  it('refuses a file whose hash differs from the device hash, and starts the upload over', async () => {
    const rec = record({ caseId: null, caseStage: null, task: { source: 'draw', id: 1 } });
    expect((await inject(b.officerA, 'POST', '/api/field/records', rec)).statusCode).toBe(201);
    const data = randomBytes(5000);
    const started = await announce(rec.clientId, data, { sha256: sha(Buffer.from('something else')) });
    const res = await chunk(started.json().uploadId, 0, data);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'FIELD_HASH_MISMATCH', field: 'sha256', details: { serverSha256: sha(data) } });
    expect((await inject(b.officerA, 'GET', `/api/field/uploads/${started.json().uploadId}`)).json()).toMatchObject({ offset: 0, complete: false });
    expect(await ctx.database.db.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, sha(data)))).toHaveLength(0);
    // A matching file of a record without a case belongs to the record itself.
    const good = await announce(rec.clientId, data, { role: 'signature_party', fileName: 'sig.png', mimeType: 'image/png' });
    expect((await chunk(good.json().uploadId, 0, data)).json()).toMatchObject({ complete: true });
    const [ev] = await ctx.database.db.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, sha(data)));
    expect(ev).toMatchObject({ caseId: null, ownerKind: 'field_record', kind: 'other' });
  });

  it('answers 409 with both versions when the case moved on meanwhile', async () => {
    const rec = record({ caseStage: 'case_review' });
    const res = await inject(b.officerA, 'POST', '/api/field/records', rec);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'FIELD_RECORD_CONFLICT', details: { device: { clientId: rec.clientId, caseStage: 'case_review' }, server: { id: caseId, stage: 'investigating' } } });
    expect(await ctx.database.db.select().from(fieldRecords).where(eq(fieldRecords.clientId, rec.clientId))).toHaveLength(0);
  });

  it.each([
    ['one officer', { officerIds: [1] }, 'FIELD_TWO_OFFICERS_REQUIRED', 'officerIds'],
    ['no party signature nor refusal', { signatures: { ...SIGNED, roles: ['signature_officer1', 'signature_officer2'] } }, 'FIELD_PARTY_SIGNATURE_REQUIRED', 'signatures'],
    ['a refusal without witness', { signatures: { ...SIGNED, roles: ['signature_officer1', 'signature_officer2'], partyRefused: true } }, 'FIELD_WITNESS_REQUIRED', 'signatures.witness'],
  ])('refuses a record with %s (422)', async (_name, over, code, field) => {
    const res = await inject(b.officerA, 'POST', '/api/field/records', record(over));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code, field });
  });
});
