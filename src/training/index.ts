// What other capabilities may import from training.
export { seedQuestionBank } from './actions.js';
export { trainingRoutes } from './routes.js';
export { listPublishedTypicalCases, trainingYearFigures, type TrainingYearFigures } from './actions.js';
export { pseudonymOf, redactIdentity, type PartyIdentity } from './redaction.js';
export { seedTrainingDemo } from './demo.js';
// The demo bureau's 2020 (src/demo/year-2020-people.ts) runs the exam, the plan and the activities through these.
export { addItem, completeItem, createExam, createPlan, questionBank, recordActivity, startSitting, submitSitting } from './actions.js';
