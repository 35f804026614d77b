// Browser walk over every route of the web app on an EMPTY database (reference organisation and one
// administrator, no demo data): no page may fall into the error boundary, and each list page must show an
// empty state (data-testid="empty-state") that says what to do next. The route list below must equal the
// router's (read from web/src/app/App.tsx), so a new route cannot be left out of the walk.
// Needs a system Chromium at /usr/bin/chromium; without one the suite is skipped.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../helpers/server.js';
import { hasChromium, launchBrowser, login, newPage, webSnapshot } from './browser.js';

/**
 * Every route of the router. `list`: a page that lists records, which must show the empty state on an empty
 * database. `page`: a form, a dashboard, a detail of a record that does not exist, or a list that is never empty
 * (the audit log has the seeding's entries; the user list has the administrator).
 */
const ROUTES: Record<string, 'list' | 'page'> = {
  '/': 'page',
  'workbench/threshold-review': 'list',
  'enterprises': 'list',
  'enterprises/new': 'page',
  'enterprises/:id': 'page',
  'enterprises/:id/edit': 'page',
  'audit': 'page',
  'users': 'page',
  'calendar': 'page',
  'settings': 'page',
  'cases': 'list',
  'cases/:id': 'page',
  'leads': 'list',
  'deadlines': 'list',
  'review-queue': 'list',
  'committee': 'list',
  'exemptions': 'page',
  'exemptions/cases/:caseId': 'page',
  'discretion': 'page',
  'file-review': 'list',
  'file-review/results': 'list',
  'air-quality': 'page',
  'air-quality/daily': 'list',
  'air-quality/monthly': 'list',
  'air-quality/map': 'page',
  'air-quality/trends': 'list',
  'air-quality/assessment': 'list',
  'air-quality/sanctions': 'list',
  'air-quality/stations': 'list',
  'water-quality': 'list',
  'monitoring': 'page',
  'monitoring/board': 'list',
  'monitoring/events': 'list',
  'monitoring/rejections': 'list',
  'monitoring/devices': 'list',
  'monitoring/limits': 'list',
  'monitoring/channels': 'list',
  'monitoring/unknown-codes': 'list',
  'monitoring/simulation': 'list',
  'supervision': 'page',
  'supervision/risk': 'list',
  'supervision/weights': 'page',
  'supervision/lists': 'list',
  'supervision/draws': 'list',
  'supervision/complaints': 'list',
  'training': 'list',
  'training/exams/:id': 'page',
  'training/study': 'list',
  'training/popularisation': 'list',
  'training/typical-cases': 'list',
  'training/typical-cases/:id': 'page',
  'training/figures': 'list',
  'campaigns': 'list',
  'campaigns/:id': 'page',
  'info-requests': 'list',
  'info-requests/:id': 'page',
  'info-requests/error-reports': 'list',
  'counsel': 'list',
  'annual-report': 'page',
  'counsel/:id': 'page',
  'counsel/tasks/:id': 'page',
  'meetings': 'list',
  'meetings/:id': 'page',
  'litigation': 'list',
  'litigation/:id': 'page',
  'field': 'page',
  'public/requests': 'page',
  'public/error-reports': 'page',
  'public/error-reports/:ticket': 'page',
  'public': 'list',
  'public/decisions/:id': 'page',
  'public/rankings': 'list',
  'public/rankings/:id': 'page',
  'public/typical-cases': 'list',
  'public/positive-list': 'list',
  'webhooks': 'list',
  'public/enterprises/:id': 'page',
  'public/major-decisions': 'list',
  'public/major-decisions/:id': 'page',
  'decisions': 'list',
  'decisions/:id': 'page',
  'normative-documents': 'list',
  'normative-documents/:id': 'page',
  'public/normative-documents': 'list',
  'public/normative-documents/:id': 'page',
  'public/districts/:id': 'page',
  'public/watch-list': 'page',
  'watch-list': 'list',
  'disclosure': 'list',
  'annual-tasks': 'list',
  'annual-tasks/dispatch': 'list',
  'annual-tasks/:id': 'page',
  'zoning': 'list',
  'permits': 'list',
  'permits/:id': 'page',
  'licensing': 'list',
  'licensing/board': 'page',
  'licensing/:id': 'page',
};

