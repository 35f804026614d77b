import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/index.js';
import { enterprises, outfalls } from './tables.js';
import { refuse, success, type Refusal, type Result } from '../law/outcome.js';
import { actorOf, appendAudit, type Actor } from '../platform/audit/log.js';
import { inDistrictScope, type Principal } from '../platform/auth/roles.js';
import { findDistrict, findTownship } from '../organisation/index.js';
import { findEnterpriseProblems, type EnterpriseFields } from './rules/enterprise.js';
import { normaliseCreditCode } from './rules/credit-code.js';
import { findEnterprise, findEnterpriseIdByCreditCode, type EnterpriseDetail } from './queries.js';
import type { ImportRow } from './excel.js';


const normalise = (f: EnterpriseFields): EnterpriseFields => ({
  ...f,
  creditCode: normaliseCreditCode(f.creditCode),
  name: f.name.trim(), legalRepresentative: f.legalRepresentative.trim(), address: f.address.trim(),
  industryCode: f.industryCode.trim().toUpperCase(),
  keyUnitCategories: [...new Set(f.keyUnitCategories)],
  outfalls: f.outfalls.map((o) => ({ ...o, code: o.code.trim().toUpperCase(), name: o.name.trim() })),
});

/** Every rule an enterprise's fields must meet, checked against the reference data and scope. */
async function checkFields(tx: Tx, principal: Principal, f: EnterpriseFields, selfId: number | null): Promise<Refusal[]> {
  const district = await findDistrict(tx, f.districtId);
  if (!district) return [refuse('DISTRICT_UNKNOWN', undefined, 'districtId')];
  if (!inDistrictScope(principal, f.districtId)) return [refuse('OUT_OF_SCOPE', undefined, 'districtId')];
  const township = f.townshipId === null ? null : await findTownship(tx, f.townshipId);
  const problems = findEnterpriseProblems(f, f.townshipId === null ? null : township?.districtId).map((p) => refuse(p.code, undefined, p.field));
  if (problems.length) return problems;
  const holder = await findEnterpriseIdByCreditCode(tx, f.creditCode);
  if (holder && holder.id !== selfId) return [refuse('CREDIT_CODE_TAKEN', undefined, 'creditCode')];
  return [];
}

async function writeOutfalls(tx: Tx, enterpriseId: number, f: EnterpriseFields) {
  await tx.delete(outfalls).where(eq(outfalls.enterpriseId, enterpriseId));
  if (f.outfalls.length) await tx.insert(outfalls).values(f.outfalls.map((o) => ({ ...o, enterpriseId })));
}

function columnsOf(f: EnterpriseFields) {
  const { outfalls: _o, ...columns } = f;
  return columns;
}

/** Inserts a checked enterprise with its outfalls and audit row (also used by the demo seed). */
export async function insertEnterprise(tx: Tx, actor: Actor, f: EnterpriseFields, now: Date, reason: string | null): Promise<number> {
  const [row] = await tx.insert(enterprises).values({ ...columnsOf(f), createdAt: now, updatedAt: now }).returning({ id: enterprises.id });
  await writeOutfalls(tx, row!.id, f);
  await appendAudit(tx, actor, { action: 'enterprise.create', entity: 'enterprise', entityId: row!.id, after: f, reason }, now);
  return row!.id;
}

async function replaceEnterprise(tx: Tx, principal: Principal, before: EnterpriseDetail, f: EnterpriseFields, now: Date, reason: string | null) {
  await tx.update(enterprises).set({ ...columnsOf(f), version: before.version + 1, updatedAt: now }).where(eq(enterprises.id, before.id));
  await writeOutfalls(tx, before.id, f);
  await appendAudit(tx, actorOf(principal), {
    action: 'enterprise.update', entity: 'enterprise', entityId: before.id, before: snapshot(before), after: f, reason,
  }, now);
}

/** The stored fields, in the same shape as the input, for the audit's before/after. */
function snapshot(e: EnterpriseDetail): EnterpriseFields {
  return {
    creditCode: e.creditCode, name: e.name, legalRepresentative: e.legalRepresentative, districtId: e.districtId,
    townshipId: e.townshipId, industryCode: e.industryCode, address: e.address, longitude: e.longitude, latitude: e.latitude,
    keyUnitCategories: e.keyUnitCategories, creditRating: e.creditRating,
    outfalls: e.outfalls.map(({ code, name, kind }) => ({ code, name, kind })),
  };
}

