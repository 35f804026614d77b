// Discretion actions: benchmark tables as versioned data, calculations stored on cases, and the
// departure check the case procedure calls. Every write is audited in its transaction.
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { refuse, success, type Citation, type Outcome, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { actorOf, appendAudit, SYSTEM_ACTOR, type Actor } from '../platform/audit/log.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { groundsOfCase, allowsMitigation } from '../exemptions/index.js';
import { discretionCalculations, discretionTables } from './tables.js';
import { checkFineAgainstBenchmark, computeBenchmarkFine, computeLegalRange, findTableProblems, tableInForceOn, type BenchmarkTable, type Calculation, type CalculationInput } from './rules/benchmark.js';
import { computeConsistency } from './rules/consistency.js';
import { asBenchmark, countUncalculated, findCaseForDiscretion, findTable, latestCalculation, listAllTableVersions, listCalculations, listDecidedFines, listPartyCases, listVersions, type ConsistencyFilter, type TableRow } from './queries.js';
import { recordedRepeat } from './rules/repeat.js';
import { DISCRETION_TABLES, type DiscretionTableSeed } from './data/tables.js';

export interface TableInput extends Omit<BenchmarkTable, 'version'> { category: string; effectiveOn: string; source: string; note: string; reason?: string | null }

/** Publishes a table: a new code, or the next version of an existing one. Takes effect today or later; old versions stay as they were. */
export async function publishTableVersion(db: Db, principal: Principal, input: TableInput, now: Date): Promise<Result<TableRow>> {
  if (!can(principal, 'discretion.manage')) return refuse('FORBIDDEN');
  const problems = findTableProblems(input);
  if (problems.length) return refuse(problems[0]!.code, undefined, problems[0]!.field);
  if (input.effectiveOn < chinaDateOf(now)) return refuse('TABLE_VERSION_RETROACTIVE', undefined, 'effectiveOn');
  return db.transaction(async (tx) => {
    // One version number per code, even when two administrators publish at once.
    await tx.execute(sql`select pg_advisory_xact_lock(7301004, hashtext(${input.code}))`);
    const versions = await listVersions(tx, input.code);
    const { reason, ...values } = input;
    const [row] = await tx.insert(discretionTables).values({ ...values, version: (versions.at(-1)?.version ?? 0) + 1, createdById: principal.id, createdAt: now }).returning();
    await appendAudit(tx, actorOf(principal), {
      action: versions.length ? 'discretion.table.version' : 'discretion.table.create', entity: 'discretion_table', entityId: `${row!.code}@${row!.version}`,
      before: versions.at(-1) ?? undefined, after: row, reason: reason ?? null,
    }, now);
    return success(row!);
  });
}

/** Loads the demo tables whose code is not yet on record (idempotent: administrators' versions are left alone). */
export async function seedDiscretionTables(db: Db, now: Date, tables: readonly DiscretionTableSeed[] = DISCRETION_TABLES, actor: Actor = SYSTEM_ACTOR): Promise<{ codes: string[] }> {
  return db.transaction(async (tx) => {
    const recorded = new Set((await tx.select({ code: discretionTables.code }).from(discretionTables)).map((r) => r.code));
    const missing = tables.filter((t) => !recorded.has(t.code));
    if (!missing.length) return { codes: [] };
    await tx.insert(discretionTables).values(missing.map((t) => ({ ...t, version: 1, note: '', createdById: null, createdAt: now })));
    await appendAudit(tx, actor, { action: 'discretion.table.seed', entity: 'discretion_table', entityId: missing.map((t) => t.code).join(','), after: { tables: missing.length }, reason: '自由裁量基准 reference data' }, now);
    return { codes: missing.map((t) => t.code) };
  });
}

/** Every table in force on a day (the latest effective version of each code). */
export async function tablesInForce(db: DbOrTx, on: string): Promise<TableRow[]> {
  const byCode = new Map<string, TableRow[]>();
  for (const r of await listAllTableVersions(db)) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  return [...byCode.values()].map((v) => tableInForceOn(v, on)).filter((t): t is TableRow => t !== null);
}

/**
 * The legal range of a penalty provision, named by the code of its benchmark table in force on a day
 * (行政处罚法 第三十四条): for the case procedure's check that every fine stays inside it. `field` names the input.
 */
export async function legalRangeOfProvision(db: DbOrTx, code: string, on: string, baseFen: number | null | undefined, field: string):
  Promise<Result<{ minFen: number; maxFen: number; provision: Citation; title: string }>> {
  const table = (await tablesInForce(db, on)).find((t) => t.code === code);
  if (!table) return refuse('PENALTY_PROVISION_UNKNOWN', undefined, field);
  const range = computeLegalRange(table.range, baseFen);
  if (!range.ok) return { ...range, field: range.field === 'baseFen' ? field.replace(/[^.]*$/, 'penaltyBaseFen') : range.field };
  return success({ minFen: range.value.minFen, maxFen: range.value.maxFen, provision: table.penaltyProvision as Citation, title: table.title });
}

/** The calculator: a table version and the chosen levels give the fine with a line per factor. */
export async function calculate(db: DbOrTx, tableId: number, input: CalculationInput): Promise<Result<{ table: TableRow; calculation: Calculation }>> {
  const table = await findTable(db, tableId);
  if (!table) return refuse('DISCRETION_TABLE_UNKNOWN', undefined, 'tableId');
  const r = computeBenchmarkFine(asBenchmark(table), input);
  return r.ok ? success({ table, calculation: r.value }) : r;
}

/** Stores a calculation on an undecided case with the version of the table in force today. */
export async function storeCaseCalculation(db: Db, principal: Principal, caseId: number, input: CalculationInput & { tableId: number }, now: Date): Promise<Result<{ id: number }>> {
  if (!can(principal, 'case.write')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  return db.transaction(async (tx) => {
    const c = await findCaseForDiscretion(tx, caseId, principal);
    if (!c) return refuse('NOT_FOUND');
    if (c.decisionKind) return refuse('ALREADY_DECIDED');
    const table = await findTable(tx, input.tableId);
    if (!table) return refuse('DISCRETION_TABLE_UNKNOWN', undefined, 'tableId');
    const current = tableInForceOn(await listVersions(tx, table.code), todayOn);
    if (current?.id !== table.id) return refuse('DISCRETION_TABLE_NOT_IN_FORCE', undefined, 'tableId', { version: current?.version ?? 0 });
    const r = computeBenchmarkFine(asBenchmark(table), input);
    if (!r.ok) return r;
    const [row] = await tx.insert(discretionCalculations).values({
      caseId, tableId: table.id, levels: input.levels, baseFen: input.baseFen ?? null, computedFen: r.value.fineFen,
      legalMinFen: r.value.legalMinFen, legalMaxFen: r.value.legalMaxFen, breakdown: r.value, calculatedById: principal.id, calculatedAt: now,
    }).returning({ id: discretionCalculations.id });
    await appendAudit(tx, actorOf(principal), {
      action: 'discretion.calculate', entity: 'case', entityId: caseId,
      after: { calculationId: row!.id, table: `${table.code}@${table.version}`, levels: input.levels, baseFen: input.baseFen ?? null, computedFen: r.value.fineFen },
    }, now);
    return success({ id: row!.id });
  });
}

/**
 * Hook for the case procedure (行政处罚法 第三十四条): a proposal or decision whose fine departs from the
 * case's stored benchmark calculation needs a written reason (proposal.discretionReason); never above
 * the legal maximum; below the minimum only with a recorded 第三十二条 ground. Allowed when no
 * calculation is stored. Reads in the caller's transaction.
 */
export async function checkCaseFineAgainstBenchmark(tx: DbOrTx, caseId: number, fineFen: number, reason: string | null): Promise<Outcome> {
  const latest = await latestCalculation(tx, caseId);
  if (!latest) return { ok: true };
  return checkFineAgainstBenchmark({
    computedFen: latest.calc.computedFen, legalMinFen: latest.calc.legalMinFen, legalMaxFen: latest.calc.legalMaxFen, fineFen, reason,
    mitigationRecorded: allowsMitigation(await groundsOfCase(tx, caseId)), penaltyProvision: latest.table.penaltyProvision as Citation,
  });
}

/** The case's benchmark as the case page and the legal review see it: the calculation, and how the proposal and decision depart from it. */
export async function loadCaseDiscretion(db: DbOrTx, principal: Principal, caseId: number) {
  const c = await findCaseForDiscretion(db, caseId, principal);
  if (!c) return null;
  const history = await listCalculations(db, caseId);
  const latest = history[0] ?? null;
  const grounds = await groundsOfCase(db, caseId);
  // The factors the bureau's own records settle (the calculator pre-sets them; the officer may still change them).
  const recorded = { repeat: recordedRepeat(c.id, c.filedOn, (await listPartyCases(db, c.enterpriseId)).map((r) => ({ ...r, revoked: Boolean(r.revoked) }))) };
  const judge = (fineFen: number | null | undefined) => {
    if (!latest || fineFen === null || fineFen === undefined) return null;
    const outcome = checkFineAgainstBenchmark({
      computedFen: latest.calc.computedFen, legalMinFen: latest.calc.legalMinFen, legalMaxFen: latest.calc.legalMaxFen, fineFen,
      reason: c.proposal?.discretionReason ?? null, mitigationRecorded: allowsMitigation(grounds), penaltyProvision: latest.table.penaltyProvision,
    });
    return { fineFen, differenceFen: fineFen - latest.calc.computedFen, departs: fineFen !== latest.calc.computedFen, outcome };
  };
  return {
    case: { id: c.id, number: c.number, stage: c.stage, decisionKind: c.decisionKind, decidedOn: c.decidedOn },
    latest: latest ? { ...latest.calc, table: latest.table, calculatedByName: latest.calculatedByName } : null,
    history: history.map((h) => ({ id: h.calc.id, tableCode: h.table.code, tableVersion: h.table.version, computedFen: h.calc.computedFen, calculatedAt: h.calc.calculatedAt, calculatedByName: h.calculatedByName })),
    proposal: judge(c.proposal?.fineFen), decision: c.decisionKind === 'penalty' ? judge(c.decisionFineFen) : null,
    discretionReason: c.proposal?.discretionReason ?? null, groundsRecorded: grounds, recorded,
    actions: { calculate: can(principal, 'case.write') && !c.decisionKind },
  };
}

export async function consistencyReport(db: DbOrTx, principal: Principal, f: ConsistencyFilter) {
  const rows = await listDecidedFines(db, principal, f);
  return { filter: f, decided: rows.length, uncalculated: await countUncalculated(db, principal, f), types: computeConsistency(rows), cases: rows };
}


/** The benchmark fine of the case's latest calculation, or null (for the case-file pre-checks). */
export async function latestComputedFen(db: DbOrTx, caseId: number): Promise<number | null> {
  return (await latestCalculation(db, caseId))?.calc.computedFen ?? null;
}
