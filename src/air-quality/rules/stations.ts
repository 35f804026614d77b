// Monitoring stations: levels and field checks.

export const STATION_LEVELS = ['national', 'provincial', 'district', 'township'] as const;
export type StationLevel = (typeof STATION_LEVELS)[number];
export const STATION_LEVEL_LABELS: Record<StationLevel, string> = { national: '国控站', provincial: '省控站', district: '区控站', township: '乡镇街道微站' };

export interface StationFields {
  code: string;
  name: string;
  level: StationLevel;
  districtId: number;
  townshipId: number | null;
  longitude: number;
  latitude: number;
  active: boolean;
}

export interface FieldProblem { field: string; code: string }

/** WGS-84 degrees within China's extent (rough bounding box). */
export const inChina = (longitude: number, latitude: number): boolean =>
  longitude >= 73 && longitude <= 136 && latitude >= 3 && latitude <= 54;

/** Problems of a station's fields; `townshipDistrictId` is the chosen township's district (undefined if unknown). */
export function findStationProblems(f: StationFields, townshipDistrictId: number | null | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!/^[A-Za-z0-9_-]{2,32}$/.test(f.code)) problems.push({ field: 'code', code: 'STATION_CODE_FORMAT' });
  if (!inChina(f.longitude, f.latitude)) problems.push({ field: 'longitude', code: 'COORDINATES_OUT_OF_RANGE' });
  if (f.townshipId !== null) {
    if (townshipDistrictId === undefined) problems.push({ field: 'townshipId', code: 'TOWNSHIP_UNKNOWN' });
    else if (townshipDistrictId !== f.districtId) problems.push({ field: 'townshipId', code: 'TOWNSHIP_NOT_IN_DISTRICT' });
  }
  if (f.level === 'township' && f.townshipId === null) problems.push({ field: 'townshipId', code: 'STATION_TOWNSHIP_REQUIRED' });
  return problems;
}
