// What other capabilities may import from zoning (三线一单 环境管控单元 and the site check).
export type { SiteCheck, ZoningVerdict, SiteGeometry, SiteReason, UnitKind } from './rules.js';
export { checkSiteGeometry, normaliseIndustryCode, EPMR_11_1 } from './rules.js';
export { checkSite } from './actions.js';
export { zoningRoutes } from './routes.js';
export { seedZoningDemo } from './demo.js';
