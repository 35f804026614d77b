// 移动执法 on a phone (Chromium mobile emulation, 390×844): the app installs (manifest, service worker) and
// starts offline; an inspection record with two photos and three signatures is taken offline, survives
// closing the page, and syncs once online — the server holds each record and file once, with the device's
// hashes. An upload cut mid-way resumes at the server's offset without a duplicate. The case page and the
// lead form fit 390 px (no horizontal scroll; screenshots in test-artifacts/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { hasChromium, launchBrowser, webSnapshot } from '../../test/e2e/browser.js';
import { fileCase, makeBureau, type Bureau } from '../../test/helpers/cases.js';
import type { TestContext } from '../../test/helpers/app.js';
import { listDistrictsWithTownships } from '../organisation/queries.js';
import { evidenceFiles } from '../evidence/tables.js';
import { verifyEvidence } from '../evidence/index.js';
import { chinaDateOf } from '../law/civil-date.js';
import { fieldRecords, fieldUploads } from './tables.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const ARTIFACTS = join(process.cwd(), 'test-artifacts');

/** A JPEG-looking file (the server checks type by name and MIME; the content is hashed as is). */
const jpeg = (bytes: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(bytes - 4)]);

async function draw(page: Page, testId: string) {
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  const box = (await page.getByTestId(testId).boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 30);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + 20 + i * 25, box.y + 30 + (i % 2) * 50, { steps: 2 });
  await page.mouse.up();
}

