import { defineConfig } from 'drizzle-kit';

// One set of migrations for both engines (PGlite and PostgreSQL): the schema is plain PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/db/schema.ts',
  out: './drizzle',
});
