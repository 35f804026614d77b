// The shape of a published record (no imports: tables.ts and the web type-check read it without the rules).
/** The national 双公示 record (CF_* fields, see governance-licensing-disclosure.md B1.4) as published. */
export interface PublicRecord {
  partyName: string;
  partyKind: 'organisation' | 'individual';
  /** CF_XDR_SHXYM: kept for an organisation; dropped for an individual. */
  creditCode: string | null;
  decisionNumber: string;
  violation: string;
  facts: string;
  basis: string;
  penaltyKinds: string[];
  penaltyContent: string;
  fineFen: number;
  decidedOn: string;
  agency: string;
  districtName: string;
}

/** A correction of a published record after a data-error report (shown publicly as 已更正 with what and when). */
export interface PublicCorrection { field: string; from: string; to: string; correctedOn: string; ticket: string; note: string }
