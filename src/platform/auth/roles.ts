// Roles, their permissions and their scope. Pure data and functions: no I/O.

export const ROLES = [
  'administrator', 'enforcement_officer', 'legal_reviewer', 'committee_member', 'bureau_leader',
  'district_staff', 'licensing_staff', 'enterprise_user',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'case.read', 'case.write', 'case.file', 'case.examine', 'case.legal_review', 'case.decide', 'committee.manage',
  'enterprise.read', 'enterprise.write', 'enterprise.import', 'enterprise.export',
  'audit.read', 'user.manage', 'settings.manage',
  'calendar.manage',
  'quality.read', 'quality.manage',
  'measure.write', 'measure.approve',
  'exemption.manage', 'discretion.manage', 'file_review.manage', 'file_review.score',
  'monitoring.read', 'monitoring.manage', 'supervision.read', 'supervision.manage', 'supervision.approve',
  'training.manage',
  'campaign.manage',
  'licensing.read', 'licensing.manage', 'licensing.decide', 'licensing.apply', 'zoning.manage',
  'disclosure.publish', 'disclosure.manage', 'info_request.handle',
  'decision.read', 'decision.manage', 'decision.review', 'decision.decide',
  'counsel.read', 'counsel.manage', 'meeting.read', 'meeting.manage', 'litigation.read', 'litigation.manage',
  'normative_doc.read', 'normative_doc.manage', 'normative_doc.review', 'normative_doc.issue',
  'annual_report.read', 'annual_report.edit', 'annual_report.finalise',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Air and water quality results are city-wide and public once published: every staff role reads them.
const READ_ALL: Permission[] = ['enterprise.read', 'enterprise.export', 'quality.read', 'licensing.read', 'decision.read', 'normative_doc.read',
  'counsel.read', 'meeting.read', 'litigation.read', 'annual_report.read'];

/** What each role may do; where it may do it is `Principal.districtId` / `enterpriseId`. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: [...PERMISSIONS],
  enforcement_officer: [...READ_ALL, 'enterprise.write', 'case.read', 'case.write', 'measure.write', 'monitoring.read', 'supervision.read', 'supervision.manage'],
  // The legal department (政策法规科) previews publications and answers information requests.
  legal_reviewer: [...READ_ALL, 'case.read', 'case.examine', 'case.legal_review', 'file_review.score', 'monitoring.read', 'supervision.read', 'disclosure.publish', 'info_request.handle',
    'counsel.manage', 'meeting.manage', 'litigation.manage', 'normative_doc.manage', 'normative_doc.review',
    'decision.manage', 'decision.review', 'annual_report.edit'],
  committee_member: [...READ_ALL, 'case.read', 'committee.manage', 'monitoring.read', 'supervision.read'],
  bureau_leader: [...READ_ALL, 'case.read', 'case.file', 'case.examine', 'case.decide', 'committee.manage', 'quality.manage', 'measure.approve', 'file_review.score', 'monitoring.read', 'supervision.read', 'supervision.approve', 'training.manage', 'campaign.manage', 'licensing.decide', 'disclosure.publish', 'disclosure.manage', 'info_request.handle',
    'counsel.manage', 'meeting.manage', 'litigation.manage', 'normative_doc.manage', 'normative_doc.issue',
    'decision.decide', 'annual_report.finalise'],
  district_staff: [...READ_ALL, 'enterprise.write', 'enterprise.import', 'case.read', 'case.write', 'measure.write', 'monitoring.read', 'monitoring.manage', 'supervision.read', 'supervision.manage'],
  // Licensing staff take in and review applications; the leader signs the decision (批复).
  licensing_staff: [...READ_ALL, 'enterprise.write', 'monitoring.read', 'licensing.manage', 'zoning.manage'],
  // An enterprise applies for its own projects and permits only (Principal.enterpriseId).
  enterprise_user: ['enterprise.read', 'licensing.apply'],
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
