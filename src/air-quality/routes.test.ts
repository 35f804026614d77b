import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import type { Role } from '../platform/auth/roles.js';
import { listAudit } from '../platform/audit/log.js';
import { seedAirDemo } from './demo.js';

function multipart(file: Buffer, name: string) {
  const boundary = '----ecogovair';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

const day = (stationCode: string, date: string, v: { pm25: number; pm10: number; o3: number }) =>
  Array.from({ length: 24 }, (_, hour) => ({ stationCode, date, hour, so2: 8, no2: 30, co: 0.8, o3: v.o3, pm10: v.pm10, pm25: v.pm25 }));

describe(`air quality API: roles × endpoints (${ENGINE})`, () => {
  let ctx: TestContext;
  const headers = new Map<string, Record<string, string>>();
  const WHO = ['public', 'administrator', 'bureau_leader', 'enforcement_officer', 'legal_reviewer', 'committee_member', 'district_staff', 'licensing_staff', 'enterprise_user'] as const;
  beforeAll(async () => {
    ctx = await createTestContext();
    const admin = await ctx.loginAs('administrator');
    const enterprise = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: enterpriseInput(ctx) });
    for (const who of WHO) {
      if (who === 'public') { headers.set(who, {}); continue; }
      headers.set(who, await ctx.loginAs(who as Role, { districtCode: who === 'district_staff' ? '370602' : undefined, enterpriseId: who === 'enterprise_user' ? enterprise.json().id : undefined }));
    }
  });
  afterAll(async () => ctx.close());

  const readers = ['administrator', 'bureau_leader', 'enforcement_officer', 'legal_reviewer', 'committee_member', 'district_staff', 'licensing_staff'];
  const managers = ['administrator', 'bureau_leader'];
  const cells = WHO.flatMap((who) => (['read', 'manage'] as const).map((kind) => [who, kind] as const));
  it.each(cells)('%s %s', async (who, kind) => {
    const h = headers.get(who)!;
    const res = kind === 'read'
      ? await ctx.app.inject({ method: 'GET', url: '/api/air-quality/rankings/district-daily?date=2021-05-01', headers: h })
      : await ctx.app.inject({ method: 'POST', url: '/api/quality/trigger-rules', headers: h, payload: { name: '规则', ranking: 'air_district_daily', kind: 'last_place_streak', consecutive: 3, thresholdPercent: null, action: 'interview', active: false } });
    const expected = who === 'public' ? 401 : (kind === 'read' ? readers : managers).includes(who) ? (kind === 'read' ? 200 : 201) : 403;
    expect(res.statusCode).toBe(expected);
  });
});

