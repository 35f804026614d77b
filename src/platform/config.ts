import { resolve } from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  databaseUrl: string | null;
  dataDir: string;
  port: number;
  host: string;
  webDist: string;
  secureCookies: boolean;
  /** Evidence files (执法全过程记录), stored content-addressed: `<evidenceDir>/<sha[0:2]>/<sha>`. */
  evidenceDir: string;
  /** Largest evidence file accepted, in bytes (default 2 GiB). */
  evidenceMaxBytes: number;
  /** Accepted evidence MIME types (comma-separated in the environment); null: the built-in list. */
  evidenceMimeTypes: string[] | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: resolve(env.ECOGOV_DATA_DIR ?? './data/pglite'),
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    webDist: resolve(env.ECOGOV_WEB_DIST ?? './web/dist'),
    secureCookies: env.ECOGOV_SECURE_COOKIES === '1',
    evidenceDir: resolve(env.ECOGOV_EVIDENCE_DIR ?? './data/evidence'),
    evidenceMaxBytes: positiveInteger(env.ECOGOV_EVIDENCE_MAX_BYTES) ?? 2 * 1024 ** 3,
    evidenceMimeTypes: env.ECOGOV_EVIDENCE_MIME_TYPES?.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean) ?? null,
  };
}

function positiveInteger(value: string | undefined): number | null {
  const n = Number(value);
  return value && Number.isSafeInteger(n) && n > 0 ? n : null;
}
