// Login lockout: pure, so the thresholds are tested without a clock. The counting itself is one
// atomic upsert in the database (users/actions.ts), per account name and source address.
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** Back-off ceiling: a source that keeps guessing is locked out of that account for a day at most per lock. */
export const MAX_LOCKOUT_MINUTES = 24 * 60;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** How long the lock lasts after `previousLocks` earlier locks of the same account and source: doubling, capped. */
export function lockoutMinutes(previousLocks: number): number {
  return Math.min(LOCKOUT_MINUTES * 2 ** Math.min(previousLocks, 16), MAX_LOCKOUT_MINUTES);
}
