// The violation catalogue (GET /api/violations): one source for the filing, the proposal, the calculator
// and the exemption check, derived from the benchmark tables and the exemption catalogue in force.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { seedExemptionCatalogue } from '../exemptions/index.js';
import { checkEntryFitsViolation } from '../exemptions/rules/provision-match.js';
import { FIRST_BATCH } from '../exemptions/data/catalogue.js';
import { seedDiscretionTables } from './index.js';
import { DISCRETION_TABLES } from './data/tables.js';
import { citationText } from './rules/violations.js';

const at = (on: string) => new Date(`${on}T12:00:00+08:00`);

describe('citationText: provisions named as the case texts and the exemption catalogue name them', () => {
  it.each([
    [{ law: '水污染防治法', article: '第八十三条', item: '（二）' }, '《中华人民共和国水污染防治法》第八十三条第（二）项'],
    [{ law: '环境影响评价法', article: '第三十一条', paragraph: '第一款' }, '《中华人民共和国环境影响评价法》第三十一条第一款'],
    [{ law: '排污许可管理条例', article: '第三十七条' }, '《排污许可管理条例》第三十七条'],
  ])('%o → %s', (c, text) => expect(citationText(c)).toBe(text));
});

describe(`行政处罚法 第三十四条, 第三十三条第一款: the violation catalogue through the API (${ENGINE})`, () => {
  let ctx: TestContext;
  let officer: Record<string, string>;
  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => at('2021-07-19') });
    await seedDiscretionTables(ctx.database.db, at('2020-01-01'));
    await seedExemptionCatalogue(ctx.database.db, at('2020-01-01'));
    officer = await ctx.loginAs('enforcement_officer');
  });
  afterAll(async () => ctx.close());

  const get = (url: string, headers = officer) => ctx.app.inject({ method: 'GET', url, headers }).then((r) => ({ status: r.statusCode, body: r.json() }));

  it('lists each benchmark table in force with its provisions, legal range and exemption entries', async () => {
    const r = await get('/api/violations');
    expect(r.status).toBe(200);
    expect(r.body.on).toBe('2021-07-19');
    expect(r.body.items.map((v: { code: string }) => v.code).sort()).toEqual(DISCRETION_TABLES.map((t) => t.code).sort());
    const wpl = r.body.items.find((v: { code: string }) => v.code === 'WPL-83-2');
    expect(wpl).toMatchObject({
      violatedText: '《中华人民共和国水污染防治法》第十条', penaltyText: '《中华人民共和国水污染防治法》第八十三条第（二）项',
      range: { kind: 'amount', minFen: 100_000_00, maxFen: 1_000_000_00 }, table: { version: 1, factorCount: 7 },
    });
    expect(wpl.exemptions.map((e: { title: string }) => e.title)).toEqual(['超标排放水污染物，超标轻微']);
    // A violation with no entry of its own offers none (the exemption must fit the violation).
    expect(r.body.items.find((v: { code: string }) => v.code === 'WPL-83-3').exemptions).toEqual([]);
  });

  it('every exemption entry offered fits the violation the proposal will name (第三十三条第一款)', async () => {
    const r = await get('/api/violations');
    const offered = r.body.items.flatMap((v: { violatedText: string; exemptions: { title: string }[] }) => v.exemptions.map((e) => ({ v, e })));
    expect(offered.length).toBeGreaterThan(5);
    for (const { v, e } of offered) {
      const entry = FIRST_BATCH.entries.find((x) => x.title === e.title)!;
      expect(checkEntryFitsViolation(entry, v.violatedText)).toEqual({ ok: true });
    }
  });

  it('follows the day: a table not yet in force is not offered', async () => {
    const early = await get('/api/violations?on=2020-06-01');
    expect(early.body.items.map((v: { code: string }) => v.code)).not.toContain('PPR-33');
    expect((await get('/api/violations?on=2020-13-01')).status).toBe(400);
  });

  it('needs case.read', async () => {
    expect((await get('/api/violations', await ctx.loginAs('licensing_staff'))).status).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/violations' })).statusCode).toBe(401);
  });
});
