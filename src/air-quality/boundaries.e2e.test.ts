// Browser walk of the district outlines on the station map: an administrator's import (synthetic squares, never
// real boundaries) is drawn under the stations, filled with the district AQI, with its source, licence and 审图号.
// Skipped without /usr/bin/chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, login, newPage, webSnapshot } from '../../test/e2e/browser.js';
import { loginHeaders } from '../../test/helpers/app.js';
import { createTestDatabase } from '../../test/helpers/db.js';
import { buildApp } from '../platform/http/app.js';
import { seedOrganisation } from '../organisation/seed.js';
import { addUser } from '../users/actions.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { seedAirDemo } from './demo.js';
import { listStations } from './queries.js';

const square = (lon: number, lat: number, size = 0.1) => ({
  type: 'Polygon', coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
});

describe.skipIf(!hasChromium)('district outlines on the station map in the browser', () => {
  let close: () => Promise<void>;
  let url: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const database = await createTestDatabase();
    const now = new Date('2021-06-01T02:00:00Z');
    await seedOrganisation(database.db, now);
    await addUser(database.db, SYSTEM_ACTOR, { username: 'admin', displayName: '管理员', password: 'e2e-admin-password', role: 'administrator', districtId: null, departmentId: null, enterpriseId: null, credentialNo: null, holdsLegalQualification: false }, now);
    await seedAirDemo(database.db, now, undefined, { stations: 8, days: 2, endOn: '2021-05-31' });
    const web = webSnapshot();
    const app = await buildApp({ database, webDist: web.dir });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    close = async () => { await app.close(); await database.close(); web.remove(); };

    // One synthetic square around a district-level station of each of two districts.
    const stations = (await listStations(database.db)).filter((s) => s.level !== 'township');
    const picked = [...new Map(stations.map((s) => [s.districtId, s])).values()].slice(0, 2);
    const features = picked.map((s) => ({ type: 'Feature', properties: { name: s.districtName }, geometry: square(s.longitude - 0.05, s.latitude - 0.05) }));
    const res = await app.inject({
      method: 'PUT', url: '/api/air-quality/boundaries', headers: await loginHeaders(app, 'admin', 'e2e-admin-password'),
      payload: { source: '合成测试数据', licence: '仅供测试', reviewNumber: '测试审图号', geojson: { type: 'FeatureCollection', features } },
    });
    expect(res.statusCode, res.body).toBe(200);

    browser = await launchBrowser();
    ({ page, errors } = await newPage(browser));
    await login(page, url, 'admin', 'e2e-admin-password');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  it('draws the imported outlines, filled by district AQI, with their attribution', async () => {
    await page.goto(`${url}/air-quality/map?date=2021-05-31`);
    const outlines = page.locator('[data-testid="station-map"] path.district-outline');
    await expect.poll(() => outlines.count()).toBe(2);
    await expect.poll(async () => (await outlines.evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')))).some((f) => f && f !== 'none')).toBe(true);
    await expect.poll(() => page.getByTestId('boundary-attribution').textContent()).toContain('行政区划边界: 合成测试数据（仅供测试） 审图号 测试审图号');
    expect(await page.locator('[data-testid="station-map"] .leaflet-control-attribution').textContent()).toContain('合成测试数据');
    expect(errors).toEqual([]);
  });

  it('lets the administrator upload a file and shows the server\'s refusal naming the feature', async () => {
    await page.getByTestId('boundary-import-open').click();
    const bad = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '379999' }, geometry: square(121.3, 37.4) }] };
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'bad.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByTestId('boundary-source').fill('合成测试数据');
    await page.getByTestId('boundary-licence').fill('仅供测试');
    await expect.poll(() => page.getByTestId('boundary-submit').isEnabled()).toBe(true);
    await page.getByTestId('boundary-submit').click();
    await expect.poll(() => page.getByTestId('boundary-error').textContent()).toContain('geojson.features[0].properties.code');
    expect(await page.getByTestId('boundary-error').textContent()).toContain('379999');
    expect(errors).toEqual([]);
  });
});
