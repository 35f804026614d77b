// Webhook rules: the retry schedule and which addresses an integrator may register. Pure (now passed in).
import { allowed, refuse, type Outcome } from '../law/outcome.js';

export const EVENT_KINDS = ['decision.published', 'decision.withdrawn', 'decision.corrected', 'ranking.published'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Minutes to wait after the n-th failed attempt (1-based): 1 min, 5 min, 30 min, 2 h, 12 h; then give up. */
export const BACKOFF_MINUTES = [1, 5, 30, 120, 720] as const;
/** Attempts in all before a delivery is given up (the first plus one per back-off step). */
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;

/** When to try again after `failedAttempts` failures, or null when the delivery is given up. */
export function computeNextRetryAt(failedAttempts: number, now: Date): Date | null {
  if (failedAttempts < 1 || failedAttempts > BACKOFF_MINUTES.length) return null;
  return new Date(now.getTime() + BACKOFF_MINUTES[failedAttempts - 1]! * 60_000);
}

/** A 2xx answer delivers; anything else (or no answer) is retried. */
export const isDelivered = (statusCode: number | null): boolean => statusCode !== null && statusCode >= 200 && statusCode < 300;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Events carry public data but are signed: only https, except plain http to this machine where allowed (tests). */
export function checkWebhookUrl(raw: string, allowHttpLocalhost: boolean): Outcome {
  let url: URL;
  try { url = new URL(raw); } catch { return refuse('WEBHOOK_URL_INVALID', undefined, 'url'); }
  if (url.username || url.password) return refuse('WEBHOOK_URL_INVALID', undefined, 'url');
  if (url.protocol === 'https:') return allowed;
  if (url.protocol === 'http:' && allowHttpLocalhost && LOCAL_HOSTS.has(url.hostname)) return allowed;
  return refuse('WEBHOOK_URL_NOT_HTTPS', undefined, 'url');
}
