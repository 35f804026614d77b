// On-site enforcement on the phone (移动执法): what a synced record and its files must satisfy, as pure rules.
// 行政处罚法 第四十七条: the whole enforcement process is recorded in text and audio-video form and archived.
import { allowed, refuse, type Citation, type Outcome } from '../law/outcome.js';

export const FIELD_RECORD_KINDS = ['inspection_record', 'inquiry_record'] as const;
export type FieldRecordKind = (typeof FIELD_RECORD_KINDS)[number];
export const FIELD_TASK_SOURCES = ['draw', 'campaign', 'case', 'lead', 'complaint'] as const;
export type FieldTaskSource = (typeof FIELD_TASK_SOURCES)[number];
export interface FieldTaskRef { source: FieldTaskSource; id: number }
export const FIELD_FILE_ROLES = ['photo', 'video', 'signature_officer1', 'signature_officer2', 'signature_party', 'signature_witness'] as const;
export type FieldFileRole = (typeof FIELD_FILE_ROLES)[number];

/** The form's fields, named as the case's investigation steps store them (src/cases/documents/from-case.ts). */
export interface FieldForm {
  /** 检查情况 / 询问内容 in words. */
  summary: string;
  place: string;
  startedAt: string;
  endedAt: string;
  /** 现场负责人 / 被询问人. */
  onSite: string;
  exchanges?: { question: string; answer: string }[];
}
/** Who signed on the device (each signature follows as a PNG file of that role), or the party's refusal. */
export interface FieldSignatures { roles: FieldFileRole[]; partyRefused: boolean; witness: string | null; refusalNote: string | null }

const APL_42: Citation = { law: '行政处罚法', article: '第四十二条' };
const APL_55: Citation = { law: '行政处罚法', article: '第五十五条' };

/** 行政处罚法 第四十二条: 执法人员不得少于两人 — the record names at least two officers. */
export function checkFieldOfficers(officerIds: readonly number[]): Outcome {
  return new Set(officerIds).size >= 2 ? allowed : refuse('FIELD_TWO_OFFICERS_REQUIRED', APL_42, 'officerIds');
}

/**
 * 行政处罚法 第五十五条: the record is signed by the officers and the party; a party who refuses to sign
 * is recorded as refusing, with a witness (见证人) named. The witness rule follows 生态环境行政处罚办法
 * (article not confirmed here).
 */
export function checkFieldSignatures(s: FieldSignatures): Outcome {
  const roles = s.roles;
  if (!roles.includes('signature_officer1') || !roles.includes('signature_officer2')) return refuse('FIELD_OFFICER_SIGNATURES_REQUIRED', APL_55, 'signatures');
  if (s.partyRefused) {
    if (!s.witness?.trim()) return refuse('FIELD_WITNESS_REQUIRED', APL_55, 'signatures.witness');
    return allowed;
  }
  return roles.includes('signature_party') ? allowed : refuse('FIELD_PARTY_SIGNATURE_REQUIRED', APL_55, 'signatures');
}

/** The case moved on since the device downloaded it (another stage, closed or archived): the officer decides. */
export function checkCaseUnchanged(device: { stage: string }, server: { stage: string; closedAt: Date | null; archivedAt: Date | null }): Outcome {
  if (server.archivedAt || server.closedAt || server.stage !== device.stage) return refuse('FIELD_RECORD_CONFLICT');
  return allowed;
}

/** A chunk continues the file exactly where the server stopped, and never runs past the announced size. */
export function checkChunk(u: { receivedBytes: number; sizeBytes: number }, offset: number, length: number): Outcome {
  if (offset !== u.receivedBytes) return refuse('FIELD_UPLOAD_OFFSET_MISMATCH', undefined, 'offset', { offset: u.receivedBytes });
  if (offset + length > u.sizeBytes) return refuse('FIELD_UPLOAD_TOO_LONG', undefined, 'offset', { sizeBytes: u.sizeBytes });
  return allowed;
}

/** The device's SHA-256, computed at capture, must equal the server's hash of what arrived. */
export function checkDeviceHash(deviceSha256: string, serverSha256: string): Outcome {
  return deviceSha256 === serverSha256 ? allowed : refuse('FIELD_HASH_MISMATCH', undefined, 'sha256', { deviceSha256, serverSha256 });
}

/** Evidence kind of each file role: signatures are PNG images kept as 'other' evidence. */
export const evidenceKindOf = (role: FieldFileRole, mimeType: string): 'photo' | 'video' | 'other' =>
  role === 'photo' ? 'photo' : role === 'video' || mimeType.startsWith('video/') ? 'video' : 'other';
