// What other capabilities may use of the year-end rule-of-law report: its routes and the figure registry.
export { annualReportRoutes } from './routes.js';
export { computeFigures, FIGURES, type FrozenFigure } from './figures.js';