describe(`air quality API: data, rankings, publication and triggers (${ENGINE})`, () => {
  let ctx: TestContext;
  let admin: Record<string, string>;
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await ctx.loginAs('administrator');
  });
  afterAll(async () => ctx.close());

  it('creates stations; 400 names a malformed field, 422 a value that breaks a rule', async () => {
    const zhifu = ctx.districtByCode('370602');
    const fushan = ctx.districtByCode('370611');
    const base = { name: '测试站', level: 'district', townshipId: null, longitude: 121.4, latitude: 37.5, active: true };
    expect((await ctx.app.inject({ method: 'POST', url: '/api/air-quality/stations', headers: admin, payload: { ...base, code: 'T1', districtId: zhifu.id } })).statusCode).toBe(201);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/air-quality/stations', headers: admin, payload: { ...base, code: 'T2', districtId: fushan.id } })).statusCode).toBe(201);
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/air-quality/stations', headers: admin, payload: { ...base, code: 'T3', districtId: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'districtId' });
    const taken = await ctx.app.inject({ method: 'POST', url: '/api/air-quality/stations', headers: admin, payload: { ...base, code: 'T1', districtId: zhifu.id } });
    expect(taken.statusCode).toBe(422);
    expect(taken.json().error).toMatchObject({ code: 'STATION_CODE_TAKEN', field: 'code' });
    const wrongTownship = await ctx.app.inject({ method: 'POST', url: '/api/air-quality/stations', headers: admin, payload: { ...base, code: 'T4', districtId: zhifu.id, townshipId: fushan.townships[0]!.id } });
    expect(wrongTownship.json().error).toMatchObject({ code: 'TOWNSHIP_NOT_IN_DISTRICT', field: 'townshipId' });
  });

  it('imports hourly values through the API, all-or-nothing with a per-row error report', async () => {
    const rows = [...day('T1', '2021-05-01', { pm25: 70, pm10: 100, o3: 120 }), { stationCode: 'NOPE', date: '2021-05-01', hour: 1 }, { stationCode: 'T1', date: '2021-05-01', hour: 25 }];
    const refused = await ctx.app.inject({ method: 'POST', url: '/api/air-quality/hourly', headers: admin, payload: { rows } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect(refused.json().error.details.errors).toEqual([
      { row: 25, field: 'stationCode', code: 'STATION_UNKNOWN', message: '站点编码不存在' },
      { row: 26, field: 'hour', code: 'HOUR_INVALID', message: '小时应为 0–23 的整数' },
    ]);
    const ok = await ctx.app.inject({ method: 'POST', url: '/api/air-quality/hourly', headers: admin, payload: { rows, skipInvalid: true } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ rows: 24, stationDays: 1, skipped: 2, from: '2021-05-01', to: '2021-05-01' });
  });

  it('imports CSV (GB18030 as Excel saves it) and .xlsx files', async () => {
    const header = '站点编码,日期,小时,SO2,NO2,CO,O3,PM10,PM2.5,PM2.5标识\n';
    const lines = Array.from({ length: 24 }, (_, h) => `T2,2021-05-01,${h},8,30,0.8,120,60,${h === 0 ? 999 : 30},${h === 0 ? 'M' : 'N'}`).join('\n');
    // 站点编码,日期,小时 … PM2.5标识 in GB18030, as Excel on a Chinese Windows saves CSV.
    const gbHeader = Buffer.from([0xd5, 0xbe, 0xb5, 0xe3, 0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0xc8, 0xd5, 0xc6, 0xda, 0x2c, 0xd0, 0xa1, 0xca, 0xb1]);
    expect(new TextDecoder('gb18030').decode(gbHeader)).toBe('站点编码,日期,小时');
    const rest = Buffer.from(header.slice('站点编码,日期,小时'.length).replace('标识', ''), 'latin1');
    const file = Buffer.concat([gbHeader, rest.subarray(0, rest.length - 1), Buffer.from([0xb1, 0xea, 0xca, 0xb6, 0x0a]), Buffer.from(lines, 'latin1')]);
    const { payload, contentType } = multipart(file, '小时数据.csv');
    const res = await ctx.app.inject({ method: 'POST', url: '/api/air-quality/hourly/import', headers: { ...admin, 'content-type': contentType }, payload });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 24, stationDays: 1, errors: [] });
    // The flagged hour (M) does not count: PM2.5 is the mean of the 23 valid hours.
    const hours = await ctx.app.inject({ method: 'GET', url: `/api/air-quality/series?unit=district&id=${ctx.districtByCode('370611').id}&from=2021-05-01&to=2021-05-01`, headers: admin });
    expect(hours.json().days[0]).toMatchObject({ pm25: 30, pm10: 60 });

    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('小时数据');
    sheet.addRow(['站点编码', '时间', 'PM2.5', 'PM10']);
    sheet.addRow(['T2', '2021-05-02 03:00', 40, 'abc']);
    const xlsx = multipart(Buffer.from(await wb.xlsx.writeBuffer()), 'hours.xlsx');
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/air-quality/hourly/import', headers: { ...admin, 'content-type': xlsx.contentType }, payload: xlsx.payload });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors).toEqual([{ row: 2, field: 'pm10', code: 'NUMBER_EXPECTED', message: '应为数字' }]);
    const missing = multipart(Buffer.from('foo,bar\n1,2\n'), 'x.csv');
    const res2 = await ctx.app.inject({ method: 'POST', url: '/api/air-quality/hourly/import', headers: { ...admin, 'content-type': missing.contentType }, payload: missing.payload });
    expect(res2.json().error).toMatchObject({ code: 'IMPORT_HEADER_MISSING', field: '站点编码' });
  });

  it('runs a large import as a background job with progress', async () => {
    const csv = '站点编码,日期,小时,PM2.5\n' + Array.from({ length: 48 }, (_, i) => `T2,2021-05-0${2 + Math.floor(i / 24)},${i % 24},35`).join('\n');
    const { payload, contentType } = multipart(Buffer.from(csv), 'h.csv');
    const started = await ctx.app.inject({ method: 'POST', url: '/api/air-quality/hourly/import?async=true', headers: { ...admin, 'content-type': contentType }, payload });
    expect(started.statusCode).toBe(202);
    let job = started.json();
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await ctx.app.inject({ method: 'GET', url: `/api/air-quality/import-jobs/${job.id}`, headers: admin })).json();
    }
    expect(job).toMatchObject({ status: 'done', result: { rows: 48, stationDays: 2 } });
  });

  it('ranks districts by the day\'s composite index and computes the AQI (HJ 633)', async () => {
    await ctx.app.inject({ method: 'POST', url: '/api/air-quality/hourly', headers: admin, payload: { rows: day('T2', '2021-05-01', { pm25: 30, pm10: 60, o3: 120 }) } });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/air-quality/rankings/district-daily?date=2021-05-01', headers: admin });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const [first, second] = body.rows;
    // 福山区: O3 120 all day → MDA8 120 → IAQI 67; PM10 60 → 55; PM2.5 30 → 43.
    expect(first).toMatchObject({ unitName: '福山区', rank: 1, aqi: 67, primaryPollutants: ['o3'] });
    // 芝罘区: PM2.5 70 → IAQI 94 (the standard's check value), PM10 100 → 75.
    expect(second).toMatchObject({ unitName: '芝罘区', rank: 2, aqi: 94, primaryPollutants: ['pm25'], category: '良', colour: '#FFFF00' });
    // 8/60 + 30/40 + 100/70 + 70/35 + 0.8/4 + 120/160 = 5.2619… → 5.26
    expect(second.compositeIndex).toBe(5.26);
    expect(body.rows.slice(2).every((r: { rank: number | null }) => r.rank === null)).toBe(true);
    expect(body.standard).toBe('HJ633-2012');
  });

  it('publishes a ranking (recorded, audited) and raises the triggered interview once', async () => {
    const rule = await ctx.app.inject({ method: 'POST', url: '/api/quality/trigger-rules', headers: admin, payload: { name: '末位即约谈', ranking: 'air_district_daily', kind: 'last_place_streak', consecutive: 1, thresholdPercent: null, action: 'interview', active: true } });
    expect(rule.statusCode).toBe(201);
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/quality/trigger-rules', headers: admin, payload: { name: 'x', ranking: 'air_district_daily', kind: 'worsening', consecutive: null, thresholdPercent: null, action: 'interview', active: true } });
    expect(bad.json().error).toMatchObject({ code: 'TRIGGER_THRESHOLD_REQUIRED', field: 'thresholdPercent' });
    const pub = await ctx.app.inject({ method: 'POST', url: '/api/air-quality/rankings/district-daily/publish', headers: admin, payload: { period: '2021-05-01' } });
    expect(pub.statusCode).toBe(201);
    expect(pub.json().publication).toMatchObject({ ranking: 'air_district_daily', period: '2021-05-01', title: '2021年5月1日各区市环境空气质量排名' });
    expect(pub.json().sanctions).toEqual([expect.objectContaining({ kind: 'interview', unitName: '芝罘区' })]);
    const again = await ctx.app.inject({ method: 'POST', url: '/api/air-quality/rankings/district-daily/publish', headers: admin, payload: { period: '2021-05-01' } });
    expect(again.json().sanctions).toEqual([]);
    const sanctions = await ctx.app.inject({ method: 'GET', url: `/api/quality/sanctions?districtId=${ctx.districtByCode('370602').id}`, headers: admin });
    expect(sanctions.json().items).toHaveLength(1);
    const ranking = await ctx.app.inject({ method: 'GET', url: '/api/air-quality/rankings/district-daily?date=2021-05-01', headers: admin });
    expect(ranking.json().publications).toHaveLength(2);
    expect(ranking.json().sanctions[0]).toMatchObject({ kind: 'interview', districtName: '芝罘区', status: 'raised' });
    const audit = await listAudit(ctx.database.db, { entity: 'quality_sanction', page: 1, pageSize: 10 });
    expect(audit.items.map((a) => a.action)).toEqual(['quality.sanction.raise']);
    const lift = await ctx.app.inject({ method: 'POST', url: `/api/quality/sanctions/${sanctions.json().items[0].id}/lift`, headers: admin, payload: { reason: '已整改' } });
    expect(lift.statusCode).toBe(200);
    const twice = await ctx.app.inject({ method: 'POST', url: `/api/quality/sanctions/${sanctions.json().items[0].id}/lift`, headers: admin, payload: { reason: '已整改' } });
    expect(twice.statusCode).toBe(409);
    const empty = await ctx.app.inject({ method: 'POST', url: '/api/air-quality/rankings/district-daily/publish', headers: admin, payload: { period: '2020-01-01' } });
    expect(empty.json().error).toMatchObject({ code: 'RANKING_EMPTY', field: 'period' });
  });

  it('exports a ranking to Excel and to a Word bulletin', async () => {
    const xlsx = await ctx.app.inject({ method: 'GET', url: '/api/air-quality/rankings/district-daily/export?period=2021-05-01', headers: admin });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('2021年5月1日各区市环境空气质量排名');
    const docx = await ctx.app.inject({ method: 'GET', url: '/api/air-quality/rankings/district-daily/export?period=2021-05-01&format=docx', headers: admin });
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/air-quality/rankings/township-monthly/export?period=2021-05-01', headers: admin });
    expect(bad.json().error).toMatchObject({ code: 'PERIOD_INVALID', field: 'period' });
  });

  it('serves the station map of a day, the data extent and a station\'s hours', async () => {
    const map = await ctx.app.inject({ method: 'GET', url: '/api/air-quality/map?date=2021-05-01', headers: admin });
    expect(map.json().stations.find((s: { code: string }) => s.code === 'T1')).toMatchObject({ aqi: 94, colour: '#FFFF00' });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/air-quality/extent', headers: admin })).json()).toEqual({ first: '2021-05-01', last: '2021-05-03' });
    const id = map.json().stations.find((s: { code: string }) => s.code === 'T1').id;
    const hours = await ctx.app.inject({ method: 'GET', url: `/api/air-quality/stations/${id}/hours?date=2021-05-01`, headers: admin });
    expect(hours.json().hours).toHaveLength(24);
  });
});

