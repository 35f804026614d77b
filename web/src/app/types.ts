export type Role =
  | 'administrator'
  | 'enforcement_officer'
  | 'legal_reviewer'
  | 'committee_member'
  | 'bureau_leader'
  | 'district_staff'
  | 'licensing_staff'
  | 'enterprise_user';

export const ROLES: Role[] = [
  'administrator',
  'enforcement_officer',
  'legal_reviewer',
  'committee_member',
  'bureau_leader',
  'district_staff',
  'licensing_staff',
  'enterprise_user',
];

export type Permission =
  | 'enterprise.read'
  | 'enterprise.write'
  | 'enterprise.import'
  | 'enterprise.export'
  | 'audit.read'
  | 'user.manage'
  | (string & {});

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role | (string & {});
  districtId: number | null;
  districtName: string | null;
  enterpriseId: number | null;
  permissions: Permission[];
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export interface Township {
  id: number;
  code: string;
  name: string;
}

export interface District {
  id: number;
  code: string;
  name: string;
  kind: 'district' | 'county_city' | 'development_zone';
  townships: Township[];
}
