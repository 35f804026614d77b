// The whole public API (issue 16), walked from the OpenAPI document with seeded data: every GET under /api/public/
// answers without a 500, and no body carries an ID-number-shaped or phone-shaped string, although the records
// behind them hold both (a decision's facts, a request's applicant, a report's contact, a lead's summary). The
// public routes of air/water quality, training and supervision carry the same CORS and ETag treatment as the
// decisions (src/platform/http/public-api.ts), and the per-IP limit holds on them too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, type Bureau } from '../../test/helpers/cases.js';
import { seedCalendar } from '../calendar/index.js';
import { cases, leads } from '../cases/index.js';
import { recordPublication } from '../air-quality/index.js';
import { positiveListEntries } from '../supervision/index.js';
import { typicalCases } from '../training/tables.js';
import { users } from '../users/index.js';
import type { Principal } from '../platform/auth/roles.js';

const ID_SHAPE = /\d{17}[\dXx]/;
const PHONE_SHAPE = /1[3-9]\d{9}/;
const ID_NUMBER = '370602197001011234';
const PHONE = '13812345678';

describe(`every public GET route, walked from the OpenAPI document (${ENGINE})`, { timeout: 240_000 }, () => {
  let ctx: TestContext;
  let b: Bureau;
  const nowAt = new Date('2026-12-04T10:00:00+08:00');
  const ids: Record<string, string> = {};
  const call = async (url: string, headers: Record<string, string> = {}, remoteAddress?: string) => {
    const res = await ctx.app.inject({ method: 'GET', url, headers, ...(remoteAddress ? { remoteAddress } : {}) });
    return { status: res.statusCode, text: res.body, headers: res.headers };
  };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    await seedCalendar(ctx.database.db, nowAt);
    b = await makeBureau(ctx);
    const leader = b.leader.headers;
    // A published decision whose source facts name a person with an ID number and a phone.
    const caseId = await fileCase(ctx, b, '2026-11-25');
    await ctx.database.db.update(cases).set({
      decisionKind: 'penalty', decidedOn: '2026-11-27', decisionNumber: '烟环罚〔2026〕501号', decisionFineFen: 3_000_000,
      proposal: {
        penaltyKinds: ['fine'], fineFen: 3_000_000, violatedProvisions: '《中华人民共和国水污染防治法》第十条', penaltyBasis: '《中华人民共和国水污染防治法》第八十三条', discretionReason: null,
        facts: `法定代表人王测试（身份证号${ID_NUMBER}，电话${PHONE}）称，废水总排口化学需氧量超标。`,
      },
      decision: { penaltyKinds: ['fine'], reasons: '超标排放', basis: '《中华人民共和国水污染防治法》第八十三条' },
    }).where(eq(cases.id, caseId));
    const published = await ctx.app.inject({ method: 'POST', url: `/api/disclosure/cases/${caseId}/publish`, headers: leader });
    expect(published.statusCode).toBe(201);
    ids.decision = String(published.json().id);
    ids.enterprise = String(b.enterpriseId);
    ids.district = String(ctx.districtByCode('370602').id);
    // A lead whose summary holds both (the watch list's internal reason), made public by the bureau's setting.
    const other = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: b.admin.headers, payload: { ...enterpriseInput(ctx), name: '烟台移送化工有限公司' } });
    expect(other.statusCode).toBe(201);
    ids.watched = String(other.json().id);
    const lead = await ctx.app.inject({ method: 'POST', url: '/api/leads', headers: b.officerA.headers, payload: { source: 'transfer', enterpriseId: Number(ids.watched), summary: '公安机关移送：夜间偷排', discoveredOn: '2026-06-01' } });
    expect(lead.statusCode).toBe(201);
    await ctx.database.db.update(leads).set({ summary: `联系人电话${PHONE}，身份证${ID_NUMBER}` }).where(eq(leads.enterpriseId, Number(ids.watched)));
    const settings = (await ctx.app.inject({ method: 'GET', url: '/api/settings', headers: b.admin.headers })).json();
    const { demoValues: _d, ...value } = settings.value;
    expect((await ctx.app.inject({ method: 'PUT', url: '/api/settings', headers: b.admin.headers, payload: { value: { ...value, watchList: { ...value.watchList, publicView: true } }, version: settings.version, reason: '公开名单' } })).statusCode).toBe(200);
    // A request for information (identity and phone) and a data-error report (contact phone).
    const request = await ctx.app.inject({ method: 'POST', url: '/api/public/info-requests', payload: {
      applicantKind: 'citizen', applicantName: '王小明', idNumber: ID_NUMBER, phone: PHONE, address: '烟台市芝罘区', description: '环评批复文件', provisionForm: 'electronic',
    } });
    ids.number = request.json().number;
    const report = await ctx.app.inject({ method: 'POST', url: '/api/public/error-reports', payload: { recordKind: 'penalty-decision', recordId: ids.decision, description: '罚款金额有误', contact: PHONE } });
    ids.ticket = report.json().ticket;
    // A published ranking, a published typical case and a positive-list entry.
    const [u] = await ctx.database.db.select().from(users).where(eq(users.id, b.leader.id));
    const principal = { id: u!.id, username: u!.username, displayName: u!.displayName, role: u!.role, districtId: null, enterpriseId: null } as Principal;
    const ranking = await recordPublication(ctx.database.db, principal, {
      ranking: 'air_district_daily', period: '2026-12-03', title: '2026年12月3日各区县空气质量排名',
      snapshot: [{ unitId: 1, unitName: '芝罘区', rank: 1, value: 3.21, lastYearValue: 3.5 }], history: [], districtOf: () => ({ districtId: Number(ids.district), townshipId: null }),
    }, nowAt);
    ids.ranking = String(ranking.publication.id);
    const [typical] = await ctx.database.db.insert(typicalCases).values({
      caseId, title: '某化工企业超标排放案', facts: '某公司（以下简称A公司）废水超标排放。', analysis: '违反水污染防治法第十条。', lesson: '企业须持证按证排污。',
      status: 'published', draftedById: b.leader.id, publishedAt: nowAt, createdAt: nowAt, updatedAt: nowAt,
    }).returning();
    ids.typical = String(typical!.id);
    await ctx.database.db.insert(positiveListEntries).values({ enterpriseId: b.enterpriseId, status: 'published', admission: {} as never, proposedAt: nowAt, publishedAt: nowAt });
  }, 240_000);
  afterAll(async () => ctx.close());

  /** The path parameters and queries the walk uses, by path (from the seeded records above). */
  const urlOf = (path: string) => {
    const param = (name: string) => {
      if (name === 'number') return ids.number!;
      if (name === 'ticket') return ids.ticket!;
      if (path.includes('/decisions/')) return ids.decision!;
      if (path.includes('/enterprises/')) return ids.enterprise!;
      if (path.includes('/districts/')) return ids.district!;
      if (path.includes('/rankings/')) return ids.ranking!;
      if (path.includes('/typical-cases/')) return ids.typical!;
      return '1';
    };
    const query = path === '/api/public/water/sections' ? '?period=2026-11' : '';
    return path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(param(name))) + query;
  };

  it('property: no ID-number-shaped or phone-shaped string in any public GET answer; none answers 500', async () => {
    const doc = ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const paths = Object.entries(doc.paths).filter(([p, ops]) => p.startsWith('/api/public/') && 'get' in ops).map(([p]) => p);
    expect(paths.length).toBeGreaterThan(20);
    const ok: string[] = [];
    for (const path of paths) {
      const url = urlOf(path);
      const r = await call(url);
      expect(r.status, url).toBeLessThan(500);
      if (r.status === 200) ok.push(path);
      // xlsx bodies are zipped: their sheets are the same rows as the CSV and JSON walked here.
      if (String(r.headers['content-type']).includes('spreadsheetml')) continue;
      expect(r.text, url).not.toMatch(ID_SHAPE);
      expect(r.text, url).not.toMatch(PHONE_SHAPE);
    }
    // The seeded records were found, so the checks above read real payloads.
    for (const p of ['/api/public/decisions', '/api/public/decisions/{id}', '/api/public/enterprises/{id}/compliance', '/api/public/watch-list',
      '/api/public/rankings', '/api/public/rankings/{id}', '/api/public/typical-cases', '/api/public/typical-cases/{id}', '/api/public/positive-list',
      '/api/public/info-requests/{number}', '/api/public/error-reports/{ticket}', '/api/public/feeds/decisions']) {
      expect(ok, p).toContain(p);
    }
    const watch = await call('/api/public/watch-list');
    expect(JSON.parse(watch.text).items.map((i: { enterpriseId: number }) => i.enterpriseId)).toContain(Number(ids.watched));
  });

  it.each([
    '/api/public/rankings', '/api/public/rankings/{id}', '/api/public/water/sections', '/api/public/typical-cases', '/api/public/typical-cases/{id}',
    '/api/public/positive-list', '/api/public/decisions', '/api/public/enterprises/{id}/compliance',
  ])('%s: open CORS, an ETag, and 304 when the client holds it', async (path) => {
    const url = urlOf(path);
    const first = await call(url);
    // water/sections answers 404 for a period without a published double index: CORS still applies.
    expect(first.headers['access-control-allow-origin'], url).toBe('*');
    if (first.status === 404) return;
    expect(first.status, url).toBe(200);
    expect(first.headers.etag, url).toMatch(/^"[^"]+"$/);
    expect(first.headers['access-control-expose-headers']).toBe('ETag');
    const again = await call(url, { 'if-none-match': String(first.headers.etag) });
    expect(again.status, url).toBe(304);
    expect(again.headers['access-control-allow-origin']).toBe('*');
    expect((await call(url, { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it.each(['/api/public/typical-cases.csv', '/api/public/positive-list.csv', '/api/public/rankings/{id}/csv', '/api/public/info-requests/{number}'])(
    '%s: open CORS', async (path) => {
      expect((await call(urlOf(path))).headers['access-control-allow-origin']).toBe('*');
    });

  it('the per-IP limit holds on the quality, training and supervision public routes: 429 past it, another address unaffected', async () => {
    for (const url of ['/api/public/rankings', '/api/public/typical-cases', '/api/public/positive-list']) {
      let last = 0;
      for (let i = 0; i < 121; i++) last = (await call(url, {}, '10.7.7.7')).status;
      expect(last, url).toBe(429);
      expect((await call(url, {}, '10.7.7.8')).status, url).toBe(200);
    }
  });
});
