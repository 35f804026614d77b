// What other capabilities may import from info-requests. Importing it puts reply and data-error-report
// deadlines on the cases' deadlines board.
import { registerBoardSource } from '../cases/index.js';
import { infoRequestBoardItems } from './actions.js';

registerBoardSource(infoRequestBoardItems);

export { infoRequestRoutes } from './routes.js';
export { registerRecordKind, type RecordKind } from './record-kinds.js';
export { registerRecordCorrector, type RecordCorrector, type RecordCorrection, type CorrectionContext } from './record-kinds.js';
