import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { buildApp } from '../platform/http/app.js';
import { seedReferenceData } from '../platform/db/reference-data.js';
import { listDistrictsWithTownships } from '../organisation/queries.js';
import { addUser } from '../users/actions.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';
import { departments } from '../organisation/index.js';
import { evidenceFiles, verifyEvidence } from '../evidence/index.js';
import { loginHeaders, TEST_PASSWORD } from '../../test/helpers/app.js';
import { createTestDatabase, ENGINE } from '../../test/helpers/db.js';
import type { Database } from '../platform/db/index.js';
import type { FastifyInstance } from 'fastify';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function multipart(fields: Record<string, string>, file: { fileName: string; type: string; data: Buffer } | null) {
  const boundary = `----ecogov${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.fileName}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe(`study-session materials and activity photos as evidence files (${ENGINE})`, { timeout: 120_000 }, () => {
  const nowAt = new Date('2026-12-04T09:00:00+08:00');
  let database: Database; let app: FastifyInstance; let dir: string;
  let n = 0;
  const as = async (role: Role, districtCode?: string) => {
    const username = `materials-${role}-${++n}`;
    const districts = await listDistrictsWithTownships(database.db);
    const created = await addUser(database.db, SYSTEM_ACTOR, {
      username, displayName: username, password: TEST_PASSWORD, role, districtId: districtCode ? districts.find((d) => d.code === districtCode)!.id : null,
      departmentId: null, enterpriseId: null, credentialNo: role === 'enforcement_officer' ? `M${n}` : null, holdsLegalQualification: false,
    }, new Date());
    if (!created.ok) throw new Error(created.code);
    return { id: created.value.id as number, headers: await loginHeaders(app, username, TEST_PASSWORD) };
  };
  let leader: Awaited<ReturnType<typeof as>>; let officer: Awaited<ReturnType<typeof as>>;
  let sessionId: number; let activityId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReferenceData(database.db, new Date(), { rulesAsData: false });
    dir = mkdtempSync(join(tmpdir(), 'ecogov-materials-'));
    app = await buildApp({ database, clock: () => nowAt, evidenceDir: dir, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    await app.ready();
    leader = await as('bureau_leader');
    officer = await as('enforcement_officer', '370602');
    const s = await app.inject({ method: 'POST', url: '/api/training/study-sessions', headers: leader.headers, payload: {
      kind: 'leadership_group', topic: '学习行政处罚法', heldOn: '2026-03-20', hostId: leader.id, attendeeIds: [leader.id, officer.id], materials: [], minutes: '集体学习。',
    } });
    expect(s.statusCode, s.body).toBe(201);
    sessionId = s.json().id;
    const [dept] = await database.db.select().from(departments).orderBy(asc(departments.code)).limit(1);
    const plan = await app.inject({ method: 'POST', url: '/api/training/popularisation/plans', headers: leader.headers, payload: {
      year: 2026, title: '2026年度普法责任清单', items: [{ departmentId: dept!.id, content: '6.5环境日宣传', responsiblePerson: '张科长', dueOn: '2026-06-30' }],
    } });
    expect(plan.statusCode, plan.body).toBe(201);
    const act = await app.inject({ method: 'POST', url: '/api/training/popularisation/activities', headers: leader.headers, payload: {
      itemId: plan.json().items[0].id, title: '六五环境日进社区', heldOn: '2026-06-05', place: '芝罘区广场', audience: 'community', materialsGiven: 300, attendance: 120, photos: [],
    } });
    expect(act.statusCode, act.body).toBe(201);
    activityId = act.json().id;
  }, 120_000);
  afterAll(async () => { await app?.close(); await database?.close(); rmSync(dir, { recursive: true, force: true }); });

  const upload = (headers: Record<string, string>, url: string, data: Buffer, fileName = '学习材料.pdf', type = 'application/pdf', kind = 'pdf') => {
    const { payload, contentType } = multipart({ kind }, { fileName, type, data });
    return app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': contentType }, payload });
  };

  it('uploads, lists and downloads a study session’s material with its hash, audited on the session; verify sees it', async () => {
    const data = Buffer.from(`%PDF-1.4 学习材料 ${randomBytes(16).toString('hex')}`);
    const url = `/api/evidence/owned/study_session/${sessionId}`;
    const up = await upload(leader.headers, url, data);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ caseId: null, ownerKind: 'study_session', ownerId: sessionId, sha256: sha(data), sizeBytes: data.length, stored: 'new' });
    const list = await app.inject({ method: 'GET', url, headers: officer.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { fileName: string }) => i.fileName)).toEqual(['学习材料.pdf']);
    const content = await app.inject({ method: 'GET', url: list.json().items[0].contentUrl, headers: officer.headers });
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(data)).toBe(true);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'training_study_session'), eq(auditLog.entityId, String(sessionId))));
    expect(audit.map((a) => a.action)).toContain('evidence.upload');
    const verified = await verifyEvidence(database.db, dir);
    expect(verified).toMatchObject({ ok: true });
    expect(verified.records).toBeGreaterThanOrEqual(1);
  });

  it('attaches photos to a popularisation activity; others’ files stay apart', async () => {
    const photo = Buffer.from(randomBytes(64));
    const url = `/api/evidence/owned/popularisation_activity/${activityId}`;
    const up = await upload(leader.headers, url, photo, '活动现场.jpg', 'image/jpeg', 'photo');
    expect(up.statusCode, up.body).toBe(201);
    const list = await app.inject({ method: 'GET', url, headers: leader.headers });
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ fileName: '活动现场.jpg', ownerKind: 'popularisation_activity' });
  });

  it('refuses: officers may read but not upload, unknown owners are 404, a case-only step is refused, nothing stored', async () => {
    const data = Buffer.from('x');
    expect((await upload(officer.headers, `/api/evidence/owned/study_session/${sessionId}`, data)).statusCode).toBe(403);
    expect((await upload(leader.headers, '/api/evidence/owned/study_session/999999', data)).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/evidence/owned/case/1', headers: leader.headers })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: `/api/evidence/owned/study_session/${sessionId}` })).statusCode).toBe(401);
    const { payload, contentType } = multipart({ kind: 'pdf', stepId: '1' }, { fileName: 'a.pdf', type: 'application/pdf', data });
    const step = await app.inject({ method: 'POST', url: `/api/evidence/owned/study_session/${sessionId}`, headers: { ...leader.headers, 'content-type': contentType }, payload });
    expect(step.statusCode).toBe(422);
    const rows = await database.db.select().from(evidenceFiles).where(eq(evidenceFiles.ownerId, sessionId));
    expect(rows.filter((r) => r.ownerKind === 'study_session')).toHaveLength(1);
  });

  it('the database keeps exactly one owner per file (CHECK)', async () => {
    const base = { kind: 'photo' as const, fileName: 'a.jpg', mimeType: 'image/jpeg', sizeBytes: 1, sha256: 'a'.repeat(64), uploadedById: leader.id, createdAt: nowAt };
    await expect(database.db.insert(evidenceFiles).values({ ...base })).rejects.toThrow();
    await expect(database.db.insert(evidenceFiles).values({ ...base, ownerKind: 'study_session' })).rejects.toThrow();
  });

  it('parallel uploads to one session each get their row (the owner row lock serialises the total)', async () => {
    const url = `/api/evidence/owned/study_session/${sessionId}`;
    const results = await Promise.all([1, 2, 3].map((i) => upload(leader.headers, url, Buffer.from(`parallel ${i} ${randomBytes(8).toString('hex')}`), `p${i}.pdf`)));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const list = await app.inject({ method: 'GET', url, headers: leader.headers });
    expect(list.json().items).toHaveLength(4);
  });
});
