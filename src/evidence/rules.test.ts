import { describe, expect, it } from 'vitest';
import {
  checkEvidenceCaseTotal, checkEvidenceDescription, checkEvidenceMayBeAdded, checkEvidenceSize, cleanFileName, DEFAULT_EVIDENCE_LIMITS, resolveEvidenceType,
  type EvidenceDescription,
} from './rules.js';

const limits = { ...DEFAULT_EVIDENCE_LIMITS, maxBytes: 1000 };
const now = new Date('2024-05-01T02:00:00Z');
const photo: EvidenceDescription = { kind: 'photo', mimeType: 'image/jpeg', capturedAt: null, longitude: null, latitude: null };

describe('行政处罚法 第四十七条: whole-process records — which files are evidence', () => {
  it.each([
    ['image/jpeg', '现场.JPG', 'image/jpeg'],
    ['video/mp4; codecs=avc1', 'DSJ0001.mp4', 'video/mp4'],
    ['application/octet-stream', 'record.amr', 'audio/amr'],
    ['', 'scan.pdf', 'application/pdf'],
  ])('accepts %s named %s as %s', (declared, name, mimeType) => {
    expect(resolveEvidenceType(declared, name, limits)).toEqual({ ok: true, mimeType });
  });

  it.each([
    ['application/x-msdownload', 'tool.exe'],
    ['text/html', 'page.html'],
    ['image/jpeg', 'photo.exe'],
    ['application/octet-stream', 'noextension'],
    ['image/svg+xml', 'drawing.svg'],
  ])('refuses %s named %s', (declared, name) => {
    expect(resolveEvidenceType(declared, name, limits)).toMatchObject({ ok: false, code: 'EVIDENCE_TYPE_NOT_ALLOWED', field: 'file' });
  });

  it('follows a configured list of types', () => {
    const onlyPdf = { maxBytes: 1000, maxCaseBytes: 10_000, mimeTypes: ['application/pdf'] };
    expect(resolveEvidenceType('image/jpeg', 'a.jpg', onlyPdf)).toMatchObject({ ok: false, code: 'EVIDENCE_TYPE_NOT_ALLOWED' });
    expect(resolveEvidenceType('application/pdf', 'a.pdf', onlyPdf)).toMatchObject({ ok: true });
  });

  it('refuses a file over the limit, or cut off at it, and an empty one', () => {
    expect(checkEvidenceSize({ sizeBytes: 1000, truncated: false }, limits)).toEqual({ ok: true });
    expect(checkEvidenceSize({ sizeBytes: 1000, truncated: true }, limits)).toMatchObject({ code: 'EVIDENCE_FILE_TOO_LARGE', field: 'file', params: { maxBytes: 1000 } });
    expect(checkEvidenceSize({ sizeBytes: 1001, truncated: false }, limits)).toMatchObject({ code: 'EVIDENCE_FILE_TOO_LARGE' });
    expect(checkEvidenceSize({ sizeBytes: 0, truncated: false }, limits)).toMatchObject({ code: 'EVIDENCE_FILE_EMPTY', field: 'file' });
  });

  it('the kind must fit the file', () => {
    expect(checkEvidenceDescription(photo, now)).toEqual({ ok: true });
    expect(checkEvidenceDescription({ ...photo, kind: 'video' }, now)).toMatchObject({ code: 'EVIDENCE_KIND_MISMATCH', field: 'kind' });
    expect(checkEvidenceDescription({ ...photo, kind: 'scan' }, now)).toEqual({ ok: true });
    expect(checkEvidenceDescription({ ...photo, kind: 'pdf' }, now)).toMatchObject({ code: 'EVIDENCE_KIND_MISMATCH' });
    expect(checkEvidenceDescription({ ...photo, kind: 'other', mimeType: 'application/pdf' }, now)).toEqual({ ok: true });
  });

  it('a capture time after the upload is refused, beyond a body camera clock drift of five minutes', () => {
    expect(checkEvidenceDescription({ ...photo, capturedAt: new Date('2024-05-01T02:04:59Z') }, now)).toEqual({ ok: true });
    expect(checkEvidenceDescription({ ...photo, capturedAt: new Date('2024-05-01T02:05:01Z') }, now))
      .toMatchObject({ code: 'EVIDENCE_CAPTURED_IN_FUTURE', field: 'capturedAt' });
  });

  it('coordinates are WGS-84 degrees, both or neither', () => {
    expect(checkEvidenceDescription({ ...photo, longitude: 121.4, latitude: 37.5 }, now)).toEqual({ ok: true });
    expect(checkEvidenceDescription({ ...photo, longitude: 121.4 }, now)).toMatchObject({ code: 'COORDINATES_INCOMPLETE', field: 'latitude' });
    expect(checkEvidenceDescription({ ...photo, longitude: 37.5, latitude: 121.4 }, now)).toMatchObject({ code: 'COORDINATES_OUT_OF_RANGE', field: 'longitude' });
  });

  it('an archived case takes no new evidence', () => {
    expect(checkEvidenceMayBeAdded({ archivedAt: null })).toEqual({ ok: true });
    expect(checkEvidenceMayBeAdded({ archivedAt: now })).toMatchObject({ ok: false, code: 'CASE_ARCHIVED' });
  });

  it('keeps the base name of an uploaded file', () => {
    expect(cleanFileName('C:\\Users\\li\\现场照片.jpg')).toBe('现场照片.jpg');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b.jpg')).toBe('ab.jpg');
    expect(cleanFileName('')).toBe('evidence');
    expect(cleanFileName(`${'长'.repeat(300)}.mp4`)).toMatch(/^长{196}\.mp4$/);
  });
});

describe('evidence storage limits (settings: ECOGOV_EVIDENCE_MAX_BYTES, ECOGOV_EVIDENCE_MAX_CASE_BYTES)', () => {
  it('defaults to 200 MiB per file', () => {
    expect(DEFAULT_EVIDENCE_LIMITS.maxBytes).toBe(200 * 1024 ** 2);
  });
  it('refuses a file that takes the case past its total', () => {
    const caseLimits = { ...DEFAULT_EVIDENCE_LIMITS, maxCaseBytes: 1000 };
    expect(checkEvidenceCaseTotal(600, 400, caseLimits)).toEqual({ ok: true });
    expect(checkEvidenceCaseTotal(600, 401, caseLimits)).toMatchObject({ ok: false, code: 'EVIDENCE_CASE_QUOTA_EXCEEDED', field: 'file', params: { maxCaseBytes: 1000, storedBytes: 600 } });
  });
});
