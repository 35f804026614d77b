// Shared helpers for browser tests: the system Chromium, a fresh web build, signing in.
// Without /usr/bin/chromium the suites skip themselves (`describe.skipIf(!hasChromium)`).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`[e2e] browser tests were skipped because no chromium exists at ${CHROMIUM}`);
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WEB_SRC = join(ROOT, 'web', 'src');
const WEB_INDEX = join(ROOT, 'web', 'dist', 'index.html');
const BUILD_LOCK = join(ROOT, 'web', '.dist-build.lock');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function webIsStale(): boolean {
  const sourcesNewest = Math.max(
    newestMtime(WEB_SRC),
    statSync(join(ROOT, 'web', 'index.html')).mtimeMs,
    statSync(join(ROOT, 'web', 'vite.config.ts')).mtimeMs,
  );
  return !existsSync(WEB_INDEX) || statSync(WEB_INDEX).mtimeMs < sourcesNewest;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Runs `fn` holding the build lock: suites run in parallel, and only one may build or copy at a time. */
function withBuildLock<T>(fn: () => T): T {
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      // A lock left by a killed run goes stale after three minutes.
      const lock = statSync(BUILD_LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 180_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      sleep(200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function buildIfStale(): void {
  if (!webIsStale()) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    // Vitest sets NODE_ENV=test, which would give a development React build.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}

/** The server serves web/dist: build it when missing or older than the sources. */
export function ensureWebBuilt(): void {
  withBuildLock(buildIfStale);
}

/**
 * A private copy of the freshly built web app for one suite's server: a later rebuild of the shared
 * web/dist (by another suite or engineer) cannot pull the page's chunks from under a running test.
 */
export function webSnapshot(): { dir: string; remove(): void } {
  return withBuildLock(() => {
    buildIfStale();
    const dir = mkdtempSync(join(tmpdir(), 'ecogov-web-'));
    cpSync(join(ROOT, 'web', 'dist'), dir, { recursive: true });
    return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh context (its own cookies: one user each) with a page that records uncaught errors. */
export async function newPage(browser: Browser, options: { locale?: string; timezoneId?: string } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: options.locale ?? 'zh-CN', timezoneId: options.timezoneId, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // Generous: CI shares two cores between the browser, the server, the database and other suites.
  page.setDefaultTimeout(45_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

/** Signs in through the login page and waits until the app has left it. */
export async function login(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(baseUrl + '/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.getByTestId('current-user').waitFor();
}

/**
 * Clicks a dialog's submit button until the request it sends leaves the page (a click that lands while the dialog
 * is still opening on a loaded machine may be lost), then returns that request's response.
 */
export async function clickUntilRequest(page: Page, button: Locator, matches: (url: string, method: string) => boolean, attempts = 4): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const sent = page.waitForRequest((r) => matches(r.url(), r.method()), { timeout: 10_000 });
    await button.click();
    try {
      const response = await (await sent).response();
      if (!response) throw new Error('request failed without a response');
      return response;
    } catch (error) {
      if (attempt >= attempts) {
        // Say why no request left: the form's own validation messages and any toast on the page.
        const shown = await page.locator('.ant-form-item-explain-error, .ant-message-notice').allInnerTexts().catch(() => []);
        throw new Error(`${String(error)}; after ${attempts} clicks the page shows: ${JSON.stringify(shown)}`);
      }
    }
  }
}

/**
 * Chooses `label` in the antd Select `select`, looking the option up in that select's own dropdown (found by its
 * listbox id), never in another dropdown still fading out; retried when the choice did not take (a re-render
 * closed the dropdown under the click). A multiple select's dropdown stays open: close it with `closeBy`.
 */
export async function chooseOption(page: Page, select: Locator, label: string, closeBy?: Locator): Promise<void> {
  const chosen = () => select.locator('.ant-select-selection-item').allTextContents().then((x) => x.some((v) => v.includes(label)));
  if (await chosen()) return;
  const listId = await select.locator('input[role=combobox]').first().getAttribute('id');
  const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}_list"]`) });
  const option = dropdown.locator('.ant-select-item-option', { hasText: label }).first();
  for (let attempt = 1; ; attempt++) {
    if (!(await option.isVisible())) await select.click();
    await option.click();
    for (let waited = 0; waited < 5_000 && !(await chosen()); waited += 100) await page.waitForTimeout(100);
    if (await chosen()) break;
    if (attempt >= 3) throw new Error(`the option ${label} did not take in its select`);
  }
  if (closeBy) {
    await closeBy.click();
    await dropdown.locator(':visible').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
  }
}
