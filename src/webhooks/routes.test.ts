// Webhooks through the API and the worker: registration, the outbox written with a publication, signed
// delivery to a local receiver, 500 → retry → 200, redelivery by hand, and no double delivery by two workers.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, type Bureau } from '../../test/helpers/cases.js';
import { seedCalendar } from '../calendar/index.js';
import { cases } from '../cases/index.js';
import { notifyDisclosureListeners } from '../disclosure/index.js';
import { recordPublication } from '../air-quality/index.js';
import { users } from '../users/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { auditLog } from '../platform/audit/tables.js';
import { deliverDue, startWebhookWorker } from './actions.js';
import { verifySignature } from './signature.js';
import { webhookDeliveries } from './tables.js';

interface Received { path: string; headers: Record<string, string | string[] | undefined>; body: string }

describe(`webhooks for registered integrators (${ENGINE})`, { timeout: 180_000 }, () => {
  let ctx: TestContext;
  let b: Bureau;
  let admin: Record<string, string>;
  let receiver: Server;
  let base = '';
  const received: Received[] = [];
  /** Status codes the receiver answers with, per path, in turn (200 once they run out). */
  const answers = new Map<string, number[]>();
  const nowAt = new Date('2026-12-04T10:00:00+08:00');
  const after = (minutes: number) => new Date(nowAt.getTime() + minutes * 60_000);

  const call = async (headers: Record<string, string> | null, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const register = async (path: string, eventKinds: string[] = ['decision.published', 'decision.withdrawn']) => {
    const r = await call(admin, 'POST', '/api/webhooks/integrators', { name: `接入方${path}`, url: `${base}${path}`, eventKinds });
    expect(r.status).toBe(201);
    return r.body as { id: number; secret: string };
  };
  const emit = (entityId: number) => ctx.database.db.transaction((tx) =>
    notifyDisclosureListeners(tx, { kind: 'decision.published', entity: 'penalty_publication', entityId, data: { id: entityId } }, nowAt));
  const deliveriesOf = (integratorId: number) => ctx.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.integratorId, integratorId));

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        const queue = answers.get(req.url ?? '') ?? [];
        res.statusCode = queue.shift() ?? 200;
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
    ctx = await createTestContext({ clock: () => nowAt });
    await seedCalendar(ctx.database.db, nowAt);
    b = await makeBureau(ctx);
    admin = await ctx.loginAs('bureau_leader');
  }, 180_000);
  afterAll(async () => {
    await ctx.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it.each([
    ['bureau_leader', 200], ['administrator', 200], ['legal_reviewer', 403], ['enforcement_officer', 403], ['public', 401],
  ] as const)('%s listing integrators: %i', async (who, status) => {
    const headers = who === 'public' ? null : await ctx.loginAs(who);
    expect((await call(headers, 'GET', '/api/webhooks/integrators')).status).toBe(status);
  });

  it('refuses a plain-http URL elsewhere than localhost (422, field url) and an empty event list (400)', async () => {
    const http = await call(admin, 'POST', '/api/webhooks/integrators', { name: 'x', url: 'http://example.org/hook', eventKinds: ['decision.published'] });
    expect(http).toMatchObject({ status: 422, body: { error: { code: 'WEBHOOK_URL_NOT_HTTPS', field: 'url' } } });
    const none = await call(admin, 'POST', '/api/webhooks/integrators', { name: 'x', url: 'https://example.org/hook', eventKinds: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.field).toBe('eventKinds');
  });

  it('shows the secret once: in the registration answer, never in the list; the registration is audited', async () => {
    const i = await register('/once');
    expect(i.secret).toMatch(/^whsec_/);
    const list = await call(admin, 'GET', '/api/webhooks/integrators');
    const shown = list.body.items.find((x: { id: number }) => x.id === i.id);
    expect(shown).toBeDefined();
    expect(JSON.stringify(list.body)).not.toContain(i.secret);
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'webhook.register'));
    expect(audits.some((a) => a.entityId === String(i.id) && !JSON.stringify(a).includes(i.secret))).toBe(true);
    await call(admin, 'POST', `/api/webhooks/integrators/${i.id}/active`, { active: false });
  });

  it('publishing a decision writes the outbox in its transaction; the worker posts it signed', async () => {
    const i = await register('/publish');
    const caseId = await fileCase(ctx, b, '2026-11-25');
    await ctx.database.db.update(cases).set({
      decisionKind: 'penalty', decidedOn: '2026-11-27', decisionNumber: '烟环罚〔2026〕901号', decisionFineFen: 1_000_000,
      proposal: { penaltyKinds: ['fine'], fineFen: 1_000_000, violatedProvisions: '第十条', penaltyBasis: '第八十三条', discretionReason: null, facts: '超标排放。' },
      decision: { penaltyKinds: ['fine'], reasons: '超标排放', basis: '第八十三条' },
    }).where(eq(cases.id, caseId));
    const leader = b.leader.headers;
    const published = await call(leader, 'POST', `/api/disclosure/cases/${caseId}/publish`);
    expect(published.status).toBe(201);
    const [row] = await deliveriesOf(i.id);
    expect(row).toMatchObject({ status: 'pending', eventKind: 'decision.published' });

    const round = await deliverDue(ctx.database.db, nowAt);
    expect(round.delivered).toBeGreaterThanOrEqual(1);
    const got = received.filter((r) => r.path === '/publish');
    expect(got).toHaveLength(1);
    const h = got[0]!.headers;
    expect(h['x-ecogov-event']).toBe('decision.published');
    expect(verifySignature(i.secret, Number(h['x-ecogov-timestamp']), got[0]!.body, String(h['x-ecogov-signature']), nowAt)).toBe(true);
    const event = JSON.parse(got[0]!.body);
    expect(event).toMatchObject({ kind: 'decision.published', entityId: published.body.id, data: { decisionNumber: '烟环罚〔2026〕901号' } });
    // The public view only: no facts with personal data beyond the published record, no internal fields.
    expect(got[0]!.body).not.toContain('publishedById');
    const [done] = await deliveriesOf(i.id);
    expect(done).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
  });

  it('a data-error report answered with a correction sends decision.corrected, signed, with the corrected record', async () => {
    const i = await register('/corrected', ['decision.corrected']);
    const caseId = await fileCase(ctx, b, '2026-11-25');
    await ctx.database.db.update(cases).set({
      decisionKind: 'penalty', decidedOn: '2026-11-27', decisionNumber: '烟环罚〔2026〕902号', decisionFineFen: 500_000,
      proposal: { penaltyKinds: ['fine'], fineFen: 500_000, violatedProvisions: '第十条', penaltyBasis: '第八十三条', discretionReason: null, facts: '超标排放。' },
      decision: { penaltyKinds: ['fine'], reasons: '超标排放', basis: '第八十三条' },
    }).where(eq(cases.id, caseId));
    const published = await call(b.leader.headers, 'POST', `/api/disclosure/cases/${caseId}/publish`);
    expect(published.status).toBe(201);
    const report = await call(null, 'POST', '/api/public/error-reports', { recordKind: 'penalty-decision', recordId: String(published.body.id), description: '处罚依据写错了' });
    expect(report.status).toBe(201);
    const list = await call(b.leader.headers, 'GET', '/api/info-requests/error-reports');
    const row = (list.body.items as { id: number; ticket: string }[]).find((e) => e.ticket === report.body.ticket)!;
    const answered = await call(b.leader.headers, 'POST', `/api/info-requests/error-reports/${row.id}/answer`,
      { outcome: 'corrected', note: '已更正处罚依据', correction: { field: 'basis', value: '《中华人民共和国水污染防治法》第八十三条' } });
    expect(answered.status).toBe(200);
    expect(await deliveriesOf(i.id)).toEqual([expect.objectContaining({ status: 'pending', eventKind: 'decision.corrected' })]);
    await deliverDue(ctx.database.db, nowAt);
    const got = received.filter((r) => r.path === '/corrected');
    expect(got).toHaveLength(1);
    const h = got[0]!.headers;
    expect(h['x-ecogov-event']).toBe('decision.corrected');
    expect(verifySignature(i.secret, Number(h['x-ecogov-timestamp']), got[0]!.body, String(h['x-ecogov-signature']), nowAt)).toBe(true);
    expect(JSON.parse(got[0]!.body)).toMatchObject({
      kind: 'decision.corrected', entityId: published.body.id,
      data: { record: { basis: '《中华人民共和国水污染防治法》第八十三条' }, corrections: [{ field: 'basis', ticket: report.body.ticket }] },
    });
  });

  it('a published ranking (air or water: both publish through recordPublication) sends ranking.published, signed', async () => {
    const i = await register('/ranking', ['ranking.published']);
    const [leader] = await ctx.database.db.select().from(users).where(eq(users.id, b.leader.id));
    const principal = { id: leader!.id, username: leader!.username, displayName: leader!.displayName, role: leader!.role, districtId: null, enterpriseId: null } as Principal;
    const result = await recordPublication(ctx.database.db, principal, {
      ranking: 'air_district_daily', period: '2026-12-03', title: '2026年12月3日各区县空气质量排名', snapshot: [], history: [],
      districtOf: () => ({ districtId: 1, townshipId: null }),
    }, nowAt);
    expect(await deliveriesOf(i.id)).toEqual([expect.objectContaining({ status: 'pending', eventKind: 'ranking.published' })]);
    await deliverDue(ctx.database.db, nowAt);
    const got = received.filter((r) => r.path === '/ranking');
    expect(got).toHaveLength(1);
    const h = got[0]!.headers;
    expect(h['x-ecogov-event']).toBe('ranking.published');
    expect(verifySignature(i.secret, Number(h['x-ecogov-timestamp']), got[0]!.body, String(h['x-ecogov-signature']), nowAt)).toBe(true);
    expect(JSON.parse(got[0]!.body)).toMatchObject({
      kind: 'ranking.published', entity: 'quality_publication', entityId: result.publication.id,
      data: { id: result.publication.id, ranking: 'air_district_daily', period: '2026-12-03' },
    });
  });

  it('a rolled-back event leaves no outbox row', async () => {
    const i = await register('/rollback');
    await expect(ctx.database.db.transaction(async (tx) => {
      await notifyDisclosureListeners(tx, { kind: 'decision.published', entity: 'penalty_publication', entityId: 1, data: {} }, nowAt);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await deliveriesOf(i.id)).toHaveLength(0);
  });

  it('500 → retried after 1 minute → 200; the log shows each attempt, status, duration, next retry', async () => {
    const i = await register('/flaky');
    answers.set('/flaky', [500]);
    await emit(9001);
    await deliverDue(ctx.database.db, nowAt);
    let [row] = await deliveriesOf(i.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(row!.nextAttemptAt!.getTime()).toBe(after(1).getTime());
    // Not due yet 59 seconds later.
    expect((await deliverDue(ctx.database.db, new Date(after(1).getTime() - 1000))).attempted).toBe(0);
    await deliverDue(ctx.database.db, after(1));
    [row] = await deliveriesOf(i.id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
    const log = await call(admin, 'GET', `/api/webhooks/integrators/${i.id}/deliveries`);
    expect(log.status).toBe(200);
    const attempts = log.body.deliveries[0].log;
    expect(attempts.map((a: { attempt: number; statusCode: number }) => [a.attempt, a.statusCode])).toEqual([[1, 500], [2, 200]]);
    expect(attempts[0].nextRetryAt).toBe(after(1).toISOString());
    expect(attempts[1].nextRetryAt).toBeNull();
    expect(typeof attempts[0].durationMs).toBe('number');
  });

  it('gives up after the last back-off step; redelivery by hand makes it due again (audited)', async () => {
    const i = await register('/down');
    answers.set('/down', Array(6).fill(503));
    await emit(9002);
    for (const m of [0, 1, 6, 36, 156, 876]) await deliverDue(ctx.database.db, after(m));
    let [row] = await deliveriesOf(i.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 6, nextAttemptAt: null });
    const redo = await call(admin, 'POST', `/api/webhooks/deliveries/${row!.id}/redeliver`);
    expect(redo).toMatchObject({ status: 200, body: { status: 'pending' } });
    await deliverDue(ctx.database.db, after(877));
    [row] = await deliveriesOf(i.id);
    expect(row).toMatchObject({ status: 'delivered' });
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'webhook.redeliver'));
    expect(audits.some((a) => a.entityId === String(row!.id))).toBe(true);
    expect((await call(admin, 'POST', '/api/webhooks/deliveries/999999/redeliver')).status).toBe(404);
  });

  it('an integrator switched off gets no new events and cannot be redelivered to', async () => {
    const i = await register('/off');
    await emit(9003);
    await call(admin, 'POST', `/api/webhooks/integrators/${i.id}/active`, { active: false });
    await emit(9004);
    const rows = await deliveriesOf(i.id);
    expect(rows).toHaveLength(1);
    const redo = await call(admin, 'POST', `/api/webhooks/deliveries/${rows[0]!.id}/redeliver`);
    expect(redo).toMatchObject({ status: 409, body: { error: { code: 'WEBHOOK_INTEGRATOR_INACTIVE' } } });
    // The row queued before it was switched off is not posted and given up at once.
    await deliverDue(ctx.database.db, after(1));
    expect(received.some((r) => r.path === '/off')).toBe(false);
    expect((await deliveriesOf(i.id))[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('two workers at once never deliver one row twice (FOR UPDATE SKIP LOCKED + lease)', async () => {
    // Everything else delivered first, so only this test's rows are due.
    await ctx.database.db.update(webhookDeliveries).set({ status: 'delivered' }).where(eq(webhookDeliveries.status, 'pending'));
    const i = await register('/race');
    for (let n = 0; n < 30; n++) await emit(10_000 + n);
    const pending = async () => Number((await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(webhookDeliveries).where(eq(webhookDeliveries.status, 'pending')))[0]!.n);
    let rounds = 0;
    while (await pending() > 0 && rounds++ < 20) {
      await Promise.all([deliverDue(ctx.database.db, after(2000), { batch: 4 }), deliverDue(ctx.database.db, after(2000), { batch: 4 })]);
    }
    const ids = received.filter((r) => r.path === '/race').map((r) => r.headers['x-ecogov-delivery']);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    const rows = await deliveriesOf(i.id);
    expect(rows.every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
  });

  it('the started worker delivers on its own and stops when told', async () => {
    await register('/worker');
    await emit(9100);
    const worker = startWebhookWorker(ctx.database.db, { intervalMs: 20, clock: () => after(3000) });
    for (let n = 0; n < 100 && !received.some((r) => r.path === '/worker'); n++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(received.filter((r) => r.path === '/worker')).toHaveLength(1);
  });
});
