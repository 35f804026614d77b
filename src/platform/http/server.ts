import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { migrateDatabase, openDatabase, type Database } from '../db/index.js';
import { databaseOptions, type Config } from '../config.js';
import { removeStaleUploads } from '../../evidence/store.js';
import { checkpointIfDue, loadAuditAnchor } from '../audit/anchor.js';
import { startWebhookWorker } from '../../webhooks/index.js';

export interface RunningServer { app: FastifyInstance; database: Database; url: string; close(): Promise<void> }

/** Opens and migrates the database, then listens; the caller seeds if it wants to. */
export async function startServer(config: Config, opts: { logger?: boolean; database?: Database; migrated?: boolean } = {}): Promise<RunningServer> {
  const database = opts.database ?? await openDatabase(databaseOptions(config));
  // The command line has just migrated the database it passes (`migrated`): not twice per start.
  if (!opts.migrated) await migrateDatabase(database);
  // An upload cut off by a crash or restart left a temporary file: nothing refers to it.
  await removeStaleUploads(config.evidenceDir);
  const app = await buildApp({
    database, webDist: config.webDist, secureCookies: config.secureCookies, sessionIdleMinutes: config.sessionIdleMinutes,
    evidenceDir: config.evidenceDir,
    evidenceLimits: { maxBytes: config.evidenceMaxBytes, maxCaseBytes: config.evidenceMaxCaseBytes, ...(config.evidenceMimeTypes ? { mimeTypes: config.evidenceMimeTypes } : {}) },
    logger: opts.logger === false ? false : { level: process.env.LOG_LEVEL ?? 'info' },
  });
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as { port: number }).port;
  // Loopback and wildcard binds are shown as localhost (the README's address); others as bound.
  const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${shownHost}:${port}`;
  // The audit anchor: a keyed checkpoint every N appended rows (checked twice a minute) and at shutdown.
  const anchor = loadAuditAnchor(config.auditKeyFile, config.auditCheckpointFile);
  const checkpoint = async (force: boolean) => {
    try {
      // At shutdown: whatever was appended since the last checkpoint.
      if (anchor) await checkpointIfDue(database.db, anchor, new Date(), force ? 1 : config.auditCheckpointEvery);
    } catch (err) { app.log.error({ err }, 'audit checkpoint failed'); }
  };
  await checkpoint(false);
  const timer = setInterval(() => void checkpoint(false), 30_000);
  timer.unref();
  // Webhook deliveries due (several servers may run it: rows are claimed with SKIP LOCKED).
  const webhooks = startWebhookWorker(database.db, { onError: (err) => app.log.error({ err }, 'webhook delivery round failed') });
  return {
    app, database, url,
    close: async () => { clearInterval(timer); await webhooks.stop(); await checkpoint(true); await app.close(); if (!opts.database) await database.close(); },
  };
}
