import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { migrateDatabase, openDatabase, type Database } from '../db/index.js';
import type { Config } from '../config.js';

export interface RunningServer { app: FastifyInstance; database: Database; url: string; close(): Promise<void> }

/** Opens and migrates the database, then listens; the caller seeds if it wants to. */
export async function startServer(config: Config, opts: { logger?: boolean; database?: Database } = {}): Promise<RunningServer> {
  const database = opts.database ?? await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  const app = await buildApp({
    database, webDist: config.webDist, secureCookies: config.secureCookies,
    logger: opts.logger === false ? false : { level: process.env.LOG_LEVEL ?? 'info' },
  });
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as { port: number }).port;
  const url = `http://localhost:${port}`;
  return {
    app, database, url,
    close: async () => { await app.close(); if (!opts.database) await database.close(); },
  };
}
