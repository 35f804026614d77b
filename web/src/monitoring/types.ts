export type EventGroup = 'exceedance' | 'data_quality' | 'electricity';

export interface BoardItem {
  deviceId: number; mn: string; kind: 'emission' | 'electricity'; enterpriseId: number; enterpriseName: string; outfallId: number | null;
  outfallCode: string | null; outfallName: string | null; online: boolean; lastSeenAt: string | null; ongoingEvents: Record<string, number>;
  latest: { pollutant: string; name: string; unit: string; cn: number; at: string; value: number | null; flag: string | null }[];
}
export interface Board { asOf: string; items: BoardItem[] }

export interface Series {
  deviceId: number; cn: string;
  limits: { pollutant: string; lower: number | null; upper: number | null; citation: string }[];
  series: { pollutant: string; name: string; unit: string; points: { at: string; value: number | null; zs: number | null; flag: string | null }[] }[];
}

export interface MonitoringEvent {
  id: number; kind: string; group: EventGroup; enterpriseId: number; enterpriseName: string; outfallId: number | null; outfallCode: string | null;
  deviceId: number | null; pollutant: string | null; pollutantName: string | null; unit: string | null; startAt: string; endAt: string; ongoing: boolean;
  units: number; peakValue: number | null; peakAt: string | null; limitValue: number | null; limitCitation: string | null; detail: Record<string, unknown>;
  leadId: number | null; actions: 'lead'[];
}
export interface EventList { total: number; page: number; pageSize: number; items: MonitoringEvent[] }

export interface Rejections {
  gateway: Record<string, unknown> | null;
  byReason: { reason: string; message: string; count: number }[];
  latest: { at: string; reason: string; field: string | null; mn: string | null; remote: string | null; sample: string }[];
}

export type MnFormat = 'HJ212-2017' | 'HJ212-2005' | 'nonstandard';
export interface Device {
  id: number; mn: string; mnFormat: MnFormat; kind: 'emission' | 'electricity'; enterpriseId: number; enterpriseName: string; districtId: number;
  outfallId: number | null; outfallCode: string | null; outfallName: string | null; intervalS: number; active: boolean; lastSeenAt: string | null; online: boolean;
}
export interface DeviceInput { mn: string; password: string; kind: 'emission' | 'electricity'; enterpriseId: number; outfallId: number | null; intervalS: number }
export interface DeviceUpdate { password?: string; outfallId?: number | null; intervalS?: number; active?: boolean }

export interface Limit {
  id: number; outfallId: number; pollutant: string; period: 'hour' | 'day'; lower: number | null; upper: number | null; useReference: boolean;
  basis: 'standard' | 'permit'; citation: string; effectiveFrom: string; effectiveTo: string | null; createdAt: string;
}
export type LimitInput = Omit<Limit, 'id' | 'createdAt'>;

export interface Channel {
  id: number; enterpriseId: number; name: string; role: 'production' | 'control'; deviceId: number | null; factorCode: string | null;
  ratedKw: number; onThresholdKw: number; underLoadRatio: number; createdAt: string;
}
export type ChannelInput = Omit<Channel, 'id' | 'createdAt'>;

export interface UnknownCode { deviceId: number; mn: string; enterpriseId: number; enterpriseName: string; code: string; cn: number; count: number; firstSeenAt: string; lastSeenAt: string }
export interface PollutantCode { code: string; code2005: string | null; name: string; unit: string; medium: string }
