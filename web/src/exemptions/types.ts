// Shapes of the exemption API. Request bodies come from the server's zod schemas (type-only).
import type { z } from 'zod';
import type { applyInputSchema, catalogueInputSchema, entryInputSchema, factsInputSchema } from '../../../src/exemptions/schema';
import type { ConditionOutcome, Eligibility } from '../../../src/exemptions/rules/eligibility';
import type { EntryConditions } from '../../../src/exemptions/rules/catalogue';
import type { StatutoryGroundCode } from '../../../src/exemptions/rules/grounds';
import type { Citation } from '../../../src/law/outcome';

export type { ConditionOutcome, Eligibility, EntryConditions, StatutoryGroundCode, Citation };
export type FactsInput = z.input<typeof factsInputSchema>;
export type ApplyInput = z.input<typeof applyInputSchema>;
export type CatalogueInput = z.input<typeof catalogueInputSchema>;
export type EntryInput = z.input<typeof entryInputSchema>;

export interface Catalogue {
  id: number; code: string; title: string; documentNumber: string | null; issuer: string; effectiveOn: string; expiresOn: string | null; note: string;
  entryCount: number; inForce: boolean; editable: boolean;
}
export interface Entry {
  id: number; catalogueId: number; seq: number; title: string; violatedProvision: string; penaltyProvision: string; circumstances: string; conditions: EntryConditions;
}
export interface CatalogueDetail extends Omit<Catalogue, 'entryCount'> { entries: Entry[] }
export interface EntryInForce extends Entry { catalogueCode: string; catalogueTitle: string }

export interface Facts {
  caseId: number; entryId: number; consequence: 'none' | 'minor' | 'serious' | null; correctionOrderedOn: string | null; correctedOn: string | null;
  intentional: boolean | null; attestedNoPriorElsewhere: boolean | null; extra: Record<string, boolean | null>; note: string; updatedAt: string;
}
export interface Ground { id: number; ground: StatutoryGroundCode; note: string; recordedById: number; recordedByName: string; recordedAt: string }
export interface GroundInfo { code: StatutoryGroundCode; citation: Citation; effect: string; party: 'individual' | 'any'; zh: string; en: string }

export interface Applied {
  id: number; caseId: number; decidedOn: string; correctionOrder: string; education: { on: string; form: string; content: string }; evaluation: Eligibility;
}

/** GET /api/exemptions/cases/:caseId */
export interface CaseExemption {
  case: { id: number; number: string; enterpriseId: number; enterpriseName: string; partyKind: 'organisation' | 'individual'; cause: string; actOn: string; stage: string; decisionKind: string | null; decidedOn: string | null;
    /** The violation catalogue code the proposal names (penaltyProvisionCode), null before a proposal or without one. */
    violationCode: string | null };
  facts: Facts | null; entry: Entry | null; catalogue: Omit<Catalogue, 'entryCount' | 'inForce' | 'editable'> | null; correctionDueOn: string | null;
  evaluation: Eligibility | null; entryInForce: boolean | null; applied: Applied | null; grounds: Ground[];
  /** 行政处罚法 第三十三条第一款: the entry must describe the case's own violation (its provision). */
  violationMatches: boolean | null; violationRefusal: string | null;
  /** minorCorrected: first sentence, mandatory (应当); firstViolation: second sentence, discretionary (可以). */
  ground: 'minorCorrected' | 'firstViolation' | null; groundMandatory: boolean | null;
  actions: { recordFacts: boolean; apply: boolean; recordGrounds: boolean };
}

export interface AppliedList {
  enterprises: number;
  items: { id: number; caseId: number; caseNumber: string; decidedOn: string; enterpriseName: string; districtName: string; entryTitle: string; entrySeq: number; catalogueTitle: string }[];
}
