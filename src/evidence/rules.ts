// Whole-process records (执法全过程记录): what an evidence file may be, as pure rules.
// 行政处罚法 第四十七条: the agency records the whole enforcement process (start, investigation,
// review, decision, service, execution) in text and audio-video form, and archives the records.
import { allowed, refuse, type Outcome, type Refusal } from '../law/outcome.js';

export const EVIDENCE_KINDS = ['photo', 'video', 'audio', 'scan', 'pdf', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Accepted MIME types and the file-name extensions that go with each (body cameras, phones, scanners). */
export const DEFAULT_EVIDENCE_TYPES: Readonly<Record<string, readonly string[]>> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/heic': ['heic'],
  'image/heif': ['heif'],
  'image/tiff': ['tif', 'tiff'],
  'image/bmp': ['bmp'],
  'video/mp4': ['mp4', 'm4v'],
  'video/quicktime': ['mov'],
  'video/x-msvideo': ['avi'],
  'video/avi': ['avi'],
  'video/x-matroska': ['mkv'],
  'video/mp2t': ['ts'],
  'video/3gpp': ['3gp'],
  'audio/mpeg': ['mp3'],
  'audio/mp4': ['m4a'],
  'audio/x-m4a': ['m4a'],
  'audio/aac': ['aac'],
  'audio/wav': ['wav'],
  'audio/x-wav': ['wav'],
  'audio/amr': ['amr'],
  'audio/ogg': ['ogg', 'oga'],
  'application/pdf': ['pdf'],
  'application/ofd': ['ofd'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

export interface EvidenceLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest total of one case's files, in bytes (a full disk stops every case, not one). */
  maxCaseBytes: number;
  /** Accepted MIME types (lower case). */
  mimeTypes: readonly string[];
}

export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = {
  maxBytes: 200 * 1024 ** 2,
  maxCaseBytes: 20 * 1024 ** 3,
  mimeTypes: Object.keys(DEFAULT_EVIDENCE_TYPES),
};

/** Browsers send these when they do not know a file's type; the extension decides then. */
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

export const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
};

/** The file's name without any client path, control characters or excess length; never empty. */
export function cleanFileName(raw: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const base = (raw ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!base || base === '.' || base === '..') return 'evidence';
  if (base.length <= 200) return base;
  const ext = extensionOf(base);
  return ext && ext.length < 20 ? `${base.slice(0, 199 - ext.length)}.${ext}` : base.slice(0, 200);
}

/**
 * The MIME type the file is stored with: the declared one (parameters dropped), or, when the client
 * sent a generic one, the type its extension names. Refused when neither is on the accepted list,
 * or when the extension belongs to another type (a renamed executable is not a photo).
 */
export function resolveEvidenceType(declared: string | undefined, fileName: string, limits: EvidenceLimits): { ok: true; mimeType: string } | Refusal {
  const ext = extensionOf(fileName);
  let mimeType = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  if (GENERIC_TYPES.has(mimeType)) {
    mimeType = limits.mimeTypes.find((t) => DEFAULT_EVIDENCE_TYPES[t]?.includes(ext)) ?? mimeType;
  }
  if (!limits.mimeTypes.includes(mimeType)) {
    return refuse('EVIDENCE_TYPE_NOT_ALLOWED', undefined, 'file', { mimeType: mimeType || '-', extension: ext || '-' });
  }
  const known = DEFAULT_EVIDENCE_TYPES[mimeType];
  if (known && !known.includes(ext)) {
    return refuse('EVIDENCE_TYPE_NOT_ALLOWED', undefined, 'file', { mimeType, extension: ext || '-' });
  }
  return { ok: true, mimeType };
}

const KIND_ACCEPTS: Record<EvidenceKind, (mime: string) => boolean> = {
  photo: (m) => m.startsWith('image/'),
  video: (m) => m.startsWith('video/'),
  audio: (m) => m.startsWith('audio/'),
  scan: (m) => m.startsWith('image/') || m === 'application/pdf' || m === 'application/ofd',
  pdf: (m) => m === 'application/pdf',
  other: () => true,
};

/** A file cut off at the byte limit, or over it, is refused; so is an empty one. */
export function checkEvidenceSize(f: { sizeBytes: number; truncated: boolean }, limits: EvidenceLimits): Outcome {
  if (f.truncated || f.sizeBytes > limits.maxBytes) return refuse('EVIDENCE_FILE_TOO_LARGE', undefined, 'file', { maxBytes: limits.maxBytes });
  if (f.sizeBytes === 0) return refuse('EVIDENCE_FILE_EMPTY', undefined, 'file');
  return allowed;
}

/** The case's stored total plus this file may not pass the per-case limit. */
export function checkEvidenceCaseTotal(storedBytes: number, sizeBytes: number, limits: EvidenceLimits): Outcome {
  if (storedBytes + sizeBytes > limits.maxCaseBytes) return refuse('EVIDENCE_CASE_QUOTA_EXCEEDED', undefined, 'file', { maxCaseBytes: limits.maxCaseBytes, storedBytes });
  return allowed;
}

export interface EvidenceDescription {
  kind: EvidenceKind;
  mimeType: string;
  capturedAt: Date | null;
  longitude: number | null;
  latitude: number | null;
}

/** Body cameras' clocks drift: a capture time this far past the upload is still believed. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The fields that describe the file agree with it and with the clock. */
export function checkEvidenceDescription(d: EvidenceDescription, now: Date): Outcome {
  if (!KIND_ACCEPTS[d.kind](d.mimeType)) return refuse('EVIDENCE_KIND_MISMATCH', undefined, 'kind', { mimeType: d.mimeType });
  if (d.capturedAt && d.capturedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return refuse('EVIDENCE_CAPTURED_IN_FUTURE', undefined, 'capturedAt');
  }
  if ((d.longitude === null) !== (d.latitude === null)) {
    return refuse('COORDINATES_INCOMPLETE', undefined, d.longitude === null ? 'longitude' : 'latitude');
  }
  // WGS-84 within China's extent: catches swapped or projected values (as for enterprises).
  if (d.longitude !== null && (d.longitude < 73 || d.longitude > 136)) return refuse('COORDINATES_OUT_OF_RANGE', undefined, 'longitude');
  if (d.latitude !== null && (d.latitude < 3 || d.latitude > 54)) return refuse('COORDINATES_OUT_OF_RANGE', undefined, 'latitude');
  return allowed;
}

/** An archived case is frozen (归档后不得变更): no evidence is added to it afterwards. */
export function checkEvidenceMayBeAdded(c: { archivedAt: Date | string | null }): Outcome {
  return c.archivedAt ? refuse('CASE_ARCHIVED') : allowed;
}