/** The route paths of web/src/app/App.tsx: `path="…"`, the `[path, …]` tables, and the index route. */
function routerPaths(): string[] {
  const source = readFileSync(fileURLToPath(new URL('../../web/src/app/App.tsx', import.meta.url)), 'utf8');
  const paths = new Set<string>();
  for (const m of source.matchAll(/\bpath="([^"]+)"/g)) paths.add(m[1]!);
  for (const m of source.matchAll(/^\s*\['([a-z][a-zA-Z0-9\-/:]*)',\s*(?:'[a-z_.]+',\s*)?</gm)) paths.add(m[1]!);
  if (/<Route\s+index\b/.test(source)) paths.add('/');
  paths.delete('/login');
  paths.delete('*');
  return [...paths].sort();
}

const urlOf = (route: string) => (route === '/' ? '/' : `/${route.replace(/:[a-zA-Z]+/g, '999999')}`);

describe.skipIf(!hasChromium)('empty states on an empty database', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];
  let inFlight = 0;
  /** Who waits for the moment no API request is in flight. */
  const idle: (() => void)[] = [];

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ webDist: web.dir });
    browser = await launchBrowser();
    ({ page, errors: pageErrors } = await newPage(browser));
    const isApi = (u: string) => new URL(u).pathname.startsWith('/api/');
    page.on('request', (r) => { if (isApi(r.url())) inFlight++; });
    const finished = (r: { url(): string }) => {
      if (!isApi(r.url()) || --inFlight > 0) return;
      for (const wake of idle.splice(0)) wake();
    };
    page.on('requestfinished', finished);
    page.on('requestfailed', finished);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  /** Waits until the page has no spinner or skeleton and no API request in flight (its data has loaded). */
  async function settled(): Promise<void> {
    for (;;) {
      // No visible spinner or skeleton is left (a suspended page's old content is hidden, not removed).
      await page.locator('[data-testid="page-loading"]:visible, .ant-spin-spinning:visible, .ant-skeleton-active:visible').first().waitFor({ state: 'detached' });
      if (inFlight === 0) return;
      await new Promise<void>((resolve) => idle.push(resolve));
    }
  }

  it('lists the same routes as the router', () => {
    expect(Object.keys(ROUTES).sort()).toEqual(routerPaths());
  });

  it('every route renders without the error boundary; every list page says what to do next', async () => {
    await login(page, server.url, server.adminUsername, server.adminPassword);
    const missing: string[] = [];
    const broken: string[] = [];
    for (const [route, kind] of Object.entries(ROUTES)) {
      // Client-side navigation (one page load for the whole walk). What the old page rendered is marked first, so
      // the walk waits for the new page's own content (a navigation may keep the old page until the new one is in).
      // (A string: the browser's DOM types are not in this Node project's compiler settings.)
      const moved = await page.evaluate(`(() => {
        const to = ${JSON.stringify(urlOf(route))};
        if (window.location.pathname === to) return false;
        for (const el of document.querySelectorAll('main.ant-layout-content > *, [data-testid="empty-state"]')) el.setAttribute('data-stale', '1');
        window.history.pushState({}, '', to);
        window.dispatchEvent(new PopStateEvent('popstate'));
        return true;
      })()`);
      if (moved) {
        await page.locator('main.ant-layout-content > :not([data-stale]), [data-testid="error-boundary"]').first().waitFor()
          .catch((e: Error) => { throw new Error(`${route}: ${e.message}`); });
      }
      await settled();
      if (await page.getByTestId('error-boundary').count()) broken.push(`${route}: ${await page.getByTestId('error-boundary').innerText()}`);
      if (kind !== 'list') continue;
      // A page may ask in two steps (the latest day, then that day's data): give the second answer time to arrive.
      const empty = page.locator('[data-testid="empty-state"]:not([data-stale])');
      if (!(await empty.first().waitFor({ timeout: 10_000 }).then(() => true, () => false))) { missing.push(route); continue; }
      const text = (await empty.first().innerText()).trim();
      if (text.length < 8) missing.push(`${route} (no next-step text: "${text}")`);
    }
    expect(broken).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('/deadlines?withinDays=7 (the workbench link) asks the server for that window, shows it as a filter, and the filter clears', async () => {
    const { context, page: p, errors } = await newPage(browser);
    try {
      await login(p, server.url, server.adminUsername, server.adminPassword);
      const asked = (days: string | null) => p.waitForResponse((r) => {
        const u = new URL(r.url());
        return u.pathname === '/api/cases/deadlines' && u.searchParams.get('withinDays') === days && r.ok();
      });
      const seven = asked('7');
      await p.goto(`${server.url}/deadlines?withinDays=7`);
      await seven;
      const filter = p.getByTestId('filter-withinDays');
      await filter.locator('.ant-select-selection-item', { hasText: '7' }).waitFor();
      await p.locator('[data-testid="empty-state"]', { hasText: '7 日内' }).waitFor();
      // Cleared: the parameter leaves the URL and the board comes back with the server's default window.
      const plain = asked(null);
      await filter.hover();
      await filter.locator('.ant-select-clear').click();
      await plain;
      expect(new URL(p.url()).searchParams.has('withinDays')).toBe(false);
      await p.locator('[data-testid="empty-state"]', { hasText: '3 日内' }).waitFor();
      expect(await filter.locator('.ant-select-selection-item').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
