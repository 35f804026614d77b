// What other capabilities may import from training.
export { seedQuestionBank } from './actions.js';
export { trainingRoutes } from './routes.js';
export { listPublishedTypicalCases, trainingYearFigures, type TrainingYearFigures } from './actions.js';
export { pseudonymOf, redactIdentity, type PartyIdentity } from './redaction.js';
export { seedTrainingDemo } from './demo.js';
