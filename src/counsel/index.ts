// What other capabilities may use of counsel (法律顾问, 公职律师).
export { counselRoutes } from './routes.js';
export { counselYearFigures, counselList, taskList, registerCounsel, assignTask, answerTask, type CounselInput, type TaskInput } from './actions.js';
export { counsels, counselTasks } from './tables.js';
