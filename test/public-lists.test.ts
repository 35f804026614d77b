// The public (no login) lists beside the decisions: published rankings, water sections of a published period,
// 以案释法 typical cases and the 正面清单 — each readable without a session and downloadable as CSV with a BOM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers/app.js';
import { ENGINE } from './helpers/db.js';
import { fileCase, makeBureau, type Bureau } from './helpers/cases.js';
import { qualityPublications } from '../src/air-quality/tables.js';
import { typicalCases } from '../src/training/tables.js';
import { positiveListEntries } from '../src/supervision/tables.js';

describe(`public lists (${ENGINE})`, { timeout: 180_000 }, () => {
  let ctx: TestContext;
  let b: Bureau;
  let rankingId = 0;
  let typicalId = 0;
  const at = new Date('2026-12-01T10:00:00+08:00');
  const get = async (url: string) => {
    const res = await ctx.app.inject({ method: 'GET', url });
    return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.body, json: () => res.json(), disposition: String(res.headers['content-disposition'] ?? '') };
  };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => new Date('2026-12-04T10:00:00+08:00') });
    b = await makeBureau(ctx);
    const db = ctx.database.db;
    const [p] = await db.insert(qualityPublications).values({
      ranking: 'air_district_daily', period: '2026-11-30', title: '2026年11月30日各区市空气质量排名', publishedAt: at, publishedByName: '王科长',
      snapshot: { period: '2026-11-30', rows: [{ unitId: 1, unitName: '芝罘区', rank: 1, value: 3.1, lastYearValue: 3.4 }, { unitId: 2, unitName: '=福山区', rank: 2, value: 3.5, lastYearValue: null }] },
    }).returning();
    rankingId = p!.id;
    await db.insert(qualityPublications).values({ ranking: 'water_district_period', period: '2026-10', title: '2026年10月水环境双指数排名', publishedAt: at, publishedByName: '王科长', snapshot: { period: '2026-10', rows: [] } });
    const caseA = await fileCase(ctx, b, '2026-11-25');
    const caseB = await fileCase(ctx, b, '2026-11-25');
    const admin = b.admin.id;
    const [t] = await db.insert(typicalCases).values([
      { caseId: caseA, title: '某化工公司超标排放案', facts: '废水超标，"逗号,引号"', analysis: '分析', lesson: '意义', status: 'published', draftedById: admin, publishedAt: at, createdAt: at, updatedAt: at },
      { caseId: caseB, title: '未发布的草稿', facts: 'x', analysis: 'x', lesson: 'x', status: 'draft', draftedById: admin, createdAt: at, updatedAt: at },
    ]).returning();
    typicalId = t!.id;
    await db.insert(positiveListEntries).values([
      { enterpriseId: b.enterpriseId, status: 'published', admission: {} as never, proposedAt: at, publishedAt: at },
    ]);
  }, 180_000);
  afterAll(async () => ctx.close());

  it('lists published rankings and one ranking as published, without a session', async () => {
    const list = await get('/api/public/rankings?ranking=air_district_daily');
    expect(list.status).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ id: rankingId, period: '2026-11-30', ranking: 'air_district_daily' })]);
    expect(JSON.stringify(list.json())).not.toContain('王科长');
    const one = await get(`/api/public/rankings/${rankingId}`);
    expect(one.json().rows.map((r: { unitName: string; rank: number }) => [r.unitName, r.rank])).toEqual([['芝罘区', 1], ['=福山区', 2]]);
    expect((await get('/api/public/rankings/999999')).status).toBe(404);
    expect((await get('/api/public/rankings/abc')).status).toBe(400);
  });

  it('downloads a ranking as CSV with a BOM, a formula-looking cell defused', async () => {
    const csv = await get(`/api/public/rankings/${rankingId}/csv`);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF排名,地区,指数,上年同期\r\n')).toBe(true);
    expect(csv.body).toContain("2,'=福山区,3.5,\r\n");
    expect(csv.disposition).toContain("filename*=UTF-8''");
  });

  it('shows water sections only for a period whose double index was published', async () => {
    expect((await get('/api/public/water/sections?period=2026-10')).status).toBe(200);
    expect((await get('/api/public/water/sections?period=2026-09')).status).toBe(404);
    expect((await get('/api/public/water/sections?period=2026-13')).status).toBe(400);
  });

  it('lists published typical cases only, one by id, and as CSV', async () => {
    const list = await get('/api/public/typical-cases');
    expect(list.status).toBe(200);
    expect(list.json().items.map((c: { title: string }) => c.title)).toEqual(['某化工公司超标排放案']);
    expect((await get(`/api/public/typical-cases/${typicalId}`)).json()).toMatchObject({ title: '某化工公司超标排放案', lesson: '意义' });
    expect((await get(`/api/public/typical-cases/${typicalId + 1}`)).status).toBe(404);
    const csv = await get('/api/public/typical-cases.csv');
    expect(csv.body.startsWith('\uFEFF标题,')).toBe(true);
    expect(csv.body).toContain('"废水超标，""逗号,引号"""');
    expect(csv.body).not.toContain('未发布的草稿');
  });

  it('lists the positive list with enterprise names only, and as CSV', async () => {
    const list = await get('/api/public/positive-list');
    expect(list.status).toBe(200);
    const [item] = list.json().items;
    expect(Object.keys(item).sort()).toEqual(['districtName', 'enterpriseName', 'publishedAt']);
    expect(item.enterpriseName).toBe('烟台测试化工有限公司');
    const csv = await get('/api/public/positive-list.csv');
    expect(csv.body).toBe(`\uFEFF企业名称,区县,公布时间\r\n烟台测试化工有限公司,${item.districtName},${item.publishedAt}\r\n`);
  });
});
