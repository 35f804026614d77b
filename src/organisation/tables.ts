import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';

/** County-level units: districts, county-level cities, development zones (统计用区划代码). */
export const districts = pgTable('districts', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').$type<'district' | 'county_city' | 'development_zone'>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Townships and streets (乡镇街道) within a county-level unit. */
export const townships = pgTable('townships', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').$type<'street' | 'town' | 'township' | 'other'>().notNull(),
  districtId: integer('district_id').notNull().references(() => districts.id),
});

export type DepartmentKind = 'enforcement_detachment' | 'legal_section' | 'licensing' | 'monitoring' | 'office' | 'district_branch';

/** Bureau departments; a district branch (分局) belongs to its district. */
export const departments = pgTable('departments', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').$type<DepartmentKind>().notNull(),
  districtId: integer('district_id').references(() => districts.id),
});
