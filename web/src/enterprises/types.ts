// Shapes of the enterprise API, inferred from the server's zod schemas (type-only: nothing is bundled).
import type { z } from 'zod';
import type {
  enterpriseDetailSchema, enterpriseFilterSchema, enterpriseInputSchema, enterpriseListSchema, enterpriseSummarySchema,
  enterpriseUpdateSchema, importSummarySchema,
} from '../../../src/enterprises/schema';

export type EnterpriseSummary = z.output<typeof enterpriseSummarySchema>;
export type Enterprise = z.output<typeof enterpriseDetailSchema>;
export type Outfall = Enterprise['outfalls'][number];
export type EnterpriseInput = z.input<typeof enterpriseInputSchema>;
export type EnterpriseUpdate = z.input<typeof enterpriseUpdateSchema>;
export type EnterpriseFilters = z.output<typeof enterpriseFilterSchema>;
export type ImportResult = z.output<typeof importSummarySchema>;
export type ImportRowError = ImportResult['errors'][number];

type EnterpriseList = z.output<typeof enterpriseListSchema>;
export interface Page<T> extends Omit<EnterpriseList, 'items'> { items: T[] }
