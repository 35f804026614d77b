// `ecogov`: the command line of the platform.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { databaseOptions, readConfig, withDataDir, type Config } from './platform/config.js';
import { heapGrowingPercentFor, tuneHeap } from './platform/memory.js';
import { migrateDatabase, openDatabase, type Database } from './platform/db/index.js';
import { startServer } from './platform/http/server.js';
import { backupArchive, DamagedArchiveError, restoreArchive } from './platform/db/archive.js';
import { loadAuditAnchor, verifyAnchoredChain, writeCheckpoint } from './platform/audit/anchor.js';
import { createProgress } from './platform/progress.js';
import { generatePassword } from './platform/auth/password.js';
import { can, ROLES, type Role } from './platform/auth/roles.js';
import { DEMO_ADMIN, isSeeded, seedDemo, seedWholeDemoYear2020, seedWholeDemoYear2020InBackground } from './demo/seed.js';
import { trackBackgroundJob } from './platform/http/health-status.js';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import * as dbSchema from './platform/db/schema.js';
import type { Db } from './platform/db/index.js';
import { seedReferenceData } from './platform/db/reference-data.js';
// Capabilities' hooks into one another (decision checks, calendar, monitoring listeners).
import './platform/wiring.js';
import { addUser } from './users/actions.js';
import { SYSTEM_ACTOR } from './platform/audit/log.js';
import { loadDivisionIndex } from './organisation/queries.js';
import { findPrincipalByUsername, resetPassword, setUserActive, unlockUser } from './users/actions.js';
import { demoLoginToPrint, writeDemoLogin } from './users/demo-login.js';
import { parseEnterpriseWorkbook } from './enterprises/excel.js';
import { importEnterprises } from './enterprises/actions.js';
import { messageFor } from './platform/i18n/messages.js';
import { verifyEvidence } from './evidence/index.js';
import { gatewayPortFromEnv, startMonitoringGateway, startMonitoringGatewayOrWarn, simulateDevicesCommand } from './monitoring/cli.js';

const program = new Command();
program.name('ecogov').description('EcoGov: rule-of-law administration platform for ecology and environment bureaus')
  .option('--database-url <url>', 'PostgreSQL server (default: $DATABASE_URL, else embedded PGlite)')
  .option('--data-dir <dir>', 'PGlite data directory (default: $ECOGOV_DATA_DIR or ./data/pglite)')
  .showHelpAfterError();

function config(): Config {
  const c = readConfig();
  const o = program.opts<{ databaseUrl?: string; dataDir?: string }>();
  // Evidence, the audit key and the demo login live in the data directory unless the environment moves them.
  const moved = o.dataDir ? withDataDir(c, resolve(o.dataDir)) : c;
  return { ...moved, databaseUrl: o.databaseUrl ?? c.databaseUrl };
}

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const c = config();
  const database = await openDatabase(databaseOptions(c));
  try {
    await migrateDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}



async function seedDemoBureau(database: Database, c: Config): Promise<{ username: string; password: string }> {
  const password = process.env.ECOGOV_DEMO_PASSWORD ?? generatePassword();
  const progress = createProgress();
  console.error('Seeding the demo bureau (Yantai)…');
  const accounts = await seedDemo(database.db, password, new Date(), (step, done, total) => progress.update(step, done, total));
  progress.done();
  console.error(`Demo accounts (all with the same password): ${accounts.map((a) => `${a.username} (${a.role}${a.district ? `, ${a.district}` : ''})`).join(', ')}`);
  if (database.engine === 'pglite') {
    writeDemoLogin(c.dataDir, { username: DEMO_ADMIN, password });
  }
  return { username: DEMO_ADMIN, password };
}

async function buildWebIfMissing(c: Config) {
  if (existsSync(join(c.webDist, 'index.html'))) return;
  console.error('Building the web app (first run)…');
  const { build } = await import('vite');
  await build({ configFile: resolve('web/vite.config.ts'), logLevel: 'warn' });
}

/** What the demo's 2020 created, part by part. */
const demo2020Summary = (r: Awaited<ReturnType<typeof seedWholeDemoYear2020>>) =>
  `${r.parts.map((p) => `${p.part} ${p.created} (${p.seconds.toFixed(1)} s)`).join(', ')}; ${r.seconds.toFixed(1)} s in all`;

