// Work the server does in the background after it listens (the demo bureau's 2020 on `npm start`), its progress
// kept in this process and shown to an administrator: GET /api/health/background.
import type { FastifyPluginAsync } from 'fastify';
import { checkPermission } from '../auth/session.js';
import { sendRefusal } from './outcome-to-http.js';

export interface BackgroundJob {
  name: string;
  state: 'running' | 'done' | 'failed';
  /** What it is doing now, and how far: e.g. "2020 demo year" 120 of 237. */
  step: string | null;
  done: number;
  total: number | null;
  startedAt: string;
  finishedAt: string | null;
  /** The outcome once finished (what was created, or why it stopped). */
  message: string | null;
}

const jobs = new Map<string, BackgroundJob>();

/** Starts tracking a job (replacing an earlier one of the same name); the returned handle reports on it. */
export function trackBackgroundJob(name: string, now = new Date()) {
  const job: BackgroundJob = { name, state: 'running', step: null, done: 0, total: null, startedAt: now.toISOString(), finishedAt: null, message: null };
  jobs.set(name, job);
  return {
    progress(step: string, done: number, total: number | null) { job.step = step; job.done = done; job.total = total; },
    finish(state: 'done' | 'failed', message: string, at = new Date()) { job.state = state; job.message = message; job.finishedAt = at.toISOString(); },
    snapshot(): BackgroundJob { return { ...job }; },
  };
}

export function listBackgroundJobs(): BackgroundJob[] {
  return [...jobs.values()].map((j) => ({ ...j }));
}

/** For tests: forget every job. */
export function clearBackgroundJobs(): void {
  jobs.clear();
}

export const healthStatusRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/health/background', { schema: { tags: ['health'], summary: 'Background work of this server process (e.g. the demo year being generated) and its progress; administrators only' } }, async (request, reply) => {
    const denied = checkPermission(request, 'settings.manage');
    if (denied) return sendRefusal(request, reply, denied);
    return { jobs: listBackgroundJobs() };
  });
};