describe.skipIf(!hasChromium)('移动执法 on a phone, offline', { timeout: 120_000 }, () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  let context: BrowserContext;
  let b: Bureau;
  let caseId: number;
  let evidenceDir: string;

  beforeAll(async () => {
    evidenceDir = mkdtempSync(join(tmpdir(), 'ecogov-field-e2e-'));
    process.env.ECOGOV_EVIDENCE_DIR = evidenceDir;
    web = webSnapshot();
    server = await startTestServer({ webDist: web.dir });
    const districts = await listDistrictsWithTownships(server.database.db);
    const ctx = { app: server.app, database: server.database, districts, districtByCode: (c: string) => districts.find((d) => d.code === c)! } as unknown as TestContext;
    b = await makeBureau(ctx);
    caseId = await fileCase(ctx, b, chinaDateOf(new Date()));
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN',
      permissions: ['geolocation'], geolocation: { latitude: 37.5213, longitude: 121.4102 }, serviceWorkers: 'allow',
    });
    // Signed in as officer A (the session cookie of the API login).
    const token = /ecogov_session=([^;]+)/.exec(b.officerA.headers.cookie!)![1]!;
    await context.addCookies([{ name: 'ecogov_session', value: token, url: server.url }]);
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
    delete process.env.ECOGOV_EVIDENCE_DIR;
    rmSync(evidenceDir, { recursive: true, force: true });
  });

  it('installs, starts offline, takes a record offline, keeps it over a restart and syncs it once; a cut upload resumes', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/field`);
    await page.getByTestId(`field-task-case-${caseId}`).waitFor();

    // Installable: the manifest and an active service worker that controls the page.
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await page.request.get(new URL(manifestHref!, server.url).href)).json();
    expect(manifest).toMatchObject({ name: expect.stringContaining('移动执法'), start_url: '/field', display: 'standalone' });
    expect(manifest.icons).toEqual(expect.arrayContaining([expect.objectContaining({ sizes: '192x192' }), expect.objectContaining({ sizes: '512x512' })]));
    expect(await page.evaluate('navigator.serviceWorker.ready.then((r) => Boolean(r.active))')).toBe(true);

    // Offline start: a reload with no network renders the app and the day's work from the device.
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId(`field-task-case-${caseId}`).waitFor();
    await expect.poll(() => page.getByTestId('field-online').innerText()).toBe('离线');

    // The record, offline: two photos (hashed and located at capture), three signatures, the credential numbers shown.
    await page.getByTestId(`field-take-case-${caseId}`).click();
    await page.getByTestId('field-summary').fill('废水总排口有黑色废水外排，现场采样。');
    const photos = [jpeg(120_000), jpeg(90_000)];
    await page.getByTestId('field-photo-input').setInputFiles(photos.map((buffer, i) => ({ name: `photo-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer })));
    await expect.poll(() => page.getByTestId('field-photo-item').count()).toBe(2);
    expect(await page.getByTestId('field-photo-item').first().innerText()).toContain(sha(photos[0]!).slice(0, 16));
    expect(await page.getByTestId('field-credentials').innerText()).toMatch(/执法证号 [A-Z]\d+/);
    for (const who of ['officer1', 'officer2', 'party']) await draw(page, `field-sign-${who}`);
    await page.getByTestId('field-save').click();
    await page.getByTestId('field-outbox-item').waitFor();
    await page.close();

    // Closed and reopened, still offline: the outbox is still there.
    const again = await context.newPage();
    again.setDefaultTimeout(30_000);
    again.on('pageerror', (e) => errors.push(String(e)));
    await again.goto(`${server.url}/field`);
    await expect.poll(() => again.getByTestId('field-outbox-item').getAttribute('data-status')).toBe('pending');

    // Online: it syncs by itself.
    await context.setOffline(false);
    await expect.poll(() => again.getByTestId('field-outbox-item').getAttribute('data-status'), { timeout: 30_000 }).toBe('synced');
    await expect.poll(() => again.getByTestId('field-outbox-item').innerText(), { timeout: 30_000 }).toContain('5/5');
    const db = server.database.db;
    const records = await db.select().from(fieldRecords).where(eq(fieldRecords.createdById, b.officerA.id));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ caseId, caseStepId: expect.any(Number), kind: 'inspection_record' });
    const evidence = await db.select().from(evidenceFiles).where(eq(evidenceFiles.caseId, caseId));
    expect(evidence).toHaveLength(5);
    for (const p of photos) expect(evidence.filter((e) => e.sha256 === sha(p))).toEqual([expect.objectContaining({ kind: 'photo', latitude: 37.5213, stepId: records[0]!.caseStepId })]);
    expect(evidence.filter((e) => e.kind === 'other' && e.mimeType === 'image/png')).toHaveLength(3);

    // The connection breaks during the second chunk of a larger photo; the next sync resumes at the server offset.
    await again.getByTestId(`field-take-case-${caseId}`).click();
    await again.getByTestId('field-summary').fill('复查：排口已封堵。');
    const big = jpeg(700_000);
    await again.getByTestId('field-photo-input').setInputFiles([{ name: 'big.jpg', mimeType: 'image/jpeg', buffer: big }]);
    await expect.poll(() => again.getByTestId('field-photo-item').count()).toBe(1);
    for (const who of ['officer1', 'officer2', 'party']) await draw(again, `field-sign-${who}`);
    // The big photo's second chunk (the only upload with a chunk at 256 KiB) is cut once.
    let cut = 0;
    await again.route(/\/api\/field\/uploads\/[0-9a-f-]+\?offset=/, async (route) => {
      if (new URL(route.request().url()).searchParams.get('offset') === String(256 * 1024) && cut++ === 0) await route.abort('connectionreset');
      else await route.continue();
    });
    await again.getByTestId('field-save').click();
    await again.getByTestId('field-sync').click();
    await again.getByTestId('field-error').waitFor();
    const partial = await db.select().from(fieldUploads).where(eq(fieldUploads.sizeBytes, big.length));
    expect(partial).toMatchObject([{ receivedBytes: 256 * 1024, evidenceId: null }]);
    await again.getByTestId('field-sync').click();
    await expect.poll(async () => (await again.getByTestId('field-outbox-item').allInnerTexts()).filter((t) => t.includes('4/4')).length, { timeout: 30_000 }).toBe(1);
    expect(await db.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, sha(big)))).toHaveLength(1);
    expect(await db.select().from(fieldUploads).where(eq(fieldUploads.sizeBytes, big.length))).toMatchObject([{ receivedBytes: big.length, evidenceId: expect.any(Number) }]);
    expect(await db.select().from(fieldRecords).where(eq(fieldRecords.createdById, b.officerA.id))).toHaveLength(2);
    expect((await verifyEvidence(db, evidenceDir)).ok).toBe(true);
    // Cut once at 256 KiB, then resumed there (not from 0).
    expect(cut).toBe(2);
    expect(errors).toEqual([]);
    await again.close();
  });

  it('the case page and the lead form fit a 390 px screen', async () => {
    await context.setOffline(false);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    // With isMobile the layout viewport grows to fit wide content: hold the page to the screen's 390 px.
    const noHorizontalScroll = async () => {
      const wide = await page.evaluate(`[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 391)
        .slice(0, 5).map((e) => e.tagName + '.' + String(e.className).slice(0, 60) + ' ' + Math.round(e.getBoundingClientRect().right))`);
      const fits = await page.evaluate('document.scrollingElement.scrollWidth <= 390 && window.innerWidth <= 390');
      if (!fits) console.log('too wide:', wide);
      return fits;
    };
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByTestId('menu-toggle').waitFor();
    await page.getByTestId('case-detail').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(ARTIFACTS, 'case-page-390.png'), fullPage: true });
    expect(await noHorizontalScroll()).toBe(true);
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('side-menu').waitFor();
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}/leads`);
    await page.getByTestId('lead-register').or(page.getByTestId('lead-register-empty')).first().click();
    await page.getByTestId('lead-register-form').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'lead-form-390.png'), fullPage: true });
    expect(await noHorizontalScroll()).toBe(true);
    await page.close();
  });
});
