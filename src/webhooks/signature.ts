// The signature scheme: HMAC-SHA256, keyed with the integrator's secret, over `${timestamp}.${rawBody}` where
// timestamp is the X-EcoGov-Timestamp header (Unix seconds). Sent as `X-EcoGov-Signature: sha256=<hex>`. A
// receiver recomputes it over the raw bytes and rejects a timestamp more than 5 minutes from its clock (replays).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-ecogov-signature';
export const TIMESTAMP_HEADER = 'x-ecogov-timestamp';
export const EVENT_HEADER = 'x-ecogov-event';
export const DELIVERY_HEADER = 'x-ecogov-delivery';

export function signPayload(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: constant-time comparison, and a timestamp within `toleranceSeconds` of now. */
export function verifySignature(secret: string, timestamp: number, body: string, signature: string, now: Date, toleranceSeconds = 300): boolean {
  if (!Number.isFinite(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A new secret: 32 random bytes, prefixed so it is recognisable in a config file. */
export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;
