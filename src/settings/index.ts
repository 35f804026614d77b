// What other capabilities may import from settings.
export { hearingThresholdsBefore, loadBureauSettings, seedSettings } from './actions.js';
export { DEFAULT_SETTINGS, DOCUMENT_SERIES, type BureauSettings, type DocumentSeries } from './rules.js';
export { settingsRoutes } from './routes.js';
