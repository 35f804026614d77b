// From an accepted packet to the rows stored. Pure.
import { instantOfTimeStamp, isDataCn, type Hj212Packet } from './hj212.js';
import { isKnownPollutantCode } from './pollutants.js';
import type { DeviceKind } from './vocabulary.js';

export interface KnownDevice { id: number; mn: string; password: string; kind: DeviceKind; enterpriseId: number; outfallId: number | null }

export interface PacketRow { deviceId: number; cn: number; dataTime: number; qn: string | null; points: number }
export interface PointRow {
  deviceId: number; cn: number; pollutant: string; dataTime: number; outfallId: number | null;
  rtd: number | null; min: number | null; avg: number | null; max: number | null; cou: number | null;
  zsRtd: number | null; zsAvg: number | null;
  /** As sent; null = no -Flag field (read as N by the rules). */
  flag: string | null;
  /** The HJ/T 212-2005 code as received, when it was mapped to `pollutant`. */
  sourceCode?: string | null;
}
export interface ReadingRow { channelId: number; at: number; kw: number }
/** One sub-packet of a split upload, stored before its own answer. */
export interface PartRow { deviceId: number; qn: string; pno: number; pnum: number; cn: number; segment: string }
export type PartKey = Pick<PartRow, 'deviceId' | 'qn' | 'pno'>;

export interface IngestRows {
  /** null: a batch item that only stores split-upload parts. */
  packet: PacketRow | null;
  points: PointRow[];
  readings: ReadingRow[];
  parts?: PartRow[];
  /** Parts that this message was assembled from (marked assembled in the same transaction). */
  assembled?: PartKey[];
}

export interface PacketRows extends IngestRows {
  packet: PacketRow;
  /** Codes neither in HJ 212-2017 附录 B nor a mapped 2005 code: not stored as series, listed for review. */
  unknownCodes: string[];
}

/** Rows for a data packet (CN 2011/2051/2061/2031); electricity devices' codes go to their channels. */
export function rowsOfPacket(p: Hj212Packet, device: KnownDevice, channelOf: (deviceId: number, code: string) => number | undefined): PacketRows | null {
  if (!isDataCn(p.cn) || p.cp.dataTime === null) return null;
  const cn = +p.cn;
  const dataTime = instantOfTimeStamp(p.cp.dataTime).getTime();
  const points: PointRow[] = [];
  const readings: ReadingRow[] = [];
  const unknownCodes: string[] = [];
  for (const v of p.cp.values) {
    if (device.kind === 'electricity') {
      const channelId = channelOf(device.id, v.code);
      const kw = v.rtd ?? v.avg;
      // A missing -Flag counts as N (表 4; README §Decisions).
      if (channelId !== undefined && kw !== undefined && (v.flag === undefined || v.flag === 'N')) readings.push({ channelId, at: dataTime, kw });
      else if (channelId === undefined && !isKnownPollutantCode(v.code)) unknownCodes.push(v.sourceCode ?? v.code);
      continue;
    }
    // 附录 B: an unknown code is listed, not invented as a series.
    if (!isKnownPollutantCode(v.code)) { unknownCodes.push(v.sourceCode ?? v.code); continue; }
    points.push({
      deviceId: device.id, cn, pollutant: v.code, dataTime, outfallId: device.outfallId,
      rtd: v.rtd ?? null, min: v.min ?? null, avg: v.avg ?? null, max: v.max ?? null, cou: v.cou ?? null,
      zsRtd: v.zsRtd ?? null, zsAvg: v.zsAvg ?? null, flag: v.flag ?? null, sourceCode: v.sourceCode ?? null,
    });
  }
  return { packet: { deviceId: device.id, cn, dataTime, qn: p.qn, points: points.length + readings.length }, points, readings, unknownCodes };
}
