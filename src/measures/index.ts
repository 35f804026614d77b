// What other capabilities may use: the year-end figures (C7) and the vocabulary.
export { countMeasuresByKind } from './queries.js';
export { MEASURE_KINDS, type MeasureKind } from './rules/kinds.js';
export { seedMeasures } from './actions.js';
// The compliance watch list reads 按日连续处罚 measures (a re-inspection finding the violation continuing, and the decision).
export { measures } from './tables.js';
export type { MeasureCreateBody } from './schema.js';
