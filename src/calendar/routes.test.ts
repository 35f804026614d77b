import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import type { Role } from '../platform/auth/roles.js';
import { seedCalendar } from './actions.js';
import { loadWorkingCalendar } from './queries.js';
import { addWorkingDays, isWorkingDay } from '../law/working-days.js';
import { CN_HOLIDAY_ARRANGEMENTS } from '../law/data/cn-holidays.js';

// A made-up arrangement for a future year, for tests only.
const year2030 = (overrides: Record<string, unknown> = {}) => ({
  source: '国办发明电〔2029〕测试号',
  note: null,
  days: [
    { on: '2030-09-29', kind: 'work', name: '国庆节' },
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ on: `2030-10-${d}`, kind: 'rest', name: '国庆节' })),
    { on: '2030-10-12', kind: 'work', name: '国庆节' },
  ],
  ...overrides,
});

const ROLES: ('public' | Role)[] = ['public', 'administrator', 'enforcement_officer', 'legal_reviewer', 'committee_member', 'bureau_leader',
  'district_staff', 'licensing_staff', 'enterprise_user'];

describe(`holiday calendar API: role × endpoint (${ENGINE})`, () => {
  let ctx: TestContext;
  const headers = new Map<string, Record<string, string>>();
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedCalendar(ctx.database.db, new Date());
    const admin = await ctx.loginAs('administrator');
    const enterprise = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: enterpriseInput(ctx) });
    for (const role of ROLES) {
      if (role === 'public') { headers.set(role, {}); continue; }
      headers.set(role, await ctx.loginAs(role, {
        districtCode: role === 'district_staff' ? '370602' : undefined,
        enterpriseId: role === 'enterprise_user' ? enterprise.json().id : undefined,
      }));
    }
  });
  afterAll(async () => ctx.close());

  const expected = (who: string, endpoint: 'years' | 'year' | 'put') => {
    if (who === 'public') return 401;
    if (endpoint === 'put') return who === 'administrator' ? 201 : 403;
    return 200;
  };

  it.each(ROLES.flatMap((who) => (['years', 'year', 'put'] as const).map((e) => [who, e] as const)))(
    '%s %s', async (who, endpoint) => {
      const h = headers.get(who)!;
      const res = endpoint === 'years' ? await ctx.app.inject({ method: 'GET', url: '/api/calendar/years', headers: h })
        : endpoint === 'year' ? await ctx.app.inject({ method: 'GET', url: '/api/calendar/2021', headers: h })
          : await ctx.app.inject({ method: 'PUT', url: '/api/calendar/2030', headers: h, payload: year2030() });
      expect(res.statusCode).toBe(expected(who, endpoint));
      if (res.statusCode >= 400) expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
    });
});

