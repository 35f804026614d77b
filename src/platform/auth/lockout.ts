// Login lockout: pure, so the thresholds are tested without a clock.
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** After a failed attempt: the new failure count and, at the threshold, the lock's end. */
export function afterFailedLogin(failedLogins: number, now: Date): { failedLogins: number; lockedUntil: Date | null } {
  const next = failedLogins + 1;
  if (next >= MAX_FAILED_LOGINS) return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
  return { failedLogins: next, lockedUntil: null };
}
