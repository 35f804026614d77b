import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, real, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../users/tables.js';
import { departments, districts } from '../organisation/tables.js';
import { enterprises } from '../enterprises/tables.js';
import { waterSites } from '../water-quality/tables.js';
import type { CampaignKind, ChecklistItem, ChecklistResult, ItemStatus, OwnerKind, TargetKind } from './rules.js';
import type { ReportStatus } from './annual-rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const civil = (name: string) => date(name, { mode: 'string' });

/** 专项整治: a campaign with its legal basis, period, responsible districts and checklist. */
export const campaigns = pgTable('campaigns', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  /** What the campaign is, for the year-end figures (null: recorded before kinds existed; its name tells). */
  kind: text('kind').$type<CampaignKind>(),
  legalBasis: text('legal_basis').notNull(),
  startsOn: civil('starts_on').notNull(),
  endsOn: civil('ends_on').notNull(),
  districtIds: jsonb('district_ids').$type<number[]>().notNull(),
  checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull(),
  version: integer('version').notNull().default(1),
  createdById: integer('created_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * What a campaign inspects: a registry enterprise, a water section of the water-quality registry, a river
 * named in that registry (by its name: the registry holds rivers only as the water a section lies on),
 * or a free site with WGS-84 coordinates.
 */
export const campaignTargets = pgTable('campaign_targets', {
  id: serial('id').primaryKey(),
  campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
  kind: text('kind').$type<TargetKind>().notNull(),
  enterpriseId: integer('enterprise_id').references(() => enterprises.id),
  waterSiteId: integer('water_site_id').references(() => waterSites.id),
  riverName: text('river_name'),
  /** A river target: the length surveyed along it, in km (河长制排查). */
  surveyedKm: doublePrecision('surveyed_km'),
  siteName: text('site_name'),
  longitude: real('longitude'),
  latitude: real('latitude'),
}, (t) => [
  unique('campaign_targets_enterprise').on(t.campaignId, t.enterpriseId), index('campaign_targets_campaign_idx').on(t.campaignId),
  unique('campaign_targets_water_site').on(t.campaignId, t.waterSiteId), unique('campaign_targets_river').on(t.campaignId, t.riverName),
]);

/** One inspection of a target under a campaign, with the checklist results. */
export const campaignInspections = pgTable('campaign_inspections', {
  id: serial('id').primaryKey(),
  campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
  targetId: integer('target_id').notNull().references(() => campaignTargets.id),
  inspectedOn: civil('inspected_on').notNull(),
  officerIds: jsonb('officer_ids').$type<number[]>().notNull(),
  results: jsonb('results').$type<ChecklistResult[]>().notNull(),
  /** 联合执法: the districts of the participating officers when recorded (null: the city bureau). */
  participantDistrictIds: jsonb('participant_district_ids').$type<(number | null)[]>().notNull().default([]),
  /** 跨区联合: officers of two or more districts took part. */
  crossDistrict: boolean('cross_district').notNull().default(false),
  recordedById: integer('recorded_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('campaign_inspections_campaign_idx').on(t.campaignId)]);

/** 整改事项: one problem found, its owner, deadline, completion, verification (销号), lead. */
export const rectificationItems = pgTable('rectification_items', {
  id: serial('id').primaryKey(),
  campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
  inspectionId: integer('inspection_id').notNull().references(() => campaignInspections.id),
  targetId: integer('target_id').notNull().references(() => campaignTargets.id),
  checklistCode: text('checklist_code').notNull(),
  problem: text('problem').notNull(),
  ownerKind: text('owner_kind').$type<OwnerKind>().notNull(),
  ownerDistrictId: integer('owner_district_id').references(() => districts.id),
  ownerEnterpriseId: integer('owner_enterprise_id').references(() => enterprises.id),
  /** The district whose staff act on the item (the owner district, or the enterprise's). */
  districtId: integer('district_id').notNull().references(() => districts.id),
  workingDays: integer('working_days').notNull(),
  deadlineOn: civil('deadline_on').notNull(),
  /** Computed on the provisional calendar of a year without a recorded arrangement (暂定). */
  deadlineProvisional: boolean('deadline_provisional').notNull().default(false),
  status: text('status').$type<ItemStatus>().notNull(),
  completionText: text('completion_text'),
  completedOn: civil('completed_on'),
  completedById: integer('completed_by_id').references(() => users.id),
  verifiedAt: ts('verified_at'),
  verifiedById: integer('verified_by_id').references(() => users.id),
  leadId: integer('lead_id'),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('rectification_items_campaign_idx').on(t.campaignId)]);

/** 督办单: at most one per item (unique), numbered gap-free per year. */
export const rectificationOrders = pgTable('rectification_orders', {
  id: serial('id').primaryKey(),
  itemId: integer('item_id').notNull().references(() => rectificationItems.id).unique(),
  campaignId: integer('campaign_id').notNull().references(() => campaigns.id),
  year: integer('year').notNull(),
  seq: integer('seq').notNull(),
  number: text('number').notNull().unique(),
  issuedOn: civil('issued_on').notNull(),
  issuedById: integer('issued_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [unique('rectification_orders_year_seq').on(t.year, t.seq)]);

/** The last 督办单 number issued per year (taken in the issuing transaction, so no gaps). */
export const rectificationOrderSequences = pgTable('rectification_order_sequences', {
  year: integer('year').notNull(),
  lastSeq: integer('last_seq').notNull(),
}, (t) => [primaryKey({ columns: [t.year] })]);

/** 年度重点任务: a task of the year, its lead and co-departments, and its due date. */
export const annualTasks = pgTable('annual_tasks', {
  id: serial('id').primaryKey(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  leadDepartmentId: integer('lead_department_id').notNull().references(() => departments.id),
  coDepartmentIds: jsonb('co_department_ids').$type<number[]>().notNull(),
  dueOn: civil('due_on').notNull(),
  /** The first month a monthly report is due for ('YYYY-MM'): the task's month of creation, or January of its year. */
  firstMonth: text('first_month').notNull(),
  /** Optimistic locking of edits (PUT with the version read). */
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at'),
  createdById: integer('created_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('annual_tasks_year_idx').on(t.year)]);

/** 月调度: one progress report per task, department and month (a second one updates it). */
export const annualTaskReports = pgTable('annual_task_reports', {
  id: serial('id').primaryKey(),
  taskId: integer('task_id').notNull().references(() => annualTasks.id),
  departmentId: integer('department_id').notNull().references(() => departments.id),
  /** 'YYYY-MM' */
  month: text('month').notNull(),
  progress: text('progress').notNull(),
  percent: integer('percent'),
  status: text('status').$type<ReportStatus>().notNull(),
  /** Names of the supporting documents (optional). */
  attachments: jsonb('attachments').$type<string[]>().notNull().default([]),
  /** The civil date of the first filing: lateness is judged by it, not by later corrections. */
  reportedOn: civil('reported_on').notNull(),
  reportedById: integer('reported_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [unique('annual_task_reports_one_per_month').on(t.taskId, t.departmentId, t.month), index('annual_task_reports_task_idx').on(t.taskId)]);
