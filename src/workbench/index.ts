// What other capabilities may use of the workbench (工作台).
export { workbenchRoutes } from './routes.js';
export { calendarBanner, taskSpecsFor, taskLink, type CalendarBanner, type TaskKey } from './rules.js';
