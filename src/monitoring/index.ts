// What other capabilities may use of online monitoring.
export { countEventsByEnterprise } from './queries.js';
export { onMonitoringEvents } from './hooks.js';
export { monitoringEvents } from './tables.js';
export { LEAD_EVENT_KINDS, EVENT_GROUPS, type EventKind } from './rules/vocabulary.js';
export { startGateway, type Gateway } from './gateway.js';
export { ensureSimulatedDevices } from './demo.js';
