// What other capabilities may use of differentiated supervision. Importing it registers the list
// recomputation that follows new monitoring events.
import { onMonitoringEvents } from '../monitoring/index.js';
import { recomputeKeyList } from './actions.js';

onMonitoringEvents(async (db, enterpriseIds, now) => { await recomputeKeyList(db, now, enterpriseIds); });

export { recomputeKeyList, computeRiskRanking } from './actions.js';
// The demo bureau's 2020 publishes its 正面清单 as one list (src/demo/year-2020-people.ts).
export { checkAdmissions, proposePositiveListBatch, stepPositiveListBatch } from './actions.js';
// The officer's day on the phone (src/field) reads draws and complaints (draw items, rectifications, positive list: below).
export { inspectionDraws, complaints } from './tables.js';
// Read by src/compliance (compliance grid, enterprise page): inspections drawn, rectifications, the positive list.
export { inspectionDrawItems, positiveListEntries, rectifications } from './tables.js';
export { ON_POSITIVE_LIST } from './rules/vocabulary.js';
