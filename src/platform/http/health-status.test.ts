import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.js';
import { clearBackgroundJobs, trackBackgroundJob } from './health-status.js';

describe('GET /api/health/background: the server\'s background work (the demo year on `npm start`)', () => {
  let ctx: TestContext;
  beforeAll(async () => { ctx = await createTestContext(); });
  afterAll(async () => { clearBackgroundJobs(); await ctx.close(); });
  beforeEach(() => clearBackgroundJobs());

  it('shows an administrator each job with its progress, then its outcome', async () => {
    const admin = await ctx.loginAs('administrator');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health/background', headers: admin })).json()).toEqual({ jobs: [] });
    const job = trackBackgroundJob('demo-2020', new Date('2026-01-05T08:00:00Z'));
    job.progress('2020 demo year', 120, 237);
    const running = await ctx.app.inject({ method: 'GET', url: '/api/health/background', headers: admin });
    expect(running.statusCode).toBe(200);
    expect(running.json().jobs).toEqual([{ name: 'demo-2020', state: 'running', step: '2020 demo year', done: 120, total: 237,
      startedAt: '2026-01-05T08:00:00.000Z', finishedAt: null, message: null }]);
    job.progress('2020 demo year', 237, 237);
    job.finish('done', 'casesCreated 237', new Date('2026-01-05T08:01:00Z'));
    const [done] = (await ctx.app.inject({ method: 'GET', url: '/api/health/background', headers: admin })).json().jobs;
    expect(done).toMatchObject({ state: 'done', done: 237, finishedAt: '2026-01-05T08:01:00.000Z', message: 'casesCreated 237' });
  });

  it('is for administrators: 401 without a session, 403 for other roles', async () => {
    trackBackgroundJob('demo-2020');
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/health/background' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    const officer = await ctx.app.inject({ method: 'GET', url: '/api/health/background', headers: await ctx.loginAs('enforcement_officer') });
    expect(officer.statusCode).toBe(403);
    expect(officer.json().error.code).toBe('FORBIDDEN');
  });
});
