import type { z } from 'zod';
import type { summarySchema } from '../../../src/water-quality/schema';

export type WaterSummary = z.output<typeof summarySchema>;
export type DoubleIndexRow = WaterSummary['doubleIndex'][number];
export type SiteEvaluation = WaterSummary['evaluations'][number];
