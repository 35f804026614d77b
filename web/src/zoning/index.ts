// What other web pages may use from zoning: the map with a site and its check, the result panel, the API.
export { ZoningMap, KIND_COLOURS, type ZoningMapProps } from './ZoningMap';
export { SiteCheckResult } from './SiteCheckResult';
export { zoningApi } from './api';
export type { SiteCheck, SiteGeometry, UnitFeature, UnitKind, UnitSet, ZoningVerdict } from './types';
