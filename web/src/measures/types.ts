// Shapes of the measures API. The records and computations are the server rules' own types
// (type-only imports: nothing of the server is bundled).
import type { z } from 'zod';
import type { MeasureRecord } from '../../../src/measures/rules/records';
import type { DailyPenaltyComputation, ExplanationLine } from '../../../src/measures/rules/daily-penalty';
import type { MeasureEvent, MeasureKind } from '../../../src/measures/rules/kinds';
import type { EVENT_SCHEMAS, measureCreateSchema } from '../../../src/measures/schema';

export type { MeasureRecord, MeasureEvent, MeasureKind, ExplanationLine, DailyPenaltyComputation };

export interface Citation { law: string; article: string; paragraph?: string; item?: string }

export interface MeasureAction { event: MeasureEvent; allowed: boolean; code?: string; citation?: Citation; message?: string }

export interface MeasureTimelineEvent {
  id: number; event: MeasureEvent | 'create'; occurredOn: string; actorId: number | null; actorName: string | null;
  data: Record<string, unknown>; createdAt: string;
}

export interface MeasureView {
  id: number;
  caseId: number;
  caseNumber: string;
  kind: MeasureKind;
  status: string;
  basis: Citation[];
  responsibleOfficer: { id: number; name: string };
  startedOn: string;
  dueOn: string | null;
  deadlineState: 'overdue' | 'due_soon' | 'ok' | null;
  endedOn: string | null;
  outcome: null | { status: string; totalFen?: number; days?: number; detentionDays?: number; ground?: string };
  note: string;
  record: MeasureRecord;
  officerNames: Record<string, string>;
  computation: DailyPenaltyComputation | null;
  reminders: ExplanationLine[];
  seizureMandatory: boolean | null;
  events: MeasureTimelineEvent[];
  actions: MeasureAction[];
  version: number;
}

export interface CaseMeasures { items: MeasureView[]; canCreate: boolean }

export type MeasureCreateInput = z.input<typeof measureCreateSchema>;
export type EventInput<E extends MeasureEvent> = z.input<(typeof EVENT_SCHEMAS)[E]>;

export interface DirectoryEntry { id: number; displayName: string; role: string; credentialNo: string | null; districtId: number | null }