export async function createEnterprise(db: Db, principal: Principal, input: EnterpriseFields, now: Date): Promise<Result<EnterpriseDetail>> {
  const f = normalise(input);
  return db.transaction(async (tx) => {
    const problems = await checkFields(tx, principal, f, null);
    if (problems.length) return problems[0]!;
    const id = await insertEnterprise(tx, actorOf(principal), f, now, null);
    return success((await findEnterprise(tx, id, null))!);
  });
}

export async function updateEnterprise(db: Db, principal: Principal, id: number, input: EnterpriseFields & { version: number; reason?: string | null }, now: Date): Promise<Result<EnterpriseDetail>> {
  const { version, reason, ...fields } = input;
  const f = normalise(fields);
  return db.transaction(async (tx) => {
    const before = await findEnterprise(tx, id, principal);
    if (!before) return refuse('NOT_FOUND');
    if (before.version !== version) return refuse('VERSION_CONFLICT');
    const problems = await checkFields(tx, principal, f, id);
    if (problems.length) return problems[0]!;
    await replaceEnterprise(tx, principal, before, f, now, reason ?? null);
    return success((await findEnterprise(tx, id, null))!);
  });
}

export interface ImportError { row: number; field: string; code: string; message?: string }
export interface ImportSummary { created: number; updated: number; skipped: number; errors: ImportError[] }

/**
 * Imports parsed rows in one transaction. A row whose credit code exists updates that enterprise.
 * With errors and without `skipInvalid`, nothing is written and the errors are returned.
 */
export async function importEnterprises(db: Db, principal: Principal, rows: ImportRow[], parseErrors: ImportError[], options: { skipInvalid: boolean; fileName: string },
  now: Date, onProgress?: (done: number, total: number) => void): Promise<Result<ImportSummary> | (Refusal & { errors: ImportError[] })> {
  return db.transaction(async (tx) => {
    const errors: ImportError[] = [...parseErrors];
    const badRows = new Set(parseErrors.map((e) => e.row));
    const seenCodes = new Map<string, number>();
    const plan: { row: number; fields: EnterpriseFields; existing: EnterpriseDetail | null }[] = [];
    for (const r of rows) {
      if (badRows.has(r.row)) continue;
      const f = normalise(r.fields);
      const firstRow = seenCodes.get(f.creditCode);
      if (firstRow !== undefined) {
        errors.push({ row: r.row, field: 'creditCode', code: 'CREDIT_CODE_DUPLICATE_IN_FILE' });
        continue;
      }
      seenCodes.set(f.creditCode, r.row);
      const holder = await findEnterpriseIdByCreditCode(tx, f.creditCode);
      const existing = holder ? await findEnterprise(tx, holder.id, principal) : null;
      if (holder && !existing) { errors.push({ row: r.row, field: 'creditCode', code: 'OUT_OF_SCOPE' }); continue; }
      const problems = await checkFields(tx, principal, f, holder?.id ?? null);
      if (problems.length) { for (const p of problems) errors.push({ row: r.row, field: p.field ?? '', code: p.code }); continue; }
      plan.push({ row: r.row, fields: f, existing });
    }
    errors.sort((a, b) => a.row - b.row);
    if (errors.length && !options.skipInvalid) return { ...refuse('IMPORT_HAS_ERRORS'), errors };
    let created = 0;
    let updated = 0;
    const reason = `Excel 导入: ${options.fileName}`;
    for (const [i, p] of plan.entries()) {
      if (p.existing) { await replaceEnterprise(tx, principal, p.existing, p.fields, now, reason); updated++; }
      else { await insertEnterprise(tx, actorOf(principal), p.fields, now, reason); created++; }
      onProgress?.(i + 1, plan.length);
    }
    const skipped = new Set(errors.map((e) => e.row)).size;
    await appendAudit(tx, actorOf(principal), {
      action: 'enterprise.import', entity: 'enterprise_import', entityId: options.fileName,
      after: { created, updated, skipped, errorRows: [...new Set(errors.map((e) => e.row))] }, reason,
    }, now);
    return success({ created, updated, skipped, errors });
  });
}
