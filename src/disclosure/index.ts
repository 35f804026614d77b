// What other capabilities may import from disclosure. Importing it puts the penalty publications and
// withdrawals due (行政处罚法 第四十八条) on the cases' deadlines board.
import { registerBoardSource } from '../cases/index.js';
import { publicationBoardItems } from './actions.js';
import { registerRecordCorrector } from '../info-requests/index.js';
import { correctPublication } from './corrections.js';

registerBoardSource(publicationBoardItems);
// A data-error report on a published decision is corrected here (the record changes, audited, shown as 已更正).
registerRecordCorrector('penalty-decision', correctPublication);

export { disclosureRoutes } from './routes.js';
export { penaltyPublications } from './tables.js';
export { registerDisclosureListener, notifyDisclosureListeners, type DisclosureEvent, type DisclosureEventKind, type DisclosureListener } from './listeners.js';
