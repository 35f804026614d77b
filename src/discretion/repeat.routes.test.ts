// The 违法次数 factor the calculator pre-sets from the records (GET /api/discretion/cases/:caseId → recorded.repeat):
// the party's earlier penalties within two years before the filing (裁量基准 factor repeat, src/discretion/data/tables.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, post, PROPOSAL, type Bureau, type Person } from '../../test/helpers/cases.js';

const at = (on: string) => new Date(`${on}T12:00:00+08:00`);

describe(`违法次数 from the records through the discretion API (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let other: Bureau;
  let today = at('2020-05-06');
  const setToday = (on: string) => { today = at(on); };
  const ok = (r: { status: number; body: unknown }) => { expect(r.status, JSON.stringify(r.body)).toBe(200); return r.body as { stage: string }; };
  const recorded = async (who: Person, caseId: number) => {
    const r = await ctx.app.inject({ method: 'GET', url: `/api/discretion/cases/${caseId}`, headers: who.headers });
    expect(r.statusCode).toBe(200);
    return r.json().recorded.repeat;
  };

  /** A small fine filed and decided on `on` for bureau `x`'s enterprise (statement waived, no hearing offered). */
  async function decidedFine(x: Bureau, on: string) {
    setToday(on);
    const id = await fileCase(ctx, x, on);
    const act = (who: Person, name: string, payload: unknown) => post(ctx, who, `/api/cases/${id}/${name}`, payload);
    ok(await act(x.officerA, 'record-investigation', { kind: 'inspection_record', occurredOn: on, officerIds: [x.officerA.id, x.officerB.id], summary: '现场检查' }));
    ok(await act(x.officerA, 'submit', { proposal: PROPOSAL(10_000_00) }));
    ok(await act(x.leader, 'case-review', { outcome: 'passed', opinion: '事实清楚' }));
    ok(await act(x.officerA, 'notify', { servedOn: on, content: '告知' }));
    ok(await act(x.officerA, 'statement', { receivedOn: on, content: '', waived: true }));
    expect(ok(await act(x.leader, 'decide', { kind: 'penalty', penaltyKinds: ['fine'], fineFen: 10_000_00, reasons: '违法事实清楚', basis: '水污染防治法第八十三条' })).stage).toBe('decided');
    return id;
  }

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    b = await makeBureau(ctx);
    other = await makeBureau(ctx);
  });
  afterAll(async () => ctx.close());

  it('counts the same party\'s penalties decided within two years before the filing: none → 两年内首次, one → 第二次, two → 三次及以上', async () => {
    const oldest = await decidedFine(b, '2020-05-06'); // more than two years before the filing on 2022-07-19: not counted
    expect((await recorded(b.officerA, oldest)).level).toBe('first'); // its own decision is not an earlier one
    const counted = await decidedFine(b, '2021-06-01');
    await decidedFine(other, '2022-03-01'); // another enterprise: not counted
    setToday('2022-07-19');
    const current = await fileCase(ctx, b, '2022-07-19');
    const second = await recorded(b.officerA, current);
    expect(second).toMatchObject({ level: 'second', fromOn: '2020-07-19', beforeOn: '2022-07-19' });
    expect(second.counted.map((c: { id: number }) => c.id)).toEqual([counted]);

    // An undecided case of the same party is no punished violation; a later filing counts both decided ones.
    expect((await recorded(other.officerA, await fileCase(ctx, other, '2022-07-19'))).level).toBe('second');
    const third = await decidedFine(b, '2022-07-20');
    setToday('2022-08-02');
    const later = await fileCase(ctx, b, '2022-08-02');
    expect(await recorded(b.officerA, later)).toMatchObject({ level: 'third', counted: [{ id: counted, decidedOn: '2021-06-01' }, { id: third, decidedOn: '2022-07-20' }] });
  });

  it('a penalty revoked on reconsideration is not counted', async () => {
    setToday('2023-03-01');
    const c = await fileCase(ctx, other, '2023-03-01');
    const before = await recorded(other.officerA, c);
    expect(before.level).toBe('second');
    const revokedId = before.counted[0].id as number;
    const act = (name: string, payload: unknown) => post(ctx, other.officerA, `/api/cases/${revokedId}/${name}`, payload);
    ok(await act('serve', { servedOn: '2023-03-01', method: 'in_person', receiver: '王测试', lateReason: '当事人外出' }));
    ok(await act('remedy-filed', { kind: 'reconsideration', filedOn: '2023-03-01', body: '烟台市人民政府' }));
    ok(await act('remedy-ended', { endedOn: '2023-03-01', outcome: 'revoked', note: '撤销' }));
    expect((await recorded(other.officerA, c)).level).toBe('first');
  });
});
