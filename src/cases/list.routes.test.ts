// The case list: page numbers over the first rows, a cursor (keyset) beyond, a total counted up to a cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, type Bureau } from '../../test/helpers/cases.js';
import type { Principal } from '../platform/auth/roles.js';
import { countCasesCapped } from './queries.js';
import { encodeCaseCursor } from './list-cursor.js';

const at = (on: string) => new Date(`${on}T12:00:00+08:00`);

describe(`GET /api/cases: keyset pages and a capped total (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let today = at('2021-07-30');
  const ids: number[] = [];
  const list = async (query: string) => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/cases?${query}`, headers: b.leader.headers });
    return { status: res.statusCode, body: res.json() };
  };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    b = await makeBureau(ctx);
    // Two cases on one day share a deadline: the id breaks the tie, and the cursor carries both.
    for (const on of ['2021-07-05', '2021-07-01', '2021-07-05', '2021-07-12', '2021-07-08']) { today = at(on); ids.push(await fileCase(ctx, b, on)); }
    today = at('2021-07-30');
  });
  afterAll(async () => ctx.close());

  it('following nextCursor gives every case once, in the order of the whole list; cursor pages carry no total', async () => {
    const whole = await list('pageSize=100');
    expect(whole.status).toBe(200);
    expect(whole.body).toMatchObject({ total: 5, totalCapped: false, nextCursor: null, page: 1, pageSize: 100 });
    const order = whole.body.items.map((c: { id: number }) => c.id);
    expect([...order].sort()).toEqual([...ids].sort());

    const first = await list('pageSize=2');
    expect(first.body).toMatchObject({ total: 5, totalCapped: false, page: 1 });
    const walked: number[] = first.body.items.map((c: { id: number }) => c.id);
    let cursor: string | null = first.body.nextCursor;
    let pages = 1;
    while (cursor) {
      const next = await list(`pageSize=2&cursor=${encodeURIComponent(cursor)}`);
      expect(next.status).toBe(200);
      expect(next.body).toMatchObject({ total: null, page: null });
      walked.push(...next.body.items.map((c: { id: number }) => c.id));
      cursor = next.body.nextCursor;
      pages++;
    }
    expect(pages).toBe(3);
    expect(walked).toEqual(order);
  });

  it('q finds cases by their enterprise\'s name, their number or their cause, in list and total; LIKE wildcards in q are plain characters', async () => {
    const name = (await list('pageSize=1')).body.items[0].enterpriseName as string;
    const numberOfFirst = (await list('pageSize=100')).body.items.find((c: { id: number }) => c.id === ids[0]).number as string;
    const q = async (text: string) => (await list(`pageSize=100&q=${encodeURIComponent(text)}`)).body as { total: number; items: { id: number }[] };
    const byName = await q(name.slice(1, -1));
    expect(byName).toMatchObject({ total: 5 });
    expect(byName.items).toHaveLength(5);
    expect(await q(numberOfFirst)).toMatchObject({ total: 1, items: [{ id: ids[0] }] });
    expect(await q('超标排放水污染')).toMatchObject({ total: 5 });
    expect(await q('没有这家企业')).toMatchObject({ total: 0, items: [] });
    expect(await q('%')).toMatchObject({ total: 0, items: [] });
    expect(await q('_')).toMatchObject({ total: 0, items: [] });
  });

  it('a cursor keeps the filter: the rows after it that match', async () => {
    const decided = await list('stage=deciding&pageSize=2');
    expect(decided.body).toMatchObject({ total: 0, items: [], nextCursor: null });
    const cursor = encodeCaseCursor({ dueOn: '2000-01-01', id: 1 });
    const after = await list(`stage=investigating&pageSize=10&cursor=${cursor}`);
    expect(after.body.items).toHaveLength(5);
  });

  it('refuses a cursor it did not give, and page numbers deeper than the first 1000 rows (400 naming the field)', async () => {
    for (const bad of ['nonsense', Buffer.from('["2021-02-30",1]').toString('base64url'), Buffer.from('["2021-07-01",0]').toString('base64url')]) {
      const res = await list(`cursor=${bad}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'cursor' });
    }
    const deep = await list('page=51&pageSize=20');
    expect(deep.status).toBe(400);
    expect(deep.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'page' });
    expect((await list('page=50&pageSize=20')).status).toBe(200);
  });

  it('counts up to the cap and says so beyond it', async () => {
    const admin: Principal = { id: b.admin.id, username: 'admin', displayName: 'admin', role: 'administrator', districtId: null, enterpriseId: null };
    expect(await countCasesCapped(ctx.database.db, admin, {}, 3)).toEqual({ total: 3, capped: true });
    expect(await countCasesCapped(ctx.database.db, admin, {}, 5)).toEqual({ total: 5, capped: false });
  });
});
