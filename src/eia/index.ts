// What other capabilities may import from eia (环评审批).
export { eiaRoutes } from './routes.js';
export { eiaApplications } from './tables.js';
export { seedEiaDemo } from './demo.js';