/**
 * The database handle for background work. PGlite runs in this process and answers without I/O: a long chain of
 * queries never returns to the event loop, and the server would not answer a request (nor a signal) until it
 * ended (measured: /api/health timed out for 50 s while the demo's 2020 ran). This handle, on the same PGlite,
 * lets the event loop run before each query and each transaction (not inside one). PostgreSQL needs none.
 */
function backgroundDb(database: Database): Db {
  if (database.engine !== 'pglite') return database.db;
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
  const yielding = new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'query' || prop === 'exec' || prop === 'transaction') {
        return async (...args: unknown[]) => { await pause(); return (value as (...a: unknown[]) => unknown).apply(target, args); };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return drizzlePglite(yielding, { schema: dbSchema }) as unknown as Db;
}

/** Where an unfinished background generation of the demo's 2020 is remembered (the data directory). */
const demo2020Marker = (c: Config) => join(c.dataDir, 'demo-2020.pending');

/**
 * The demo bureau's 2020 (issue 19: the year the year-end report is written from), generated after the server
 * listens, so the first page is served at once: on the demo's first start, and on a later start that finds the
 * generation unfinished (the marker file; the generation tops up to its targets, so it resumes). Progress goes
 * to the log and to GET /api/health/background (administrators). ECOGOV_DEMO_2020=off turns it off.
 * `stop()` (the server is stopping) ends it at the next case boundary: its progress report throws, so no case is
 * left half-written, and the marker stays for the next start.
 */
function generateDemoYear2020(database: Database, c: Config, password: string | undefined): { stop(): Promise<void> } {
  const marker = demo2020Marker(c);
  mkdirSync(c.dataDir, { recursive: true });
  writeFileSync(marker, `started ${new Date().toISOString()}\n`);
  const job = trackBackgroundJob('demo-2020');
  console.error('Generating the demo bureau\'s 2020 in the background (progress: GET /api/health/background as an administrator; ECOGOV_DEMO_2020=off disables it)…');
  let logged = '';
  let loggedAt = 0;
  let stopping = false;
  const finished = seedWholeDemoYear2020InBackground(backgroundDb(database), (step, done, total) => {
    if (stopping) throw new Error('the server is stopping; the next start resumes it');
    job.progress(step, done, total);
    // A line per tenth of the way, or every 10 s: the log stays readable.
    const tenth = `${step} ${total ? Math.floor((done / total) * 10) : 0}`;
    if (tenth !== logged || Date.now() - loggedAt > 10_000) {
      logged = tenth;
      loggedAt = Date.now();
      console.error(`  demo 2020: ${step} ${done}${total ? `/${total} (${Math.floor((done / total) * 100)}%)` : ''}`);
    }
  }, { password }).then((r) => {
    if (!r) { job.finish('failed', 'stopped (see the log); the next start resumes it'); return; }
    rmSync(marker, { force: true });
    const summary = demo2020Summary(r);
    job.finish('done', summary);
    console.error(`Demo 2020 generated: ${summary}`);
  });
  return {
    // Waits for the step under way (bounded: the database is closed after it either way).
    stop: async () => {
      if (job.snapshot().state !== 'running') return;
      console.error('Stopping: the demo 2020 generation ends after the step under way (the next start resumes it)…');
      stopping = true;
      await Promise.race([finished, new Promise((r) => setTimeout(r, 15_000).unref())]);
    },
  };
}

