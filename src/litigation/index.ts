// What other capabilities may use of litigation (行政复议, 行政诉讼). Importing it registers the challenges of a case
// as pauses of its late-payment surcharge (行政处罚法 第七十三条第三款; src/platform/wiring.ts loads it).
import { registerSurchargePauseSource } from '../cases/index.js';
import { caseSurchargePauses } from './actions.js';

registerSurchargePauseSource(caseSurchargePauses);

export { litigationRoutes } from './routes.js';
export { litigationYearFigures, caseSurchargePauses } from './actions.js';
export { challenges } from './tables.js';
