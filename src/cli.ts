// `ecogov`: the command line of the platform.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { readConfig, type Config } from './platform/config.js';
import { migrateDatabase, openDatabase, type Database } from './platform/db/index.js';
import { startServer } from './platform/http/server.js';
import { verifyAuditChain } from './platform/audit/log.js';
import { backupDatabase, restoreDatabase } from './platform/db/backup.js';
import { createProgress } from './platform/progress.js';
import { generatePassword } from './platform/auth/password.js';
import { can, ROLES, type Role } from './platform/auth/roles.js';
import { DEMO_ADMIN, isSeeded, seedDemo } from './demo/seed.js';
import { seedReferenceData } from './platform/db/reference-data.js';
import { addUser } from './users/actions.js';
import { SYSTEM_ACTOR } from './platform/audit/log.js';
import { loadDivisionIndex } from './organisation/queries.js';
import { findPrincipalByUsername } from './users/actions.js';
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
  return { ...c, databaseUrl: o.databaseUrl ?? c.databaseUrl, dataDir: o.dataDir ? resolve(o.dataDir) : c.dataDir };
}

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const c = config();
  const database = await openDatabase({ url: c.databaseUrl, dataDir: c.dataDir });
  try {
    await migrateDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Where the demo login is kept, so every `npm start` can print it (PGlite only; never on a server). */
const demoLoginFile = (c: Config) => join(dirname(c.dataDir), 'demo-login.json');

async function seedDemoBureau(database: Database, c: Config): Promise<{ username: string; password: string }> {
  const password = process.env.ECOGOV_DEMO_PASSWORD ?? generatePassword();
  const progress = createProgress();
  console.error('Seeding the demo bureau (Yantai)…');
  const accounts = await seedDemo(database.db, password, new Date(), (step, done, total) => progress.update(step, done, total));
  progress.done();
  console.error(`Demo accounts (all with the same password): ${accounts.map((a) => `${a.username} (${a.role}${a.district ? `, ${a.district}` : ''})`).join(', ')}`);
  if (database.engine === 'pglite') {
    mkdirSync(dirname(demoLoginFile(c)), { recursive: true });
    writeFileSync(demoLoginFile(c), JSON.stringify({ username: DEMO_ADMIN, password }), { mode: 0o600 });
  }
  return { username: DEMO_ADMIN, password };
}

async function buildWebIfMissing(c: Config) {
  if (existsSync(join(c.webDist, 'index.html'))) return;
  console.error('Building the web app (first run)…');
  const { build } = await import('vite');
  await build({ configFile: resolve('web/vite.config.ts'), logLevel: 'warn' });
}

async function serve(seedIfEmpty: boolean) {
  const c = config();
  if (seedIfEmpty) await buildWebIfMissing(c);
  const database = await openDatabase({ url: c.databaseUrl, dataDir: c.dataDir });
  await migrateDatabase(database);
  await seedReferenceData(database.db, new Date());
  let login: { username: string; password: string } | null = null;
  if (seedIfEmpty && !(await isSeeded(database.db))) login = await seedDemoBureau(database, c);
  else if (existsSync(demoLoginFile(c)) && database.engine === 'pglite') login = JSON.parse(readFileSync(demoLoginFile(c), 'utf8'));
  const server = await startServer(c, { database, logger: process.env.LOG_LEVEL !== 'silent' });
  const gateway = process.env.ECOGOV_GATEWAY === 'off' ? null : await startMonitoringGatewayOrWarn(database, gatewayPortFromEnv());
  console.log(`\nEcoGov is running on ${server.url}  (database: ${database.engine} ${database.location})`);
  if (gateway) console.log(`HJ 212 monitoring gateway on TCP port ${gateway.port} (ECOGOV_GATEWAY=off disables it)`);
  console.log(`API documentation: ${server.url}/api/docs`);
  if (login) console.log(`Demo administrator: username "${login.username}", password "${login.password}"`);
  const stop = async () => { await gateway?.close(); await server.close(); await database.close(); process.exit(0); };
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

program.command('seed').description('Load reference data; with --demo, the whole demo bureau')
  .option('--demo', 'seed the demo bureau (organisation, users of every role, enterprises)')
  .action((opts: { demo?: boolean }) => withDatabase(async (d) => {
    if (opts.demo) {
      const login = await seedDemoBureau(d, config());
      console.log(`Demo administrator: username "${login.username}", password "${login.password}"`);
    } else {
      const { organisation, calendar } = await seedReferenceData(d.db, new Date());
      console.log(organisation.districts ? `organisation seeded: ${JSON.stringify(organisation)}` : 'organisation already present');
      console.log(calendar.years.length ? `holiday calendar seeded: ${calendar.years.join(', ')}` : 'holiday calendar already present');
    }
  }));

const user = program.command('user').description('Manage users');
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

program.command('audit').description('Audit log tools').command('verify').description('Recompute the hash chain; exit 1 and name the first broken row if it does not hold')
  .action(() => withDatabase(async (d) => {
    const progress = createProgress();
    const result = await verifyAuditChain(d.db, (n) => progress.update('rows checked', n));
    progress.done();
    if (result.ok) console.log(`audit chain intact: ${result.checked} rows`);
    else {
      console.error(`audit chain BROKEN at seq ${result.firstBrokenSeq} (${result.reason}); ${result.checked} rows before it are intact`);
      process.exitCode = 1;
    }
  }));

const evidence = program.command('evidence').description('Evidence files (执法全过程记录)');
evidence.command('verify').description('Re-hash every stored evidence file; exit 1 and name each record whose file is missing or altered')
  .option('--evidence-dir <dir>', 'where evidence files are stored (default: $ECOGOV_EVIDENCE_DIR or ./data/evidence)')
  .action((o: { evidenceDir?: string }) => withDatabase(async (d) => {
    const dir = o.evidenceDir ? resolve(o.evidenceDir) : config().evidenceDir;
    const progress = createProgress();
    const result = await verifyEvidence(d.db, dir, (done, total) => progress.update('evidence files checked', done, total));
    progress.done();
    for (const p of result.problems) {
      const what = p.problem === 'missing' ? 'MISSING' : `HASH MISMATCH (now ${p.actualSha256})`;
      console.error(`  evidence ${p.evidenceId} of case ${p.caseNumber}: ${what}, expected sha256 ${p.sha256}`);
    }
    if (result.ok) console.log(`evidence intact: ${result.records} records, ${result.files} stored files in ${dir}`);
    else {
      console.error(`evidence BROKEN: ${result.problems.length} of ${result.records} records (${dir})`);
      process.exitCode = 1;
    }
  }));

program.command('backup').description('Write a logical dump (JSON lines) that restores on PGlite or PostgreSQL').argument('<file>')
  .action((file: string) => withDatabase(async (d) => {
    const progress = createProgress();
    const counts = await backupDatabase(d.db, resolve(file), (t, n) => progress.update(t, n));
    progress.done();
    console.log(`backup written to ${file}: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  }));

program.command('restore').description('Restore a dump into an empty database (migrated first)').argument('<file>')
  .action((file: string) => withDatabase(async (d) => {
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    const progress = createProgress();
    const counts = await restoreDatabase(d.db, resolve(file), (t, n) => progress.update(t, n));
    progress.done();
    console.log(`restored: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
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
