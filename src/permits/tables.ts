import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../users/tables.js';
import { enterprises, outfalls } from '../enterprises/tables.js';
import type { ApplicationKind, ApplicationStatus, ManagementClass, PermitStatus, ReportKind } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const civil = (name: string) => date(name, { mode: 'string' });

/** A discharge permit (重点 / 简化) or a registration (登记, 排污许可管理条例 第二十四条) of an enterprise. */
export const permits = pgTable('permits', {
  id: serial('id').primaryKey(),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  managementClass: text('management_class').$type<ManagementClass>().notNull(),
  /** 排污许可证编号 / 登记编号 (HJ 608-2017: credit code + 3-digit sequence + letter); a renewal keeps it. */
  number: text('number').notNull(),
  issuedOn: civil('issued_on').notNull(),
  validFrom: civil('valid_from').notNull(),
  /** Last day of validity (5 years, 第十四条); null for a registration without one. */
  validTo: civil('valid_to'),
  status: text('status').$type<PermitStatus>().notNull(),
  /** 执行报告 kinds the permit requires (第十三条(八), 第二十二条). */
  reportKinds: jsonb('report_kinds').$type<ReportKind[]>().notNull(),
  /** The application this permit was issued on (null: recorded from an earlier paper permit or a registration). */
  applicationId: integer('application_id'),
  /** 撤销 (revoked) or 注销 (cancelled): the day, the statutory ground (rules.ts END_GROUNDS), the reason, who. */
  endedOn: civil('ended_on'),
  endGround: text('end_ground'),
  endReason: text('end_reason'),
  endedById: integer('ended_by_id').references(() => users.id),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [index('permits_enterprise_idx').on(t.enterpriseId), unique('permits_number_valid_from').on(t.number, t.validFrom)]);

/** A permitted outfall (排放口) of a permit: the enterprise's outfall, its code, type and location. */
export const permitOutfalls = pgTable('permit_outfalls', {
  id: serial('id').primaryKey(),
  permitId: integer('permit_id').notNull().references(() => permits.id),
  outfallId: integer('outfall_id').notNull().references(() => outfalls.id),
  code: text('code').notNull(),
  kind: text('kind').$type<'water' | 'air'>().notNull(),
  location: text('location').notNull(),
}, (t) => [unique('permit_outfalls_permit_outfall').on(t.permitId, t.outfallId)]);

/** 许可排放浓度 and 许可排放量 of one pollutant at a permitted outfall; totals are integers with their unit. */
export const permitLimits = pgTable('permit_limits', {
  id: serial('id').primaryKey(),
  permitOutfallId: integer('permit_outfall_id').notNull().references(() => permitOutfalls.id),
  /** HJ 212-2017 附录 B code, e.g. w01018 (COD). */
  pollutant: text('pollutant').notNull(),
  concentration: doublePrecision('concentration'),
  /** mg/L, mg/m³ …: compared with monitoring only when it is the pollutant's unit there. */
  concentrationUnit: text('concentration_unit'),
  /** The averaging period the concentration applies to. */
  period: text('period').$type<'hour' | 'day'>().notNull().default('hour'),
  annualTotal: integer('annual_total'),
  annualTotalUnit: text('annual_total_unit').$type<'kg' | 't'>(),
}, (t) => [unique('permit_limits_outfall_pollutant').on(t.permitOutfallId, t.pollutant, t.period)]);

export interface ProposedOutfall {
  outfallId: number; location: string;
  limits: { pollutant: string; concentration: number | null; concentrationUnit: string | null; period: 'hour' | 'day'; annualTotal: number | null; annualTotalUnit: 'kg' | 't' | null }[];
}

/** An application (new, renewal, change) with its clocks (第九条, 第十二条, 第十四条) and the leader's decision. */
export const permitApplications = pgTable('permit_applications', {
  id: serial('id').primaryKey(),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  kind: text('kind').$type<ApplicationKind>().notNull(),
  managementClass: text('management_class').$type<ManagementClass>().notNull(),
  /** The permit renewed or changed. */
  permitId: integer('permit_id').references(() => permits.id),
  onSiteCheck: boolean('on_site_check').notNull().default(false),
  receivedOn: civil('received_on').notNull(),
  noticeDueOn: civil('notice_due_on').notNull(),
  noticedOn: civil('noticed_on'),
  missingMaterials: text('missing_materials'),
  acceptedOn: civil('accepted_on'),
  deemedAccepted: boolean('deemed_accepted').notNull().default(false),
  decisionDueOn: civil('decision_due_on'),
  /** Computed on the provisional calendar of a year without a recorded arrangement (暂定). */
  provisional: boolean('provisional').notNull().default(false),
  status: text('status').$type<ApplicationStatus>().notNull(),
  /** Renewal after the 60-day date, or change after 30 days (第十四条). */
  late: boolean('late').notNull().default(false),
  /** Change: what changed and when (第十四条第三款). */
  changeSummary: text('change_summary'),
  changedOn: civil('changed_on'),
  proposedNumber: text('proposed_number'),
  proposedOutfalls: jsonb('proposed_outfalls').$type<ProposedOutfall[]>().notNull().default([]),
  decidedOn: civil('decided_on'),
  decidedById: integer('decided_by_id').references(() => users.id),
  reasons: text('reasons'),
  submittedById: integer('submitted_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [index('permit_applications_enterprise_idx').on(t.enterpriseId)]);

/** 执行报告 filed for one period of a permit (第二十二条); one per permit, kind and period. */
export const permitReports = pgTable('permit_reports', {
  id: serial('id').primaryKey(),
  permitId: integer('permit_id').notNull().references(() => permits.id),
  kind: text('kind').$type<ReportKind>().notNull(),
  period: text('period').notNull(),
  dueOn: civil('due_on').notNull(),
  submittedOn: civil('submitted_on').notNull(),
  summary: text('summary').notNull(),
  submittedById: integer('submitted_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [unique('permit_reports_period').on(t.permitId, t.kind, t.period)]);

/**
 * Leads opened because monitoring data arrived for an outfall whose enterprise had no valid permit or
 * registration (第三十三条): one per outfall and lapse (`lapsedPermitId` 0 = never held one), so the key
 * keeps parallel evaluations from opening two.
 */
export const permitDischargeLeads = pgTable('permit_discharge_leads', {
  outfallId: integer('outfall_id').notNull().references(() => outfalls.id),
  lapsedPermitId: integer('lapsed_permit_id').notNull(),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  leadId: integer('lead_id').notNull(),
  code: text('code').notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.outfallId, t.lapsedPermitId] })]);
