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
