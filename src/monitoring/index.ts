// What other capabilities may use of online monitoring.
export { countEventsByEnterprise } from './queries.js';
export { onMonitoringEvents, registerDischargeCheck, registerLimitProvider, type DischargeCheck, type LimitProvider } from './hooks.js';
export { pollutantInfo } from './rules/pollutants.js';
export type { LimitRule } from './rules/events.js';
export { monitoringEvents } from './tables.js';
export { LEAD_EVENT_KINDS, EVENT_GROUPS, type EventKind } from './rules/vocabulary.js';
export { startGateway, type Gateway } from './gateway.js';
export { ensureSimulatedDevices } from './demo.js';
export { listEvents, type EventFilter } from './queries.js';
