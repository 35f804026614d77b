// The party's discharge permits on the case page: the permits capability supplies them through this provider
// hook (registered by src/permits/index.ts; cases never imports permits). Shown when the case's legal basis — its
// cause, the violated provisions or the penalty basis — cites 排污许可管理条例 (issue 13: "a case citing 排污许可管理条例
// shows the permit").
import type { DbOrTx } from '../platform/db/index.js';
import type { Proposal } from './tables.js';

export interface PartyPermit {
  id: number; number: string; managementClass: 'key' | 'simplified' | 'registration'; status: 'active' | 'superseded' | 'revoked' | 'cancelled';
  validFrom: string; validTo: string | null; endedOn: string | null;
  /** Valid on the day asked (active and inside its validity). */
  validOn: boolean;
  outfalls: { code: string; limits: number }[];
}
export type PartyPermitProvider = (db: DbOrTx, enterpriseId: number, on: string) => Promise<PartyPermit[]>;

let provider: PartyPermitProvider | null = null;
export function registerPartyPermitProvider(p: PartyPermitProvider): void { provider = p; }

export const PERMIT_REGULATION = '排污许可管理条例';

/** Pure: whether the case's legal basis cites the 排污许可管理条例. */
export function citesPermitRegulation(c: { cause: string; proposal: Pick<Proposal, 'violatedProvisions' | 'penaltyBasis'> | null }): boolean {
  return [c.cause, c.proposal?.violatedProvisions ?? '', c.proposal?.penaltyBasis ?? ''].some((s) => s.includes(PERMIT_REGULATION));
}

/** The party's permits for a case the caller may already read; none when the basis does not cite the 条例. */
export async function partyPermitsOfCase(db: DbOrTx, c: { enterpriseId: number; cause: string; proposal: Proposal | null }, on: string) {
  const applies = citesPermitRegulation(c);
  if (!applies || !provider) return { applies, permits: [] as PartyPermit[] };
  return { applies, permits: await provider(db, c.enterpriseId, on) };
}
