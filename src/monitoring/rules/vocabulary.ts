// The words of the monitoring capability.

export const DEVICE_KINDS = ['emission', 'electricity'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const LIMIT_PERIODS = ['hour', 'day'] as const;
export type LimitPeriod = (typeof LIMIT_PERIODS)[number];
/** 排放标准 or 排污许可证: the stricter applies; the event names which. */
export const LIMIT_BASES = ['standard', 'permit'] as const;
export type LimitBasis = (typeof LIMIT_BASES)[number];

export const CHANNEL_ROLES = ['production', 'control'] as const;
export type ChannelRole = (typeof CHANNEL_ROLES)[number];

export const EVENT_KINDS = [
  'exceedance', 'suspected_exceedance',
  'offline', 'constant_value', 'instrument_stopped', 'instrument_fault', 'maintenance', 'calibration', 'manual_value', 'data_gap',
  'control_off', 'control_underloaded',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Events that may become a lead (线索): violations, not mere data-quality notices. */
export const LEAD_EVENT_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'exceedance', 'suspected_exceedance', 'constant_value', 'control_off', 'control_underloaded', 'offline', 'instrument_stopped',
]);

export const EVENT_GROUPS: Record<EventKind, 'exceedance' | 'data_quality' | 'electricity'> = {
  exceedance: 'exceedance', suspected_exceedance: 'exceedance',
  offline: 'data_quality', constant_value: 'data_quality', instrument_stopped: 'data_quality', instrument_fault: 'data_quality',
  maintenance: 'data_quality', calibration: 'data_quality', manual_value: 'data_quality', data_gap: 'data_quality',
  control_off: 'electricity', control_underloaded: 'electricity',
};