describe(`air quality API: demo data, monthly township ranking and annual assessment (${ENGINE})`, () => {
  let ctx: TestContext;
  let admin: Record<string, string>;
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await ctx.loginAs('bureau_leader');
    await seedAirDemo(ctx.database.db, new Date('2021-06-01T00:00:00Z'), undefined, { stations: 24, days: 31, endOn: '2021-05-31' });
  });
  afterAll(async () => ctx.close());

  it('ranks townships for a month with ties handled and year-on-year change', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/air-quality/rankings/township-monthly?month=2021-05', headers: admin });
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as { rank: number | null; value: number | null; lastYearComposite: number | null; changePercent: number | null; complete: boolean }[];
    expect(rows.length).toBeGreaterThan(5);
    for (let i = 1; i < rows.length; i++) {
      if (rows[i]!.rank === null) continue;
      expect(rows[i]!.value!).toBeGreaterThanOrEqual(rows[i - 1]!.value!);
      if (rows[i]!.value === rows[i - 1]!.value) expect(rows[i]!.rank).toBe(rows[i - 1]!.rank);
    }
    expect(rows.every((r) => r.lastYearComposite !== null && r.changePercent !== null && r.complete)).toBe(true);
    const pm = await ctx.app.inject({ method: 'GET', url: '/api/air-quality/rankings/township-monthly?month=2021-05&metric=good_day_ratio', headers: admin });
    expect(pm.json().metric).toBe('good_day_ratio');
  });

  it('publishing the monthly ranking raises the seeded default rules\' sanctions, each once', async () => {
    const pub = await ctx.app.inject({ method: 'POST', url: '/api/air-quality/rankings/township-monthly/publish', headers: admin, payload: { period: '2021-05' } });
    expect(pub.statusCode).toBe(201);
    const rules = (await ctx.app.inject({ method: 'GET', url: '/api/quality/trigger-rules', headers: admin })).json().items;
    expect(rules.length).toBeGreaterThanOrEqual(3);
  });

  it('assesses the year: incomplete data leave attainment undetermined', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/air-quality/assessment?year=2021', headers: admin });
    expect(res.statusCode).toBe(200);
    const city = res.json().units[0];
    expect(city).toMatchObject({ kind: 'city', unitName: '烟台市' });
    expect(city.pollutants.pm25.complete).toBe(false); // 31 days < 324 (GB 3095-2012 表4)
    // GB 3095-2012 表4: statistics from too few days are not assessable, whatever their value.
    expect(Object.values(city.pollutantAttains)).toEqual([null, null, null, null, null, null]);
    expect(city.attains).toBeNull();
    expect(city.improvement.pm25).toBeGreaterThan(0);
  });

  it('names the city row after the area the bureau serves (a setting); a settings change that omits it keeps it', async () => {
    const read = async () => (await ctx.app.inject({ method: 'GET', url: '/api/air-quality/assessment?year=2021', headers: admin })).json().units[0].unitName;
    const administrator = await ctx.loginAs('administrator');
    const put = async (change: (value: { bureau: Record<string, unknown> } & Record<string, unknown>) => object, reason: string) => {
      const got = await ctx.app.inject({ method: 'GET', url: '/api/settings', headers: administrator });
      expect(got.statusCode, got.body).toBe(200);
      const current = got.json();
      const { demoValues: _demo, ...value } = current.value;
      const res = await ctx.app.inject({ method: 'PUT', url: '/api/settings', headers: administrator, payload: { value: change(value), version: current.version, reason } });
      expect(res.statusCode, res.body).toBe(200);
    };
    await put((v) => ({ ...v, bureau: { ...v.bureau, areaName: '威海市' } }), '辖区名称');
    expect(await read()).toBe('威海市');
    await put((v) => { const { areaName: _area, ...bureau } = v.bureau; return { ...v, bureau: { ...bureau, phone: '0631-12369' } }; }, '电话');
    expect(await read()).toBe('威海市');
    await put((v) => ({ ...v, bureau: { ...v.bureau, areaName: '烟台市' } }), '恢复');
    expect(await read()).toBe('烟台市');
  });

  it('gives the composite index of the city, districts and townships for a day, month and year', async () => {
    for (const [level, period] of [['city', '2021-05-31'], ['district', '2021-05'], ['township', '2021']] as const) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/air-quality/composite?level=${level}&period=${period}`, headers: admin });
      expect(res.statusCode).toBe(200);
      expect(res.json().rows[0]).toMatchObject({ rank: 1 });
      expect(res.json().rows[0].compositeIndex).toBeGreaterThan(0);
    }
    const daily = (await ctx.app.inject({ method: 'GET', url: '/api/air-quality/rankings/district-daily?date=2021-05-31', headers: admin })).json();
    const same = (await ctx.app.inject({ method: 'GET', url: '/api/air-quality/composite?level=district&period=2021-05-31', headers: admin })).json();
    expect(same.rows.map((r: { unitId: number; compositeIndex: number }) => [r.unitId, r.compositeIndex]).sort())
      .toEqual(daily.rows.map((r: { unitId: number; compositeIndex: number }) => [r.unitId, r.compositeIndex]).sort());
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/air-quality/composite?period=2021-02-30', headers: admin });
    expect(bad.json().error).toMatchObject({ code: 'PERIOD_INVALID', field: 'period' });
  });

  it('serves a calendar series and validates its period', async () => {
    const ok = await ctx.app.inject({ method: 'GET', url: '/api/air-quality/series?unit=city&from=2021-05-01&to=2021-05-31', headers: admin });
    expect(ok.json().days).toHaveLength(31);
    expect(ok.json().days[0]).toHaveProperty('colour');
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/air-quality/series?unit=city&from=2021-05-31&to=2021-05-01', headers: admin });
    expect(bad.json().error).toMatchObject({ code: 'DATE_INVALID', field: 'to' });
    const noId = await ctx.app.inject({ method: 'GET', url: '/api/air-quality/series?unit=district&from=2021-05-01&to=2021-05-31', headers: admin });
    expect(noId.json().error).toMatchObject({ code: 'REQUIRED', field: 'id' });
  });
});
