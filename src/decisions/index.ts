// What other capabilities may import from decisions (重大行政决策).
export { decisionRoutes } from './routes.js';
export { decisionYearFigures } from './actions.js';
export { decisionItems, decisionCatalogues } from './tables.js';
export { seedDecisionsDemo } from './demo.js';
