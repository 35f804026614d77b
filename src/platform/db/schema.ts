// Every table of every capability, for Drizzle and drizzle-kit. Add a capability's tables here.
export * from '../audit/tables.js';
export * from '../../organisation/tables.js';
export * from '../../users/tables.js';
export * from '../../enterprises/tables.js';
export * from '../../cases/tables.js';
export * from '../../evidence/tables.js';
export * from '../../calendar/tables.js';
export * from '../../air-quality/tables.js';
export * from '../../water-quality/tables.js';
export * from '../../measures/tables.js';
export * from '../../exemptions/tables.js';
export * from '../../discretion/tables.js';
export * from '../../file-review/tables.js';
export * from '../../monitoring/tables.js';
export * from '../../supervision/tables.js';