async function serve(seedIfEmpty: boolean) {
  // Where a start's time goes (issue 18: a later start serves a page within 5 s), printed with the address.
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  let last = performance.now();
  const phases = [`modules ${seconds(last)}`];
  const phase = (name: string) => { const now = performance.now(); phases.push(`${name} ${seconds(now - last)}`); last = now; };
  const c = config();
  tuneHeap(heapGrowingPercentFor(c.heapGrowingPercent, c.databaseUrl ? 'postgres' : 'pglite'));
  if (seedIfEmpty) { await buildWebIfMissing(c); phase('web app'); }
  const database = await openDatabase(databaseOptions(c));
  phase('open database');
  await migrateDatabase(database);
  phase('migrations');
  await seedReferenceData(database.db, new Date());
  phase('reference data');
  let login: Promise<{ username: string; password: string } | null> = Promise.resolve(null);
  let demoFirstStart = false;
  if (seedIfEmpty && !(await isSeeded(database.db))) { login = Promise.resolve(await seedDemoBureau(database, c)); phase('demo bureau'); demoFirstStart = true; }
  // Where the demo login is kept (PGlite only; never on a server), and only until the password is changed:
  // its check (a password hash, off the main thread) runs while the server starts.
  else if (database.engine === 'pglite') login = demoLoginToPrint(database.db, c.dataDir);
  login.catch(() => { /* awaited below, once the server is up */ });
  const server = await startServer(c, { database, migrated: true, logger: process.env.LOG_LEVEL !== 'silent' });
  phase('server');
  const gateway = process.env.ECOGOV_GATEWAY === 'off' ? null : await startMonitoringGatewayOrWarn(database, gatewayPortFromEnv());
  phase('gateway');
  console.log(`\nEcoGov is running on ${server.url}  (database: ${database.engine} ${database.location})`);
  const cpu = process.cpuUsage();
  console.log(`Started in ${seconds(performance.now())} (CPU ${seconds((cpu.user + cpu.system) / 1000)}): ${phases.join(', ')}`);
  if (gateway) console.log(`HJ 212 monitoring gateway on TCP port ${gateway.port} (ECOGOV_GATEWAY=off disables it)`);
  console.log(`API documentation: ${server.url}/api/docs`);
  const shown = await login;
  if (shown) console.log(`Demo administrator: username "${shown.username}", password "${shown.password}"`);
  // After the page is served: the demo's 2020, on its first start (or to finish an interrupted one).
  const demo2020 = seedIfEmpty && process.env.ECOGOV_DEMO_2020 !== 'off' && (demoFirstStart || existsSync(demo2020Marker(c)))
    ? generateDemoYear2020(database, c, shown?.password ?? process.env.ECOGOV_DEMO_PASSWORD) : null;
  const stop = async () => { await demo2020?.stop(); await gateway?.close(); await server.close(); await database.close(); process.exit(0); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

program.command('start').description('First-run friendly: build the web app if missing, migrate, seed the demo bureau if empty, serve')
  .action(() => serve(true));

program.command('serve').description('Migrate and serve the platform (API, web app, docs) on $PORT (3000)')
  .action(() => serve(false));

program.command('migrate').description('Apply the checked-in migrations').action(() => withDatabase(async (d) => {
  console.log(`migrated (${d.engine} ${d.location})`);
}));

program.command('seed').description('Load reference data; with --demo, the whole demo bureau; with --demo-2020, the demo bureau\'s 2020 (issue 19)')
  .option('--demo', 'seed the demo bureau (organisation, users of every role, enterprises)')
  .option('--demo-2020', 'run the demo bureau\'s whole 2020 through the capabilities\' actions (people, governance, 237 cases, campaigns, air and water; tops up, so it resumes)')
  .action((opts: { demo?: boolean; demo2020?: boolean }) => withDatabase(async (d) => {
    let password = process.env.ECOGOV_DEMO_PASSWORD;
    if (opts.demo) {
      const login = await seedDemoBureau(d, config());
      password = login.password;
      console.log(`Demo administrator: username "${login.username}", password "${login.password}"`);
    }
    if (opts.demo2020) {
      if (!(await isSeeded(d.db))) throw new UsageError('--demo-2020 needs the demo bureau: run `seed --demo` first (or together)');
      const progress = createProgress();
      // The staff it adds get the demo accounts' password when it is known here (else a random one).
      const r = await seedWholeDemoYear2020(d.db, (step, done, total) => progress.update(step, done, total), { password });
      progress.done();
      console.log(`demo 2020: ${demo2020Summary(r)}`);
      rmSync(demo2020Marker(config()), { force: true }); // done: a later `start` has nothing to resume
    }
    if (!opts.demo && !opts.demo2020) {
      const { organisation, calendar } = await seedReferenceData(d.db, new Date());
      console.log(organisation.districts ? `organisation seeded: ${JSON.stringify(organisation)}` : 'organisation already present');
      console.log(calendar.years.length ? `holiday calendar seeded: ${calendar.years.join(', ')}` : 'holiday calendar already present');
    }
  }));

const user = program.command('user').description('Manage users');
const reportResult = (r: { ok: false; code: string; field?: string } | { ok: true }) => { if (!r.ok) throw new UsageError(`${r.field ?? 'user'}: ${r.code}`); };
user.command('unlock').description('Lift every sign-in lock of the account, from all sources (audited)').argument('<username>')
  .option('--reason <text>', 'why (kept in the audit log)')
  .action((username: string, o: { reason?: string }) => withDatabase(async (d) => {
    const r = await unlockUser(d.db, SYSTEM_ACTOR, username, o.reason ?? null, new Date());
    reportResult(r);
    if (r.ok) console.log(`user ${username} unlocked (${r.value.cleared} source(s) cleared)`);
  }));
user.command('disable').description('Disable the account and end its sessions at once (audited)').argument('<username>')
  .requiredOption('--reason <text>', 'why (kept in the audit log)')
  .action((username: string, o: { reason: string }) => withDatabase(async (d) => {
    const r = await setUserActive(d.db, SYSTEM_ACTOR, username, false, o.reason, new Date());
    reportResult(r);
    if (r.ok) console.log(`user ${username} disabled; ${r.value.endedSessions} session(s) ended`);
  }));
user.command('enable').description('Re-enable a disabled account (audited)').argument('<username>')
  .option('--reason <text>', 'why (kept in the audit log)')
  .action((username: string, o: { reason?: string }) => withDatabase(async (d) => {
    const r = await setUserActive(d.db, SYSTEM_ACTOR, username, true, o.reason ?? null, new Date());
    reportResult(r);
    if (r.ok) console.log(`user ${username} enabled`);
  }));
user.command('reset-password').description('Set a new password (generated and printed unless --password), end the sessions, lift locks (audited)').argument('<username>')
  .option('--password <password>')
  .option('--reason <text>', 'why (kept in the audit log)')
  .action((username: string, o: { password?: string; reason?: string }) => withDatabase(async (d) => {
    const r = await resetPassword(d.db, SYSTEM_ACTOR, username, o.password ?? null, o.reason ?? null, new Date());
    reportResult(r);
    if (r.ok) console.log(`password of ${username} reset${r.value.generated ? `; new password: ${r.value.password}` : ''}`);
  }));
user.command('add').description('Add a user (the password is generated and printed unless --password is given)')
  .requiredOption('--username <name>')
  .requiredOption('--display-name <name>')
  .addOption(new Option('--role <role>').choices([...ROLES]).makeOptionMandatory())
  .option('--district <code|name>', 'district scope (county-level unit code or name); omit for city-wide')
  .option('--credential <no>', '执法证号 (enforcement officers)')
  .option('--enterprise-id <id>', 'enterprise (enterprise users)')
  .option('--legal-qualification', 'holds the national legal professional qualification')
  .option('--password <password>')
  .action((o: { username: string; displayName: string; role: Role; district?: string; credential?: string; enterpriseId?: string; legalQualification?: boolean; password?: string }) =>
    withDatabase(async (d) => {
      await seedReferenceData(d.db, new Date());
      let districtId: number | null = null;
      if (o.district) {
        const found = (await loadDivisionIndex(d.db)).district(o.district);
        if (!found) throw new UsageError(`--district: no county-level unit "${o.district}"`);
        districtId = found.id;
      }
      const password = o.password ?? generatePassword();
      const result = await addUser(d.db, SYSTEM_ACTOR, {
        username: o.username, displayName: o.displayName, password, role: o.role, districtId, departmentId: null,
        enterpriseId: o.enterpriseId ? Number(o.enterpriseId) : null, credentialNo: o.credential ?? null,
        holdsLegalQualification: o.legalQualification ?? false,
      }, new Date());
      if (!result.ok) throw new UsageError(`${result.field ?? 'user'}: ${result.code}`);
      console.log(`user ${o.username} (${o.role}) added${o.password ? '' : `; password: ${password}`}`);
    }));

const audit = program.command('audit').description('Audit log tools');
audit.command('verify').description('Recompute the hash chain and hold it against the latest keyed checkpoint; exit 1 naming missing or rewritten rows')
  .action(() => withDatabase(async (d) => {
    const c = config();
    const anchor = loadAuditAnchor(c.auditKeyFile, c.auditCheckpointFile, { create: false });
    const progress = createProgress();
    const result = await verifyAnchoredChain(d.db, anchor, (n) => progress.update('rows checked', n));
    progress.done();
    const { chain } = result;
    if (!chain.ok) console.error(`audit chain BROKEN at seq ${chain.firstBrokenSeq} (${chain.reason}); ${chain.checked} rows before it are intact`);
    for (const f of result.findings) {
      console.error(f.problem === 'TRUNCATED'
        ? `audit log TRUNCATED: rows ${f.fromSeq}–${f.toSeq} are missing (checkpoint of ${f.checkpointAt} recorded ${f.toSeq} rows)`
        : `audit log REWRITTEN: a row between seq ${f.fromSeq} and ${f.toSeq} was changed and the later hashes recomputed (checkpoint of ${f.checkpointAt})`);
    }
    if (result.unverifiableCheckpoints) console.error(`${result.unverifiableCheckpoints} checkpoint(s) do not verify with this key (forged, or signed with another key)`);
    if (!anchor) console.error(`no audit key at ${c.auditKeyFile}: chain checked without an anchor (truncation and recomputed hashes go unnoticed)`);
    if (result.ok) {
      console.log(`audit chain intact: ${chain.checked} rows${result.checkpoint ? `; matches the checkpoint of ${result.checkpoint.at} (${result.checkpoint.rowCount} rows)` : ''}`);
    } else process.exitCode = 1;
  }));
audit.command('checkpoint').description('Write a keyed checkpoint of the chain head now (table and append-only file)')
  .action(() => withDatabase(async (d) => {
    const c = config();
    const written = await writeCheckpoint(d.db, loadAuditAnchor(c.auditKeyFile, c.auditCheckpointFile)!, new Date());
    console.log(written ? `checkpoint: ${written.rowCount} rows, head ${written.headHash.slice(0, 16)}…` : 'audit log is empty: no checkpoint');
  }));

const evidence = program.command('evidence').description('Evidence files (执法全过程记录)');
evidence.command('verify').description('Re-hash every stored evidence file; exit 1 and name each record whose file is missing or altered')
  .option('--evidence-dir <dir>', 'where evidence files are stored (default: $ECOGOV_EVIDENCE_DIR or <data dir>/evidence)')
  .action((o: { evidenceDir?: string }) => withDatabase(async (d) => {
    const dir = o.evidenceDir ? resolve(o.evidenceDir) : config().evidenceDir;
    const progress = createProgress();
    const result = await verifyEvidence(d.db, dir, (done, total) => progress.update('evidence files checked', done, total));
    progress.done();
    for (const p of result.problems) {
      const what = p.problem === 'missing' ? 'MISSING' : `HASH MISMATCH (now ${p.actualSha256})`;
      console.error(`  evidence ${p.evidenceId} of ${p.caseNumber !== null ? `case ${p.caseNumber}` : `${p.ownerKind} ${p.ownerId}`}: ${what}, expected sha256 ${p.sha256}`);
    }
    if (result.ok) console.log(`evidence intact: ${result.records} records, ${result.files} stored files in ${dir}`);
    else {
      console.error(`evidence BROKEN: ${result.problems.length} of ${result.records} records (${dir})`);
      process.exitCode = 1;
    }
  }));

program.command('backup').description('Write one archive (tar, mode 0600): database dump, evidence files, manifest of SHA-256 hashes; live sessions left out').argument('<file>')
  .action((file: string) => withDatabase(async (d) => {
    const c = config();
    const progress = createProgress();
    const manifest = await backupArchive(d.db, resolve(file), { evidenceDir: c.evidenceDir, anchor: loadAuditAnchor(c.auditKeyFile, c.auditCheckpointFile), now: new Date() },
      (what, n, total) => progress.update(what, n, total));
    progress.done();
    console.log(`backup written to ${file}: ${Object.entries(manifest.database.counts).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ')}; ${manifest.evidence.length} evidence files`);
    if (manifest.evidenceMissing.length) {
      console.error(`warning: ${manifest.evidenceMissing.length} evidence file(s) were missing and are not in the backup (run \`ecogov evidence verify\`)`);
    }
  }));

program.command('restore').description('Check every hash of a backup archive, then restore it into an empty database and the evidence directory (an older JSON-lines dump restores the database only)').argument('<file>')
  .action((file: string) => withDatabase(async (d) => {
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    const progress = createProgress();
    let result;
    try {
      result = await restoreArchive(d.db, resolve(file), { evidenceDir: config().evidenceDir }, (what, n, total) => progress.update(what, n, total));
    } catch (err) {
      if (err instanceof DamagedArchiveError) throw new UsageError(`refused, nothing restored: ${err.message}`);
      throw err;
    }
    progress.done();
    console.log(`restored: ${Object.entries(result.counts).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ')}; ${result.evidenceFiles} evidence files`);
    if (result.legacyDump) console.error('note: a JSON-lines dump of the earlier format holds no evidence files; copy the evidence directory separately');
  }));

program.command('import-enterprises').description('Import an enterprise workbook (.xlsx, the template layout) as a user, with progress')
  .argument('<file>')
  .requiredOption('--as <username>', 'the user the import is made by (their district scope applies; audited under their name)')
  .option('--skip-invalid', 'import the good rows even when some rows are invalid')
  .action((file: string, o: { as: string; skipInvalid?: boolean }) => withDatabase(async (d) => {
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    const principal = await findPrincipalByUsername(d.db, o.as);
    if (!principal) throw new UsageError(`--as: no active user "${o.as}"`);
    if (!can(principal, 'enterprise.import')) throw new UsageError(`--as: ${o.as} (${principal.role}) may not import enterprises`);
    const parsed = await parseEnterpriseWorkbook(readFileSync(file), await loadDivisionIndex(d.db));
    if ('unreadable' in parsed) throw new UsageError(`${file}: ${messageFor('IMPORT_FILE_UNREADABLE', 'zh-CN')}`);
    if ('missingColumn' in parsed) throw new UsageError(`${file}: ${messageFor('IMPORT_HEADER_MISSING', 'zh-CN')}: ${parsed.missingColumn}`);
    const progress = createProgress();
    const result = await importEnterprises(d.db, principal, parsed.rows, parsed.errors, { skipInvalid: o.skipInvalid ?? false, fileName: basename(file) },
      new Date(), (done, total) => progress.update('enterprises', done, total));
    progress.done();
    const errors = result.ok ? result.value.errors : 'errors' in result ? result.errors : [];
    for (const e of errors) console.error(`  row ${e.row} ${e.field}: ${messageFor(e.code, 'zh-CN')} (${e.code})`);
    if (!result.ok) {
      console.error(`nothing imported: ${errors.length} problem(s); fix them or pass --skip-invalid`);
      process.exitCode = 1;
    } else {
      console.log(`imported: ${result.value.created} created, ${result.value.updated} updated, ${result.value.skipped} rows skipped`);
    }
  }));

// Online monitoring: the HJ 212 gateway alone, and simulated data loggers (src/monitoring/cli.ts).
program.command('gateway').description('Run the HJ 212-2017 online-monitoring gateway (TCP) without the web server')
  .option('--port <port>', 'TCP port (default: $ECOGOV_GATEWAY_PORT or 9212; 0 picks a free port)')
  .option('--host <host>', 'listen address', '0.0.0.0')
  .action((o: { port?: string; host: string }) => withDatabase(async (d) => {
    tuneHeap(heapGrowingPercentFor(config().heapGrowingPercent, d.engine));
    const gateway = await startMonitoringGateway(d, o.port !== undefined ? Number(o.port) : gatewayPortFromEnv(), o.host);
    console.log(`HJ 212 gateway listening on port ${gateway.port}`);
    await new Promise<void>((resolve) => { process.once('SIGINT', resolve); process.once('SIGTERM', resolve); });
    await gateway.close();
  }));

program.command('simulate-devices').description('Send simulated HJ 212 traffic (valid, exceeding, faulty) from N data loggers to a gateway')
  .option('--devices <n>', 'number of simulated loggers', '10')
  .option('--rate <r>', 'packets per second over all loggers (0: as fast as the answers allow)', '10')
  .option('--host <host>', 'gateway host', '127.0.0.1')
  .option('--port <port>', 'gateway port (default: $ECOGOV_GATEWAY_PORT or 9212)')
  .option('--duration <s>', 'stop after this many seconds')
  .option('--packets <n>', 'stop after this many packets')
  .option('--fault-ratio <x>', 'share of faulty frames', '0.02')
  .option('--exceed-ratio <x>', 'share of loggers that exceed their limits', '0.1')
  .option('--register', 'first register the simulated loggers (and their limits) in the database; with the embedded database, run it while the server is stopped')
  .action((o: Record<string, string | boolean | undefined>) => simulateDevicesCommand(o, config(), withDatabase));

class UsageError extends Error {}

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`ecogov: ${err instanceof Error ? err.message : String(err)}`);
  if (!(err instanceof UsageError) && process.env.DEBUG) console.error(err);
  process.exit(1);
});
