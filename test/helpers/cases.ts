// Builders for case tests: a bureau with officers, reviewers and committee members, and a filed case.
import type { TestContext } from './app.js';
import { enterpriseInput } from './app.js';
import { addUser } from '../../src/users/actions.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/log.js';
import { loginHeaders, TEST_PASSWORD } from './app.js';
import type { Role } from '../../src/platform/auth/roles.js';
import { seedDiscretionTables } from '../../src/discretion/index.js';
import { DISCRETION_TABLES } from '../../src/discretion/data/tables.js';

/**
 * Penalty provisions for case tests (行政处罚法 第三十四条: every fine inside its provision's range), as
 * benchmark tables under test codes so suites that seed the real catalogue still find it unseeded.
 */
const TEST_PROVISIONS = (['WPL-83-2', 'WPL-82', 'EIA-31-3'] as const).map((code) => ({ ...DISCRETION_TABLES.find((t) => t.code === code)!, code: `TEST-${code}` }));
/** The test provision whose range holds the fine: 10–100万 (水污染防治法 第八十三条), 2–20万 (第八十二条), 0–5万. */
export const provisionFor = (fineFen: number) => (fineFen >= 100_000_00 ? 'TEST-WPL-83-2' : fineFen >= 20_000_00 ? 'TEST-WPL-82' : 'TEST-EIA-31-3');

export interface Person { id: number; headers: Record<string, string> }
export interface Bureau {
  admin: Person; leader: Person; officerA: Person; officerB: Person; officerC: Person; reviewer: Person; reviewer2: Person;
  members: Person[]; enterpriseId: number;
}

let n = 0;
async function person(ctx: TestContext, role: Role, extra: { credentialNo?: string; holdsLegalQualification?: boolean } = {}): Promise<Person> {
  const username = `${role}-case-${++n}`;
  const created = await addUser(ctx.database.db, SYSTEM_ACTOR, {
    username, displayName: username, password: TEST_PASSWORD, role, districtId: null, departmentId: null, enterpriseId: null,
    credentialNo: extra.credentialNo ?? null, holdsLegalQualification: extra.holdsLegalQualification ?? false,
  }, new Date());
  if (!created.ok) throw new Error(created.code);
  return { id: created.value.id, headers: await loginHeaders(ctx.app, username, TEST_PASSWORD) };
}

export async function makeBureau(ctx: TestContext): Promise<Bureau> {
  const admin = await person(ctx, 'administrator');
  await seedDiscretionTables(ctx.database.db, new Date('2020-01-01T00:00:00+08:00'), TEST_PROVISIONS);
  const res = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin.headers, payload: enterpriseInput(ctx) });
  if (res.statusCode !== 201) throw new Error(res.body);
  return {
    admin,
    leader: await person(ctx, 'bureau_leader'),
    officerA: await person(ctx, 'enforcement_officer', { credentialNo: `A${n}` }),
    officerB: await person(ctx, 'enforcement_officer', { credentialNo: `B${n}` }),
    officerC: await person(ctx, 'enforcement_officer', { credentialNo: `C${n}` }),
    reviewer: await person(ctx, 'legal_reviewer', { holdsLegalQualification: true }),
    reviewer2: await person(ctx, 'legal_reviewer', { holdsLegalQualification: true }),
    members: [await person(ctx, 'committee_member'), await person(ctx, 'committee_member'), await person(ctx, 'committee_member')],
    enterpriseId: res.json().id,
  };
}

/** POST helper returning status and body. */
export async function post(ctx: TestContext, who: Person, url: string, payload: unknown) {
  const res = await ctx.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });
  return { status: res.statusCode, body: res.json() };
}

/** A lead registered and filed with officers A and B; returns the case id. */
export async function fileCase(ctx: TestContext, b: Bureau, on: string, major = { majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false }) {
  const lead = await post(ctx, b.officerA, '/api/leads', { source: 'inspection', enterpriseId: b.enterpriseId, summary: '现场检查发现废水超标排放', discoveredOn: on });
  if (lead.status !== 201) throw new Error(JSON.stringify(lead.body));
  const filed = await post(ctx, b.leader, `/api/leads/${lead.body.id}/file`, {
    cause: '超标排放水污染物', actOn: on, officerIds: [b.officerA.id, b.officerB.id], leadOfficerId: b.officerA.id, major,
  });
  if (filed.status !== 201) throw new Error(JSON.stringify(filed.body));
  return filed.body.id as number;
}

export const PROPOSAL = (fineFen: number) => ({
  penaltyKinds: ['fine'], fineFen, facts: '2021年7月19日，该公司废水总排口化学需氧量超标排放。', violatedProvisions: '《中华人民共和国水污染防治法》第十条',
  penaltyBasis: '《中华人民共和国水污染防治法》第八十三条第（二）项', discretionReason: null, penaltyProvisionCode: provisionFor(fineFen),
});

export const ALL_FINDINGS_OK = Object.fromEntries(['subject', 'authority', 'procedure', 'facts', 'evidence', 'legalBasis', 'discretion'].map((k) => [k, { ok: true, note: '符合' }]));
