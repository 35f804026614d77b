import { describe, expect, it } from 'vitest';
import { checkCaseUnchanged, checkChunk, checkDeviceHash, checkFieldOfficers, checkFieldSignatures } from './rules.js';

const signed = { roles: ['signature_officer1', 'signature_officer2', 'signature_party'] as const, partyRefused: false, witness: null, refusalNote: null };

describe('行政处罚法 第四十二条: at least two officers on site', () => {
  it('refuses one officer, named twice or alone', () => {
    expect(checkFieldOfficers([1, 1])).toMatchObject({ ok: false, code: 'FIELD_TWO_OFFICERS_REQUIRED', field: 'officerIds', citation: { article: '第四十二条' } });
    expect(checkFieldOfficers([1])).toMatchObject({ ok: false });
  });
  it('allows two', () => expect(checkFieldOfficers([1, 2])).toEqual({ ok: true }));
});

describe('行政处罚法 第五十五条: the record signed by both officers and the party, or the refusal witnessed', () => {
  it('allows all three signatures', () => expect(checkFieldSignatures({ ...signed, roles: [...signed.roles] })).toEqual({ ok: true }));
  it('refuses a missing officer signature', () => {
    expect(checkFieldSignatures({ ...signed, roles: ['signature_officer1', 'signature_party'] }))
      .toMatchObject({ ok: false, code: 'FIELD_OFFICER_SIGNATURES_REQUIRED', citation: { article: '第五十五条' } });
  });
  it('refuses a missing party signature without a refusal', () => {
    expect(checkFieldSignatures({ ...signed, roles: ['signature_officer1', 'signature_officer2'] })).toMatchObject({ ok: false, code: 'FIELD_PARTY_SIGNATURE_REQUIRED' });
  });
  it('a refusal needs a witness, and then stands', () => {
    const refused = { ...signed, roles: ['signature_officer1', 'signature_officer2'] as ('signature_officer1' | 'signature_officer2')[], partyRefused: true };
    expect(checkFieldSignatures({ ...refused, witness: ' ' })).toMatchObject({ ok: false, code: 'FIELD_WITNESS_REQUIRED', field: 'signatures.witness' });
    expect(checkFieldSignatures({ ...refused, witness: '村委会 李四' })).toEqual({ ok: true });
  });
});

describe('sync checks', () => {
  it('a case that moved on or closed is a conflict', () => {
    const open = { stage: 'investigating', closedAt: null, archivedAt: null };
    expect(checkCaseUnchanged({ stage: 'investigating' }, open)).toEqual({ ok: true });
    expect(checkCaseUnchanged({ stage: 'investigating' }, { ...open, stage: 'case_review' })).toMatchObject({ code: 'FIELD_RECORD_CONFLICT' });
    expect(checkCaseUnchanged({ stage: 'investigating' }, { ...open, closedAt: new Date() })).toMatchObject({ code: 'FIELD_RECORD_CONFLICT' });
  });
  it('a chunk continues at the received offset and stays within the size', () => {
    expect(checkChunk({ receivedBytes: 10, sizeBytes: 20 }, 10, 10)).toEqual({ ok: true });
    expect(checkChunk({ receivedBytes: 10, sizeBytes: 20 }, 0, 10)).toMatchObject({ code: 'FIELD_UPLOAD_OFFSET_MISMATCH', params: { offset: 10 } });
    expect(checkChunk({ receivedBytes: 10, sizeBytes: 20 }, 10, 11)).toMatchObject({ code: 'FIELD_UPLOAD_TOO_LONG' });
  });
  it('refuses a device hash that differs from the server one', () => {
    expect(checkDeviceHash('a'.repeat(64), 'a'.repeat(64))).toEqual({ ok: true });
    expect(checkDeviceHash('a'.repeat(64), 'b'.repeat(64))).toMatchObject({ ok: false, code: 'FIELD_HASH_MISMATCH', field: 'sha256' });
  });
});
