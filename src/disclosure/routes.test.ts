import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { and, eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, type Bureau } from '../../test/helpers/cases.js';
import { auditLog } from '../platform/audit/tables.js';
import { seedCalendar } from '../calendar/index.js';
import { cases, caseSteps } from '../cases/index.js';

interface XmlNode { name: string; attrs: Record<string, string>; text: string; children: XmlNode[] }
/** A real XML parse (saxes, exceljs' parser): throws on a document that is not well-formed. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  parser.on('opentag', (t) => {
    const node: XmlNode = { name: t.local, attrs: Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, typeof v === 'string' ? v : v.value])), text: '', children: [] };
    if (stack.length) stack[stack.length - 1]!.children.push(node); else root = node;
    stack.push(node);
  });
  parser.on('text', (s) => { if (stack.length) stack[stack.length - 1]!.text += s; });
  parser.on('closetag', () => { stack.pop(); });
  parser.on('error', (e) => { throw e; });
  parser.write(xml).close();
  return root!;
}
const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);

describe(`行政处罚公示 and the public portal through the API (${ENGINE})`, { timeout: 180_000 }, () => {
  let ctx: TestContext;
  const nowAt = new Date('2026-12-04T10:00:00+08:00');
  let b: Bureau;
  let caseId: number; let otherCaseId: number; let noPenaltyCaseId: number;
  const call = async (headers: Record<string, string> | null, method: 'GET' | 'POST' | 'OPTIONS', url: string, payload?: object, extra: Record<string, string> = {}, remoteAddress?: string) => {
    const res = await ctx.app.inject({ method, url, headers: { ...(headers ?? {}), ...extra }, ...(payload ? { payload } : {}), ...(remoteAddress ? { remoteAddress } : {}) });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body, raw: res.rawPayload, headers: res.headers };
  };
  const decide = async (id: number, kind: 'penalty' | 'no_penalty', decidedOn: string, n: string) => {
    await ctx.database.db.update(cases).set({
      decisionKind: kind, decidedOn, decisionNumber: `烟环罚〔2026〕${n}号`, decisionFineFen: kind === 'penalty' ? 25_000_000 : 0,
      proposal: {
        penaltyKinds: ['fine'], fineFen: 25_000_000, violatedProvisions: '《中华人民共和国水污染防治法》第十条', penaltyBasis: '《中华人民共和国水污染防治法》第八十三条第（二）项', discretionReason: null,
        facts: '该公司法定代表人王测试（身份证号370602197001011234，电话13812345678）称，废水总排口化学需氧量超标。',
      },
      decision: { penaltyKinds: kind === 'penalty' ? ['fine'] : [], reasons: '超标排放', basis: '《中华人民共和国水污染防治法》第八十三条第（二）项' },
    }).where(eq(cases.id, id));
  };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    await seedCalendar(ctx.database.db, nowAt);
    b = await makeBureau(ctx);
    caseId = await fileCase(ctx, b, '2026-11-25');
    otherCaseId = await fileCase(ctx, b, '2026-11-25');
    noPenaltyCaseId = await fileCase(ctx, b, '2026-11-25');
    await decide(caseId, 'penalty', '2026-11-27', '101');
    await decide(otherCaseId, 'penalty', '2026-11-30', '102');
    await decide(noPenaltyCaseId, 'no_penalty', '2026-11-30', '103');
  }, 180_000);
  afterAll(async () => ctx.close());

  it.each([
    ['legal_reviewer', 200], ['bureau_leader', 200], ['administrator', 200], ['enforcement_officer', 403], ['district_staff', 403], ['public', 401],
  ] as const)('%s reading the publication queue: %i', async (who, status) => {
    const headers = who === 'public' ? null : await ctx.loginAs(who, who === 'district_staff' ? { districtCode: '370602' } : {});
    expect((await call(headers, 'GET', '/api/disclosure/queue')).status).toBe(status);
  });

  it('行政处罚法 第四十八条第一款: a decided penalty is due within settings.penaltyPublicationWorkingDays working days; the reviewer previews and publishes it (audited)', async () => {
    const queue = await call(b.reviewer.headers, 'GET', '/api/disclosure/queue');
    const due = queue.body.due.find((d: { caseId: number }) => d.caseId === caseId);
    // Decided Fri 2026-11-27: seven working days → Tue 2026-12-08.
    expect(due).toMatchObject({ dueOn: '2026-12-08', overdue: false, provisional: false, actions: ['preview', 'publish'] });
    expect(queue.body.due.some((d: { caseId: number }) => d.caseId === noPenaltyCaseId)).toBe(false);

    const preview = await call(b.reviewer.headers, 'GET', `/api/disclosure/cases/${caseId}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.record).toMatchObject({ partyName: '烟台测试化工有限公司', decisionNumber: '烟环罚〔2026〕101号', fineFen: 25_000_000, agency: '烟台市生态环境局' });
    expect(preview.body.record.facts).toContain('王某');
    expect(JSON.stringify(preview.body)).not.toMatch(/王测试|370602197001011234|13812345678/);

    const published = await call(b.reviewer.headers, 'POST', `/api/disclosure/cases/${caseId}/publish`);
    expect(published.status).toBe(201);
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'disclosure.publish'), eq(auditLog.entityId, String(published.body.id))));
    expect(audit).toHaveLength(1);
    expect((await call(b.reviewer.headers, 'POST', `/api/disclosure/cases/${caseId}/publish`)).status).toBe(409);
    expect((await call(b.reviewer.headers, 'POST', `/api/disclosure/cases/${noPenaltyCaseId}/publish`)).status).toBe(409);
    expect((await call(b.officerA.headers, 'POST', `/api/disclosure/cases/${otherCaseId}/publish`)).status).toBe(403);
  });

  it('two reviewers publishing the same decision at once: one publication', async () => {
    const [x, y] = await Promise.all([
      call(b.reviewer.headers, 'POST', `/api/disclosure/cases/${otherCaseId}/publish`),
      call(b.reviewer2.headers, 'POST', `/api/disclosure/cases/${otherCaseId}/publish`),
    ]);
    expect([x.status, y.status].sort()).toEqual([201, 409]);
  });

  it('without login: the list, ETag / If-None-Match → 304, CORS for GET, the record without personal data', async () => {
    const list = await call(null, 'GET', '/api/public/decisions?pageSize=10');
    expect(list.status).toBe(200);
    expect(list.headers['access-control-allow-origin']).toBe('*');
    expect(list.body.total).toBe(2);
    const etag = list.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    expect((await call(null, 'GET', '/api/public/decisions?pageSize=10', undefined, { 'if-none-match': etag })).status).toBe(304);
    expect((await call(null, 'GET', '/api/public/decisions?pageSize=5', undefined, { 'if-none-match': etag })).status).toBe(200);
    const preflight = await call(null, 'OPTIONS', '/api/public/decisions', undefined, { origin: 'https://example.org', 'access-control-request-method': 'GET' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('GET');

    const id = list.body.items.find((i: { decisionNumber: string }) => i.decisionNumber === '烟环罚〔2026〕101号').id;
    const one = await call(null, 'GET', `/api/public/decisions/${id}`);
    expect(one.body.record.penaltyContent).toBe('罚款人民币250,000元');
    expect(JSON.stringify(one.body)).not.toMatch(/王测试|测试路1号|\d{17}[\dXx]|1[3-9]\d{9}/);
    expect((await call(null, 'GET', '/api/public/decisions?year=2025')).body.total).toBe(0);
    expect((await call(null, 'GET', `/api/public/decisions?enterpriseId=${b.enterpriseId}`)).body.total).toBe(2);
    const ent = await call(null, 'GET', `/api/public/enterprises/${b.enterpriseId}`);
    expect(ent.body.decisions).toHaveLength(2);
    expect((await call(null, 'GET', '/api/public/decisions/999999')).status).toBe(404);
    const docs = await call(null, 'GET', '/api/docs/json');
    expect(Object.keys(docs.body.paths)).toContain('/api/public/decisions');
  });

  it('行政处罚法 第四十八条第二款: a revoked decision is due for withdrawal within 3 working days; the withdrawal is public with its reason (audited)', async () => {
    const pub = (await call(b.reviewer.headers, 'GET', '/api/disclosure/queue')).body.published.find((p: { decisionNumber: string }) => p.decisionNumber === '烟环罚〔2026〕101号');
    await ctx.database.db.insert(caseSteps).values({ caseId, kind: 'remedy_ended', occurredOn: '2026-12-03', data: { outcome: 'revoked', note: '复议机关撤销' }, createdAt: nowAt });
    const queue = await call(b.reviewer.headers, 'GET', '/api/disclosure/queue');
    // Thu 2026-12-03 + 3 working days → Tue 2026-12-08.
    expect(queue.body.withdrawals).toEqual([expect.objectContaining({ publicationId: pub.id, changedOn: '2026-12-03', dueOn: '2026-12-08', overdue: false })]);
    const board = await call(b.leader.headers, 'GET', '/api/cases/deadlines?withinDays=5');
    expect(board.status).toBe(200);
    expect(board.body.others.some((o: { source: string; kind: string }) => o.source === 'disclosure' && o.kind === 'penalty_publication_withdrawal')).toBe(true);

    expect((await call(b.reviewer.headers, 'POST', `/api/disclosure/publications/${pub.id}/withdraw`, { reason: '撤' })).status).toBe(422);
    const before = await call(null, 'GET', '/api/public/decisions?pageSize=10');
    expect((await call(null, 'GET', '/api/public/decisions?pageSize=10', undefined, { 'if-none-match': before.headers.etag as string })).status).toBe(304);
    const w = await call(b.reviewer.headers, 'POST', `/api/disclosure/publications/${pub.id}/withdraw`, { reason: '该处罚决定经行政复议被撤销' });
    expect(w.status).toBe(200);
    // The list's ETag follows its version: the withdrawal is never hidden behind a 304.
    const after = await call(null, 'GET', '/api/public/decisions?pageSize=10', undefined, { 'if-none-match': before.headers.etag as string });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.items.find((i: { id: number }) => i.id === pub.id)).toMatchObject({ status: 'withdrawn' });
    expect((await call(b.reviewer.headers, 'POST', `/api/disclosure/publications/${pub.id}/withdraw`, { reason: '该处罚决定经行政复议被撤销' })).status).toBe(409);
    expect(await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'disclosure.withdraw'), eq(auditLog.entityId, String(pub.id))))).toHaveLength(1);
    const one = await call(null, 'GET', `/api/public/decisions/${pub.id}`);
    expect(one.body).toMatchObject({ status: 'withdrawn', withdrawnOn: '2026-12-04', withdrawalReason: '该处罚决定经行政复议被撤销', record: null });
    expect((await call(b.reviewer.headers, 'GET', '/api/disclosure/queue')).body.withdrawals).toEqual([]);
  });

  it('open data: CSV in UTF-8 with a BOM, xlsx, and the data dictionary', async () => {
    const csv = await call(null, 'GET', '/api/public/decisions.csv');
    expect(csv.status).toBe(200);
    expect([...csv.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.raw.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('行政处罚决定书文号');
    expect(lines).toHaveLength(3);
    expect(csv.raw.toString('utf8')).toContain('烟环罚〔2026〕102号');

    const xlsx = await call(null, 'GET', '/api/public/decisions.xlsx');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('行政处罚决定书文号');
    expect(ws.rowCount).toBe(3);

    const dict = await call(null, 'GET', '/api/public/decisions/dictionary');
    expect(dict.body.columns.map((c: { key: string }) => c.key)).toContain('creditCode');
  });

  it('Atom feeds (RFC 4287): all decisions, per enterprise, per district, with new decisions and withdrawals', async () => {
    const district = ctx.districtByCode('370602').id;
    for (const url of ['/api/public/feeds/decisions', `/api/public/feeds/enterprises/${b.enterpriseId}`, `/api/public/feeds/districts/${district}`]) {
      const res = await call(null, 'GET', url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('application/atom+xml');
      const feed = parseXml(res.body as string);
      expect(feed.name).toBe('feed');
      for (const name of ['id', 'title', 'updated']) expect(child(feed, name)?.text.trim()).toBeTruthy();
      expect(new Date(child(feed, 'updated')!.text).toString()).not.toBe('Invalid Date');
      const entries = feed.children.filter((c) => c.name === 'entry');
      expect(entries).toHaveLength(2);
      for (const e of entries) {
        for (const name of ['id', 'title', 'updated']) expect(child(e, name)?.text.trim()).toBeTruthy();
        expect(child(e, 'link')?.attrs.href).toMatch(/\/public\/decisions\/\d+$/);
      }
      expect(entries.some((e) => child(e, 'title')!.text.startsWith('【撤回】'))).toBe(true);
    }
    expect((await call(null, 'GET', '/api/public/feeds/enterprises/999999')).status).toBe(404);
  });

  it('an individual party (个体): published as "X某", never found through its register entry (filter, page, feed)', async () => {
    const id = await fileCase(ctx, b, '2026-11-25');
    await decide(id, 'penalty', '2026-12-01', '104');
    await ctx.database.db.update(cases).set({ partyKind: 'individual' }).where(eq(cases.id, id));
    expect((await call(b.reviewer.headers, 'POST', `/api/disclosure/cases/${id}/publish`)).status).toBe(201);
    const all = await call(null, 'GET', '/api/public/decisions');
    const mine = all.body.items.find((i: { decisionNumber: string }) => i.decisionNumber === '烟环罚〔2026〕104号');
    expect(mine).toMatchObject({ partyName: '王某', enterpriseId: null });
    expect(mine.record.creditCode).toBeNull();
    expect(JSON.stringify(mine)).not.toContain('烟台测试化工有限公司');
    expect((await call(null, 'GET', `/api/public/decisions?enterpriseId=${b.enterpriseId}`)).body.total).toBe(2);
    expect((await call(null, 'GET', `/api/public/enterprises/${b.enterpriseId}`)).body.decisions).toHaveLength(2);
    expect((await call(null, 'GET', `/api/public/feeds/enterprises/${b.enterpriseId}`)).body).not.toContain('104号');
    expect((await call(null, 'GET', '/api/public/feeds/decisions')).body).toContain('104号');
  });

  it('a per-IP rate limit on the public API: 429 past the limit, other addresses unaffected', async () => {
    let last = 0;
    for (let i = 0; i < 121; i++) last = (await call(null, 'GET', '/api/public/districts', undefined, {}, '10.9.8.7')).status;
    expect(last).toBe(429);
    expect((await call(null, 'GET', '/api/public/districts', undefined, {}, '10.9.8.6')).status).toBe(200);
  });
});
