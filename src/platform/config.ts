import { join, resolve } from 'node:path';
import { checkPgliteSize, PGLITE_SHARED_BUFFERS, type OpenOptions } from './db/index.js';
import { heapGrowingPercentOf } from './memory.js';

/** Runtime configuration, read once from the environment. */
export interface Config {
  databaseUrl: string | null;
  /** The embedded database and everything kept beside it (evidence, audit key, demo login). */
  dataDir: string;
  port: number;
  /** Listen address: 127.0.0.1 unless HOST says otherwise (0.0.0.0 serves the intranet). */
  host: string;
  webDist: string;
  secureCookies: boolean;
  /** Evidence files (执法全过程记录), content-addressed `<evidenceDir>/<sha[0:2]>/<sha>`; ECOGOV_EVIDENCE_DIR, default `<dataDir>/evidence`. */
  evidenceDir: string;
  /** Largest evidence file accepted, in bytes (ECOGOV_EVIDENCE_MAX_BYTES, default 200 MiB). */
  evidenceMaxBytes: number;
  /** Largest total of one case's evidence files, in bytes (ECOGOV_EVIDENCE_MAX_CASE_BYTES, default 20 GiB). */
  evidenceMaxCaseBytes: number;
  /** A session with no request for this long ends (ECOGOV_SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes: number;
  /** HMAC key of the audit checkpoints (ECOGOV_AUDIT_KEY_FILE; default `<dataDir>/audit-checkpoint.key`, generated). */
  auditKeyFile: string;
  /** Append-only copy of every checkpoint (ECOGOV_AUDIT_CHECKPOINT_FILE; default `<dataDir>/audit-checkpoints.log`; 'off' disables). */
  auditCheckpointFile: string | null;
  /** A checkpoint is written once this many rows were appended since the last one (ECOGOV_AUDIT_CHECKPOINT_EVERY, default 100). */
  auditCheckpointEvery: number;
  /** The embedded database's buffer pool, e.g. '32MB' (ECOGOV_PGLITE_SHARED_BUFFERS; default PGLITE_SHARED_BUFFERS). */
  pgliteSharedBuffers: string;
  /** The server's V8 heap growing factor in percent: null = V8's own, undefined = the engine's default (ECOGOV_HEAP_GROWING_PERCENT; platform/memory.ts). */
  heapGrowingPercent: number | null | undefined;
  /** Accepted evidence MIME types (comma-separated in the environment); null: the built-in list. */
  evidenceMimeTypes: string[] | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const base = {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    port: Number(env.PORT ?? 3000),
    host: env.HOST?.trim() || '127.0.0.1',
    webDist: resolve(env.ECOGOV_WEB_DIST ?? './web/dist'),
    secureCookies: ['1', 'true', 'yes', 'on'].includes((env.ECOGOV_SECURE_COOKIES ?? '').toLowerCase()),
    evidenceMaxBytes: positiveInteger(env.ECOGOV_EVIDENCE_MAX_BYTES) ?? 200 * 1024 ** 2,
    evidenceMaxCaseBytes: positiveInteger(env.ECOGOV_EVIDENCE_MAX_CASE_BYTES) ?? 20 * 1024 ** 3,
    evidenceMimeTypes: env.ECOGOV_EVIDENCE_MIME_TYPES?.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean) ?? null,
    sessionIdleMinutes: positiveInteger(env.ECOGOV_SESSION_IDLE_MINUTES) ?? 30,
    auditCheckpointEvery: positiveInteger(env.ECOGOV_AUDIT_CHECKPOINT_EVERY) ?? 100,
    heapGrowingPercent: heapGrowingPercentOf(env.ECOGOV_HEAP_GROWING_PERCENT),
    pgliteSharedBuffers: checkPgliteSize(env.ECOGOV_PGLITE_SHARED_BUFFERS?.trim() || PGLITE_SHARED_BUFFERS, 'ECOGOV_PGLITE_SHARED_BUFFERS'),
  };
  return withDataDir({ ...base, dataDir: '', evidenceDir: '', auditKeyFile: '', auditCheckpointFile: null },
    resolve(env.ECOGOV_DATA_DIR ?? './data/pglite'), env);
}

/** What openDatabase needs from the configuration (the server, the CLI's commands). */
export const databaseOptions = (c: Config): OpenOptions => ({ url: c.databaseUrl, dataDir: c.dataDir, pgliteSharedBuffers: c.pgliteSharedBuffers });

/** The configuration with another data directory; what lives in it by default moves along. */
export function withDataDir(c: Config, dataDir: string, env: NodeJS.ProcessEnv = process.env): Config {
  const checkpointFile = env.ECOGOV_AUDIT_CHECKPOINT_FILE?.trim();
  return {
    ...c, dataDir,
    evidenceDir: env.ECOGOV_EVIDENCE_DIR ? resolve(env.ECOGOV_EVIDENCE_DIR) : join(dataDir, 'evidence'),
    auditKeyFile: env.ECOGOV_AUDIT_KEY_FILE ? resolve(env.ECOGOV_AUDIT_KEY_FILE) : join(dataDir, 'audit-checkpoint.key'),
    auditCheckpointFile: checkpointFile === 'off' ? null : checkpointFile ? resolve(checkpointFile) : join(dataDir, 'audit-checkpoints.log'),
  };
}

function positiveInteger(value: string | undefined): number | null {
  const n = Number(value);
  return value && Number.isSafeInteger(n) && n > 0 ? n : null;
}
