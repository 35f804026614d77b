// Issue 18: the deadlines board at a million open cases answered 500 — drizzle's inArray binds a parameter per value
// (PostgreSQL allows 65 535) and overflows the stack building the SQL for a few hundred thousand. equalsAny binds one array.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { equalsAny, type Database } from './index.js';
import { createTestDatabase } from '../../../test/helpers/db.js';

const numbers = pgTable('any_of_numbers', { n: integer('n').primaryKey(), label: text('label').notNull() });
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table any_of_numbers (n int primary key, label text not null)`);
  await database.db.execute(sql`insert into any_of_numbers select g, 'n' || g from generate_series(1, 1000) g`);
});
afterAll(async () => { await database.close(); });

describe('equalsAny: one array parameter however many values', () => {
  it('matches the listed integers and texts, and nothing for an empty list', async () => {
    const ids = async (where: ReturnType<typeof equalsAny>) => (await database.db.select({ n: numbers.n }).from(numbers).where(where).orderBy(numbers.n)).map((r) => r.n);
    expect(await ids(equalsAny(numbers.n, [5, 3, 3, 2000]))).toEqual([3, 5]);
    expect(await ids(equalsAny(numbers.label, ['n7', 'n9', 'x']))).toEqual([7, 9]);
    expect(await ids(equalsAny(numbers.n, []))).toEqual([]);
  });
  it('takes 100 000 values, past the 65 535 parameters inArray would bind', async () => {
    const many = Array.from({ length: 100_000 }, (_, i) => i * 2);
    const rows = await database.db.select({ n: numbers.n }).from(numbers).where(equalsAny(numbers.n, many));
    expect(rows.length).toBe(500);
    await expect(database.db.select({ n: numbers.n }).from(numbers).where(inArray(numbers.n, many))).rejects.toThrow();
  });
});
