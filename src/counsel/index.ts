// What other capabilities may use of counsel (法律顾问, 公职律师).
export { counselRoutes } from './routes.js';
export { counselYearFigures } from './actions.js';
export { counsels, counselTasks } from './tables.js';
