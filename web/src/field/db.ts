// The phone's own storage (IndexedDB via Dexie): the day's work downloaded in advance, and the outbox of
// records and files taken on site. It survives closing the browser and restarting the phone.
import Dexie, { type EntityTable } from 'dexie';

export interface FieldTask {
  key: string; source: 'draw' | 'campaign' | 'case' | 'lead' | 'complaint'; id: number; title: string; enterpriseId: number; on: string;
  officerIds: number[]; caseId: number | null; caseNumber: string | null; caseStage: string | null;
}
export interface EnterpriseFacts {
  id: number; name: string; creditCode: string; legalRepresentative: string; address: string; longitude: number | null; latitude: number | null;
  outfalls: { code: string; name: string; kind: string }[];
  permits: { number: string; managementClass: string; validTo: string | null; status: string }[];
  openRectifications: { requirement: string; dueOn: string }[];
  positiveList: string | null; lastInspectedOn: string | null;
}
export interface OfficerCard { id: number; name: string; credentialNo: string | null }
export interface FieldDay { todayOn: string; me: number; tasks: FieldTask[]; enterprises: EnterpriseFacts[]; officers: OfficerCard[]; downloadedAt: string }

export type FileRole = 'photo' | 'video' | 'signature_officer1' | 'signature_officer2' | 'signature_party' | 'signature_witness';
export interface RecordPayload {
  clientId: string; kind: 'inspection_record' | 'inquiry_record'; task: { source: FieldTask['source']; id: number }; enterpriseId: number;
  caseId: number | null; caseStage: string | null; occurredOn: string; officerIds: number[];
  form: { summary: string; place: string; startedAt: string; endedAt: string; onSite: string };
  signatures: { roles: FileRole[]; partyRefused: boolean; witness: string | null; refusalNote: string | null };
}
export type OutboxStatus = 'pending' | 'synced' | 'conflict' | 'refused';
export interface OutboxRecord {
  clientId: string; payload: RecordPayload; status: OutboxStatus; createdAt: string; title: string;
  error?: string; conflict?: { device: unknown; server: unknown };
}
export interface OutboxFile {
  clientId: string; recordClientId: string; role: FileRole; blob: Blob; fileName: string; mimeType: string; sizeBytes: number; sha256: string;
  capturedAt: string; longitude: number | null; latitude: number | null;
  uploadId?: string; offset: number; status: 'pending' | 'synced' | 'refused'; error?: string;
}

export const fieldDb = new Dexie('ecogov-field') as Dexie & {
  days: EntityTable<FieldDay & { key: string }, 'key'>;
  outbox: EntityTable<OutboxRecord, 'clientId'>;
  files: EntityTable<OutboxFile, 'clientId'>;
};
fieldDb.version(1).stores({ days: 'key', outbox: 'clientId, status', files: 'clientId, recordClientId, status' });

/** SHA-256 of the bytes as captured, in hex (the server recomputes and refuses a mismatch). */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
