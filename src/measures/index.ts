// What other capabilities may use: the year-end figures (C7) and the vocabulary.
export { countMeasuresByKind } from './queries.js';
export { MEASURE_KINDS, type MeasureKind } from './rules/kinds.js';
export { seedMeasures } from './actions.js';
export type { MeasureCreateBody } from './schema.js';
