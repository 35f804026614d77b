// The 三线一单 site check comes from src/zoning (through its index.ts); the shapes are the zoning capability's.
export type { SiteCheck, SiteGeometry } from '../zoning/index.js';
export { checkSite, checkSiteGeometry } from '../zoning/index.js';