describe(`holiday calendar API: data, validation and audit (${ENGINE})`, () => {
  let ctx: TestContext;
  let admin: Record<string, string>;
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await ctx.loginAs('administrator');
  });
  afterAll(async () => ctx.close());

  it('seeds 2020–2026 once (the test context seeds reference data), audited; a second seed changes nothing', async () => {
    expect(await seedCalendar(ctx.database.db, new Date())).toEqual({ years: [] });
    const audit = await ctx.app.inject({ method: 'GET', url: '/api/audit?entity=calendar_year', headers: admin });
    expect(audit.json().items.filter((e: { action: string }) => e.action === 'calendar.seed')).toHaveLength(1);
    const years = await ctx.app.inject({ method: 'GET', url: '/api/calendar/years', headers: admin });
    expect(years.json().items.map((y: { year: number }) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(years.json().items[1]).toMatchObject({ year: 2021, source: '国办发明电〔2020〕27号', restDays: 31, workDays: 7 });
  });

  it('returns a year day by day with the notice of each day', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/calendar/2020', headers: admin });
    expect(res.statusCode).toBe(200);
    const days = res.json().days as { on: string; kind: string; source: string }[];
    expect(days).toHaveLength(CN_HOLIDAY_ARRANGEMENTS[0]!.days.length);
    expect(days.find((d) => d.on === '2020-02-01')).toMatchObject({ kind: 'rest', source: '国办发明电〔2020〕1号' });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/calendar/2019', headers: admin })).statusCode).toBe(404);
  });

  it('loadWorkingCalendar builds the 行政处罚法 第八十五条 calendar from the database', async () => {
    const cal = await loadWorkingCalendar(ctx.database.db);
    expect(isWorkingDay(cal, '2021-09-18')).toEqual({ ok: true, value: true });
    expect(isWorkingDay(cal, '2024-02-04')).toEqual({ ok: true, value: true });
    expect(isWorkingDay(cal, '2021-10-01')).toEqual({ ok: true, value: false });
    expect(addWorkingDays(cal, '2021-09-30', 5)).toEqual({ ok: true, value: '2021-10-13' });
    // A year not on record is read on its provisional calendar, never refused.
    expect(isWorkingDay(cal, '2031-03-03')).toEqual({ ok: true, value: true, provisional: true, provisionalYears: [2031] });
  });

  it.each([
    ['year', '/api/calendar/abc', year2030()],
    ['days.0.on', '/api/calendar/2030', year2030({ days: [{ on: '2030/10/01', kind: 'rest', name: '国庆节' }] })],
    ['days.0.kind', '/api/calendar/2030', year2030({ days: [{ on: '2030-10-01', kind: 'holiday', name: '国庆节' }] })],
    ['days.0.name', '/api/calendar/2030', year2030({ days: [{ on: '2030-10-01', kind: 'rest', name: ' ' }] })],
    ['source', '/api/calendar/2030', year2030({ source: '' })],
    ['days', '/api/calendar/2030', year2030({ days: [] })],
  ])('400 names the field %s', async (field, url, payload) => {
    const res = await ctx.app.inject({ method: 'PUT', url, headers: admin, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', field });
  });

  const rest = (on: string) => ({ on, kind: 'rest', name: '国庆节' });
  it.each([
    ['CALENDAR_DATE_INVALID', 'days.1.on', [rest('2030-10-01'), rest('2030-02-30')]],
    ['CALENDAR_DATE_OUTSIDE_YEAR', 'days.1.on', [rest('2030-10-01'), rest('2031-01-01')]],
    ['CALENDAR_DATE_DUPLICATE', 'days.1.on', [rest('2030-10-01'), rest('2030-10-01')]],
    ['CALENDAR_WORK_DAY_NOT_WEEKEND', 'days.1.on', [rest('2030-10-01'), { on: '2030-10-08', kind: 'work', name: '国庆节' }]],
    ['CALENDAR_REST_DAY_NOT_IN_BLOCK', 'days.1.on', [rest('2030-10-01'), rest('2030-07-13')]],
    ['CALENDAR_NO_REST_DAYS', 'days', [{ on: '2030-10-12', kind: 'work', name: '国庆节' }]],
  ])('422 %s at %s, nothing written', async (code, field, days) => {
    const res = await ctx.app.inject({ method: 'PUT', url: '/api/calendar/2030', headers: admin, payload: year2030({ days }) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code, field });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/calendar/2030', headers: admin })).statusCode).toBe(404);
  });

  it('adds a year (201), replaces it (200), each audited with before and after', async () => {
    const created = await ctx.app.inject({ method: 'PUT', url: '/api/calendar/2030', headers: admin, payload: year2030() });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ year: 2030, source: '国办发明电〔2029〕测试号' });
    expect(created.json().days).toHaveLength(9);
    const cal = await loadWorkingCalendar(ctx.database.db);
    expect(isWorkingDay(cal, '2030-10-12')).toEqual({ ok: true, value: true });

    const days = year2030().days.filter((d) => d.on !== '2030-10-12');
    const replaced = await ctx.app.inject({ method: 'PUT', url: '/api/calendar/2030', headers: admin, payload: year2030({ days, reason: '更正' }) });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().days).toHaveLength(8);

    const audit = await ctx.app.inject({ method: 'GET', url: '/api/audit?entity=calendar_year&entityId=2030', headers: admin });
    const [replace, create] = audit.json().items;
    expect(create).toMatchObject({ action: 'calendar.year.create', actorRole: 'administrator', before: null });
    expect(replace).toMatchObject({ action: 'calendar.year.replace', reason: '更正' });
    expect(replace.before.days).toHaveLength(9);
    expect(replace.after.days).toHaveLength(8);
  });

  it('a later seed leaves an administrator\'s change alone', async () => {
    const days = CN_HOLIDAY_ARRANGEMENTS[1]!.days.filter((d) => d.on !== '2021-10-09');
    const res = await ctx.app.inject({ method: 'PUT', url: '/api/calendar/2021', headers: admin, payload: { source: '国办发明电〔2020〕27号', note: '测试', days } });
    expect(res.statusCode).toBe(200);
    expect(await seedCalendar(ctx.database.db, new Date())).toEqual({ years: [] });
    const after = await ctx.app.inject({ method: 'GET', url: '/api/calendar/2021', headers: admin });
    expect(after.json().days.some((d: { on: string }) => d.on === '2021-10-09')).toBe(false);
  });
});
