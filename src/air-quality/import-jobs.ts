// Long imports run in the background; the client polls their progress. Jobs live in this process's
// memory for an hour (a restart forgets them: the import itself is transactional).
import { randomUUID } from 'node:crypto';

export interface ImportJob<T = unknown> {
  id: string;
  ownerId: number;
  status: 'running' | 'done' | 'failed';
  step: string;
  done: number;
  total: number;
  result: T | null;
  startedAt: number;
}

const jobs = new Map<string, ImportJob>();
const TTL_MS = 3600_000;

export function startJob<T>(ownerId: number, run: (progress: (step: string, done: number, total: number) => void) => Promise<T>): ImportJob<T> {
  for (const [id, j] of jobs) if (Date.now() - j.startedAt > TTL_MS) jobs.delete(id);
  const job: ImportJob<T> = { id: randomUUID(), ownerId, status: 'running', step: 'parse', done: 0, total: 0, result: null, startedAt: Date.now() };
  jobs.set(job.id, job as ImportJob);
  void run((step, done, total) => { job.step = step; job.done = done; job.total = total; })
    .then((result) => { job.result = result; job.status = 'done'; })
    .catch(() => { job.status = 'failed'; });
  return job;
}

export function findJob(id: string, ownerId: number): ImportJob | null {
  const job = jobs.get(id);
  return job && job.ownerId === ownerId ? job : null;
}
