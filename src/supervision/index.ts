// What other capabilities may use of differentiated supervision. Importing it registers the list
// recomputation that follows new monitoring events.
import { onMonitoringEvents } from '../monitoring/index.js';
import { recomputeKeyList } from './actions.js';

onMonitoringEvents(async (db, enterpriseIds, now) => { await recomputeKeyList(db, now, enterpriseIds); });

export { recomputeKeyList, computeRiskRanking } from './actions.js';
