// `column = any($1)`: one array parameter however many values. drizzle's inArray binds one parameter a value, which fails
// past PostgreSQL's 65 535 parameters and overflows the stack building the SQL for a few hundred thousand (issue 18: the
// deadlines board at 1 M open cases answered 500); lists whose length the data decides use this instead.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

export function equalsAny(column: AnyColumn | SQL, values: readonly number[] | readonly string[]): SQL {
  if (!values.length) return sql`false`;
  return typeof values[0] === 'number'
    ? sql`${column} = any(${sql.param([...values])}::int[])`
    : sql`${column} = any(${sql.param([...values])}::text[])`;
}
