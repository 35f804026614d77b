import { describe, expect, it } from 'vitest';
import { BACKOFF_MINUTES, checkWebhookUrl, computeNextRetryAt, isDelivered, MAX_ATTEMPTS } from './rules.js';
import { signPayload, verifySignature } from './signature.js';

const now = new Date('2026-12-04T10:00:00+08:00');
const minutesAfter = (d: Date | null) => (d === null ? null : (d.getTime() - now.getTime()) / 60_000);

describe('webhook back-off schedule', () => {
  it('waits 1 min, 5 min, 30 min, 2 h, 12 h after the 1st…5th failure, then gives up', () => {
    expect([1, 2, 3, 4, 5].map((n) => minutesAfter(computeNextRetryAt(n, now)))).toEqual([1, 5, 30, 120, 720]);
    expect(computeNextRetryAt(6, now)).toBeNull();
    expect(computeNextRetryAt(0, now)).toBeNull();
    expect(MAX_ATTEMPTS).toBe(BACKOFF_MINUTES.length + 1);
  });
  it('never shortens: each wait is longer than the one before', () => {
    for (let n = 2; n <= BACKOFF_MINUTES.length; n++) expect(minutesAfter(computeNextRetryAt(n, now))!).toBeGreaterThan(minutesAfter(computeNextRetryAt(n - 1, now))!);
  });
  it.each([[200, true], [204, true], [299, true], [301, false], [400, false], [500, false], [null, false]] as const)('status %s delivered: %s', (code, ok) => {
    expect(isDelivered(code)).toBe(ok);
  });
});

describe('webhook URL', () => {
  it.each([
    ['https://example.org/hook', false, true],
    ['http://example.org/hook', false, false],
    ['http://localhost:8080/hook', false, false],
    ['http://localhost:8080/hook', true, true],
    ['http://127.0.0.1:8080/hook', true, true],
    ['http://10.0.0.5/hook', true, false],
    ['ftp://example.org/', true, false],
  ] as const)('%s (localhost allowed: %s) → %s', (url, local, ok) => {
    expect(checkWebhookUrl(url, local).ok).toBe(ok);
    if (!ok) expect(checkWebhookUrl(url, local)).toMatchObject({ code: 'WEBHOOK_URL_NOT_HTTPS', field: 'url' });
  });
  it.each(['not a url', 'https://user:pw@example.org/'])('refuses %s as invalid', (url) => {
    expect(checkWebhookUrl(url, true)).toMatchObject({ ok: false, code: 'WEBHOOK_URL_INVALID', field: 'url' });
  });
});

describe('webhook signature: HMAC-SHA256 over "timestamp.body"', () => {
  const body = '{"kind":"decision.published"}';
  it('matches a vector computed independently (Python hmac)', () => {
    expect(signPayload('whsec_test', 1700000000, body)).toBe('sha256=5a2a44ec7b1ca2265e948a933d67c038e52a807ddc2d00601ac1b08e95aacb44');
  });
  it('verifies within 5 minutes, refuses a replayed timestamp, another body or another key', () => {
    const sig = signPayload('whsec_test', 1700000000, body);
    const at = (s: number) => new Date((1700000000 + s) * 1000);
    expect(verifySignature('whsec_test', 1700000000, body, sig, at(299))).toBe(true);
    expect(verifySignature('whsec_test', 1700000000, body, sig, at(301))).toBe(false);
    expect(verifySignature('whsec_test', 1700000000, `${body} `, sig, at(0))).toBe(false);
    expect(verifySignature('whsec_other', 1700000000, body, sig, at(0))).toBe(false);
    // The timestamp is signed: moving it forward to pass the window breaks the signature.
    expect(verifySignature('whsec_test', 1700000400, body, sig, at(400))).toBe(false);
  });
});
