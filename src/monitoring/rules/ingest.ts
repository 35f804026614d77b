// From an accepted packet to the rows stored. Pure.
import { instantOfTimeStamp, isDataCn, type Hj212Packet } from './hj212.js';
import type { DeviceKind } from './vocabulary.js';

export interface KnownDevice { id: number; mn: string; password: string; kind: DeviceKind; enterpriseId: number; outfallId: number | null }

export interface PacketRow { deviceId: number; cn: number; dataTime: number; qn: string | null; points: number }
export interface PointRow {
  deviceId: number; cn: number; pollutant: string; dataTime: number; outfallId: number | null;
  rtd: number | null; min: number | null; avg: number | null; max: number | null; cou: number | null;
  zsRtd: number | null; zsAvg: number | null; flag: string | null;
}
export interface ReadingRow { channelId: number; at: number; kw: number }

export interface IngestRows { packet: PacketRow; points: PointRow[]; readings: ReadingRow[] }

/** Rows for a data packet (CN 2011/2051/2061/2031); electricity devices' codes go to their channels. */
export function rowsOfPacket(p: Hj212Packet, device: KnownDevice, channelOf: (deviceId: number, code: string) => number | undefined): IngestRows | null {
  if (!isDataCn(p.cn) || p.cp.dataTime === null) return null;
  const cn = +p.cn;
  const dataTime = instantOfTimeStamp(p.cp.dataTime).getTime();
  const points: PointRow[] = [];
  const readings: ReadingRow[] = [];
  for (const v of p.cp.values) {
    if (device.kind === 'electricity') {
      const channelId = channelOf(device.id, v.code);
      const kw = v.rtd ?? v.avg;
      if (channelId !== undefined && kw !== undefined && (v.flag === undefined || v.flag === 'N')) readings.push({ channelId, at: dataTime, kw });
      continue;
    }
    points.push({
      deviceId: device.id, cn, pollutant: v.code, dataTime, outfallId: device.outfallId,
      rtd: v.rtd ?? null, min: v.min ?? null, avg: v.avg ?? null, max: v.max ?? null, cou: v.cou ?? null,
      zsRtd: v.zsRtd ?? null, zsAvg: v.zsAvg ?? null, flag: v.flag ?? null,
    });
  }
  return { packet: { deviceId: device.id, cn, dataTime, qn: p.qn, points: points.length + readings.length }, points, readings };
}
