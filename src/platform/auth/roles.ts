// Roles, their permissions and their scope. Pure data and functions: no I/O.

export const ROLES = [
  'administrator', 'enforcement_officer', 'legal_reviewer', 'committee_member', 'bureau_leader',
  'district_staff', 'licensing_staff', 'enterprise_user',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'case.read', 'case.write', 'case.file', 'case.examine', 'case.legal_review', 'case.decide', 'committee.manage',
  'enterprise.read', 'enterprise.write', 'enterprise.import', 'enterprise.export',
  'audit.read', 'user.manage',
  'calendar.manage',
  'quality.read', 'quality.manage',
  'measure.write', 'measure.approve',
  'exemption.manage', 'discretion.manage', 'file_review.manage', 'file_review.score',
  'monitoring.read', 'monitoring.manage', 'supervision.read', 'supervision.manage', 'supervision.approve',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Air and water quality results are city-wide and public once published: every staff role reads them.
const READ_ALL: Permission[] = ['enterprise.read', 'enterprise.export', 'quality.read'];

/** What each role may do; where it may do it is `Principal.districtId` / `enterpriseId`. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: [...PERMISSIONS],
  enforcement_officer: [...READ_ALL, 'enterprise.write', 'case.read', 'case.write', 'measure.write', 'monitoring.read', 'supervision.read', 'supervision.manage'],
  legal_reviewer: [...READ_ALL, 'case.read', 'case.examine', 'case.legal_review', 'file_review.score', 'monitoring.read', 'supervision.read'],
  committee_member: [...READ_ALL, 'case.read', 'committee.manage', 'monitoring.read', 'supervision.read'],
  bureau_leader: [...READ_ALL, 'case.read', 'case.file', 'case.examine', 'case.decide', 'committee.manage', 'quality.manage', 'measure.approve', 'file_review.score', 'monitoring.read', 'supervision.read', 'supervision.approve'],
  district_staff: [...READ_ALL, 'enterprise.write', 'enterprise.import', 'case.read', 'case.write', 'measure.write', 'monitoring.read', 'monitoring.manage', 'supervision.read', 'supervision.manage'],
  licensing_staff: [...READ_ALL, 'enterprise.write', 'monitoring.read'],
  enterprise_user: ['enterprise.read'],
};

/** The signed-in user as every rule sees them. Anonymous (public) users have no principal. */
export interface Principal {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** null: city-wide; otherwise only records of this district. */
  districtId: number | null;
  enterpriseId: number | null;
}

export function can(principal: Principal | null, permission: Permission): boolean {
  return principal !== null && ROLE_PERMISSIONS[principal.role].includes(permission);
}

/** Whether a district-owned record lies within the principal's scope. */
export function inDistrictScope(principal: Principal, recordDistrictId: number): boolean {
  return principal.districtId === null || principal.districtId === recordDistrictId;
}

/** Roles bound to a district must carry one; enforcement officers need a credential number. */
export function checkRoleAssignment(input: { role: Role; districtId: number | null; enterpriseId: number | null; credentialNo: string | null }):
  { ok: true } | { ok: false; code: string; field: string } {
  if (input.role === 'district_staff' && input.districtId === null) return { ok: false, code: 'DISTRICT_REQUIRED', field: 'districtId' };
  if (input.role === 'enterprise_user' && input.enterpriseId === null) return { ok: false, code: 'ENTERPRISE_REQUIRED', field: 'enterpriseId' };
  // 行政处罚法 第四十二条: enforcement by officers holding enforcement credentials.
  if (input.role === 'enforcement_officer' && !input.credentialNo) return { ok: false, code: 'CREDENTIAL_REQUIRED', field: 'credentialNo' };
  return { ok: true };
}
