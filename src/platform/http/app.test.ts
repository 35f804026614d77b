import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/app.js';
import { statusForRefusal } from './outcome-to-http.js';
import { refuse } from '../../law/outcome.js';

describe('outcome → HTTP status, in one place', () => {
  it.each([
    [refuse('INVALID_INPUT', undefined, 'x'), 400],
    [refuse('UNAUTHENTICATED'), 401],
    [refuse('FORBIDDEN'), 403],
    [refuse('OUT_OF_SCOPE', undefined, 'districtId'), 403],
    [refuse('NOT_FOUND'), 404],
    [refuse('LEGAL_REVIEW_MISSING', { law: '行政处罚法', article: '第五十八条' }), 409],
    [refuse('CREDIT_CODE_CHECK_CHARACTER', undefined, 'creditCode'), 422],
    [refuse('ACCOUNT_LOCKED'), 423],
  ])('%j → %i', (refusal, status) => {
    expect(statusForRefusal(refusal)).toBe(status);
  });
});

describe('OpenAPI', () => {
  let ctx: TestContext;
  beforeAll(async () => { ctx = await createTestContext(); });
  afterAll(async () => ctx.close());

  it('publishes the API description at /api/docs/json with the zod schemas', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/enterprises', '/api/enterprises/{id}', '/api/auth/login', '/api/audit']));
    const create = doc.paths['/api/enterprises'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['creditCode', 'districtId', 'outfalls']));
  });

  it('serves the documentation UI', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/swagger/i);
  });
});

describe('the public API is readable cross-origin, whichever capability serves it', () => {
  let ctx: TestContext;
  beforeAll(async () => { ctx = await createTestContext(); });
  afterAll(async () => ctx.close());

  it('every GET under /api/public/ in the OpenAPI description answers with open CORS (errors included)', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, { get?: unknown }> };
    const publicGets = Object.entries(doc.paths).filter(([path, ops]) => path.startsWith('/api/public/') && ops.get).map(([path]) => path.replace(/\{[^}]+\}/g, '999999'));
    expect(publicGets).toEqual(expect.arrayContaining(['/api/public/major-decisions', '/api/public/normative-documents', '/api/public/eia/publicity']));
    for (const url of publicGets) {
      const res = await ctx.app.inject({ method: 'GET', url, headers: { origin: 'https://example.org' } });
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.headers['access-control-allow-origin'], url).toBe('*');
    }
  });
});
