import { resolve } from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  databaseUrl: string | null;
  dataDir: string;
  port: number;
  host: string;
  webDist: string;
  secureCookies: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: resolve(env.ECOGOV_DATA_DIR ?? './data/pglite'),
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    webDist: resolve(env.ECOGOV_WEB_DIST ?? './web/dist'),
    secureCookies: env.ECOGOV_SECURE_COOKIES === '1',
  };
}
