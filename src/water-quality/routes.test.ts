import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { seedWaterDemo } from './demo.js';

function multipart(file: Buffer, name: string) {
  const boundary = '----ecogovwater';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe(`water quality API (${ENGINE})`, () => {
  let ctx: TestContext;
  let admin: Record<string, string>;
  let reader: Record<string, string>;
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await ctx.loginAs('administrator');
    reader = await ctx.loginAs('district_staff', { districtCode: '370611' });
    await seedWaterDemo(ctx.database.db, new Date('2021-01-05T00:00:00Z'), '2020-12');
  });
  afterAll(async () => ctx.close());

  it('evaluates the year as the seed reports it: national sections on target except dry ones, sources 100 %, sea 100 % excellent', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/water-quality/summary?period=2020', headers: reader });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.nationalSections).toMatchObject({ assessed: 10, dry: 1, onTargetShare: 100 });
    expect(body.seaAndDrinking).toMatchObject({ seaExcellentShare: 100, drinkingAttainmentRate: 100 });
    const ranked = body.doubleIndex.filter((r: { excellentRank: number | null }) => r.excellentRank !== null);
    expect(ranked.length).toBeGreaterThan(5);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i].excellentIndex).toBeLessThanOrEqual(ranked[i - 1].excellentIndex);
    const worst = body.evaluations.find((e: { code: string }) => e.code === 'SJ03');
    expect(worst).toMatchObject({ class: 6, classLabel: '劣Ⅴ类', meetsTarget: false });
    expect(worst.mainPollutants.length).toBeGreaterThan(0);
    // 环办〔2011〕22号 主要污染指标: at most three, each above Ⅲ with its class, toxic ones first, then by class and multiple.
    expect(worst.mainPollutants.length).toBeLessThanOrEqual(3);
    for (const m of worst.mainPollutants) expect(m.class).toBeGreaterThan(3);
    const key = (m: { toxic: boolean; class: number; exceedance: number | null }) => [Number(m.toxic), m.class, m.exceedance ?? -1];
    for (let i = 1; i < worst.mainPollutants.length; i++) {
      const [a, b] = [key(worst.mainPollutants[i - 1]), key(worst.mainPollutants[i])];
      expect(a[0]! > b[0]! || (a[0] === b[0] && (a[1]! > b[1]! || (a[1] === b[1] && a[2]! >= b[2]!)))).toBe(true);
    }
  });

  it('publishes the double index (recorded) and exports it', async () => {
    expect((await ctx.app.inject({ method: 'POST', url: '/api/water-quality/double-index/publish', headers: reader, payload: { period: '2020' } })).statusCode).toBe(403);
    const pub = await ctx.app.inject({ method: 'POST', url: '/api/water-quality/double-index/publish', headers: admin, payload: { period: '2020' } });
    expect(pub.statusCode).toBe(201);
    expect(pub.json().publication.title).toBe('2020年各区市水环境质量优良指数和达标指数排名');
    const summary = await ctx.app.inject({ method: 'GET', url: '/api/water-quality/summary?period=2020', headers: admin });
    expect(summary.json().publications).toHaveLength(1);
    const docx = await ctx.app.inject({ method: 'GET', url: '/api/water-quality/double-index/export?period=2020&format=docx', headers: reader });
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/water-quality/summary?period=2020-13', headers: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'period' });
  });

  it('creates sites with checked fields and imports samples with a per-row error report', async () => {
    const d = ctx.districtByCode('370602');
    const site = { code: 'T-SEC', name: '测试断面', kind: 'section', level: 'municipal', body: 'river', waterName: '测试河', districtId: d.id, townshipId: null, longitude: 121.4, latitude: 37.5, targetClass: 3, active: true };
    expect((await ctx.app.inject({ method: 'POST', url: '/api/water-quality/sites', headers: admin, payload: site })).statusCode).toBe(201);
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/water-quality/sites', headers: admin, payload: { ...site, code: 'T-SEA', kind: 'sea_point', targetClass: 5 } });
    expect(bad.json().error).toMatchObject({ code: 'TARGET_CLASS_INVALID', field: 'targetClass' });
    const refused = await ctx.app.inject({ method: 'POST', url: '/api/water-quality/samples', headers: admin, payload: { rows: [
      { siteCode: 'T-SEC', month: '2021-01', values: { nh3n: 0.8, do: 6, codmn: 3 } },
      { siteCode: 'T-SEC', month: '2021-02', values: { din: 0.1 } },
      { siteCode: 'NOPE', month: '2021-01', values: { nh3n: 1 } },
      { siteCode: 'T-SEC', month: '2099-01', sampledOn: '2099-01-10', values: { nh3n: 0.8 } },
      { siteCode: 'T-SEC', month: '2099-02', values: { nh3n: 0.8 } },
    ] } });
    expect(refused.statusCode).toBe(422);
    // A sample cannot be recorded before it is taken.
    expect(refused.json().error.details.errors.map((e: { row: number; code: string; field: string }) => [e.row, e.code, e.field])).toEqual([
      [2, 'PARAMETER_UNKNOWN', 'values.din'], [3, 'SITE_UNKNOWN', 'siteCode'], [4, 'DATE_IN_FUTURE', 'sampledOn'], [5, 'DATE_IN_FUTURE', 'month']]);
    const csv = '点位编码,月份,氨氮,溶解氧,高锰酸盐指数,断流\nT-SEC,2021-01,0.8,6,3,\nT-SEC,2021-02,,,,是\n';
    const { payload, contentType } = multipart(Buffer.from(csv), 'samples.csv');
    const ok = await ctx.app.inject({ method: 'POST', url: '/api/water-quality/samples/import', headers: { ...admin, 'content-type': contentType }, payload });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ rows: 2, skipped: 0 });
    const month = await ctx.app.inject({ method: 'GET', url: '/api/water-quality/summary?period=2021-01', headers: admin });
    expect(month.json().evaluations.find((e: { code: string }) => e.code === 'T-SEC')).toMatchObject({ class: 3, meetsTarget: true, drivers: ['nh3n'] });
  });
});
