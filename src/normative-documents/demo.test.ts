import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { seedCalendar } from '../calendar/index.js';
import { normativeDocumentYearFigures, seedNormativeDocumentsDemo } from './index.js';

describe('the demo normative documents', { timeout: 120_000 }, () => {
  let ctx: TestContext;
  // The legality review window spans the 2026 Spring Festival: the gates still pass.
  const now = new Date('2026-05-19T10:00:00+08:00');
  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => now });
    await seedCalendar(ctx.database.db, now);
    await ctx.loginAs('legal_reviewer', { username: 'reviewer1' });
    await ctx.loginAs('bureau_leader', { username: 'leader' });
  }, 120_000);
  afterAll(async () => ctx.close());

  it('seeds one document in force (filed on time) and one under review, once', async () => {
    await seedNormativeDocumentsDemo(ctx.database.db, now);
    await seedNormativeDocumentsDemo(ctx.database.db, now);
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/public/normative-documents' })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].documentNumber).toMatch(/^烟环规〔2026〕1号$/);
    expect(await normativeDocumentYearFigures(ctx.database.db, 2026)).toMatchObject({ issued: 1, published: 1, filedOnTime: 1, filedLate: 0, inForceAtYearEnd: 1 });
  });
});
