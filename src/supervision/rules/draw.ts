// 双随机、一公开: random draws of enterprises and of inspecting officers (国务院办公厅关于推广随机抽查
// 规范事中事后监管的通知, 国办发〔2015〕58号), with risk-weighted frequency. Reproducible: the same seed and
// pool snapshot give the same draw. Positive-list enterprises are drawn for an on-site visit only with a
// recorded cause (the seed: 无事不扰); officers from the enterprise's own district or who visited it
// recently are excluded (conflict of interest); 行政处罚法 第四十二条: at least two officers per visit.

export interface DrawCandidate {
  enterpriseId: number;
  districtId: number;
  riskScore: number;
  onPositiveList: boolean;
  /** A recorded cause for an on-site visit (complaint, exceedance, event), if any. */
  cause: string | null;
}
export interface DrawOfficer { id: number; districtId: number | null; recentEnterpriseIds: number[] }
export interface DrawPool {
  candidates: DrawCandidate[];
  officers: DrawOfficer[];
  /** How many enterprises to draw. */
  count: number;
  /** Officers per enterprise (≥ 2). */
  teamSize: number;
}
export type ExclusionReason = 'positive_list_no_cause' | 'no_eligible_officers';
export interface DrawResult {
  items: { enterpriseId: number; officerIds: number[]; riskScore: number; weight: number; cause: string | null }[];
  excluded: { enterpriseId: number; reason: ExclusionReason }[];
}

/** 行政处罚法 第四十二条: 执法人员不得少于两人. */
export const MIN_TEAM_SIZE = 2;

/** Risk-weighted frequency: a score of 100 is drawn about eleven times as often as a score of 0. */
export const drawWeight = (riskScore: number) => 1 + Math.max(0, riskScore) / 10;

/** A 32-bit seed from any string (xmur3), for the mulberry32 generator. */
function seedOf(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) { h = Math.imul(h ^ text.charCodeAt(i), 3432918353); h = (h << 13) | (h >>> 19); }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^= h >>> 16) >>> 0;
}

export function seededRandom(seed: string): () => number {
  let a = seedOf(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weighted sampling without replacement (Efraimidis–Spirakis), then a team for each enterprise drawn. */
export function drawInspections(pool: DrawPool, seed: string): DrawResult {
  const random = seededRandom(seed);
  const excluded: DrawResult['excluded'] = [];
  const eligible: DrawCandidate[] = [];
  for (const c of [...pool.candidates].sort((a, b) => a.enterpriseId - b.enterpriseId)) {
    if (c.onPositiveList && !c.cause) excluded.push({ enterpriseId: c.enterpriseId, reason: 'positive_list_no_cause' });
    else eligible.push(c);
  }
  const keyed = eligible.map((c) => ({ c, key: -Math.log(1 - random()) / drawWeight(c.riskScore) }));
  keyed.sort((a, b) => a.key - b.key || a.c.enterpriseId - b.c.enterpriseId);
  const officers = [...pool.officers].sort((a, b) => a.id - b.id);
  const load = new Map<number, number>(officers.map((o) => [o.id, 0]));
  const teamSize = Math.max(MIN_TEAM_SIZE, pool.teamSize);
  const items: DrawResult['items'] = [];
  for (const { c } of keyed) {
    if (items.length >= pool.count) break;
    const free = officers.filter((o) => o.districtId !== c.districtId && !o.recentEnterpriseIds.includes(c.enterpriseId));
    if (free.length < teamSize) { excluded.push({ enterpriseId: c.enterpriseId, reason: 'no_eligible_officers' }); continue; }
    // Random order, then the least-loaded first: teams are random and work is spread.
    const order = free.map((o) => ({ o, r: random() })).sort((a, b) => load.get(a.o.id)! - load.get(b.o.id)! || a.r - b.r);
    const team = order.slice(0, teamSize).map((x) => x.o.id).sort((a, b) => a - b);
    for (const id of team) load.set(id, load.get(id)! + 1);
    items.push({ enterpriseId: c.enterpriseId, officerIds: team, riskScore: c.riskScore, weight: drawWeight(c.riskScore), cause: c.onPositiveList ? c.cause : null });
  }
  return { items, excluded };
}
