// `ecogov start` on a fresh data directory: the page is served first, then the demo bureau's 2020 is generated in
// the background, with progress in the log and in GET /api/health/background; a start that finds it unfinished
// resumes it. (ECOGOV_DEMO_2020=off: test/cli.test.ts's start.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEnv } from './helpers/cli.js';

interface Started { child: ChildProcessWithoutNullStreams; url: string; stdout: () => string; stderr: () => string }

describe('ecogov start: the demo\'s 2020 in the background', { timeout: 600_000 }, () => {
  let dir: string;
  let web: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecogov-demo2020-'));
    web = join(dir, 'web-dist');
    mkdirSync(web, { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>EcoGov test page</title>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const data = () => join(dir, 'pglite');
  function start(extra: Record<string, string> = {}): Promise<Started> {
    const child = spawn(process.execPath, ['bin/ecogov.mjs', '--data-dir', data(), 'start'], {
      env: cliEnv({ PORT: '0', HOST: '127.0.0.1', ECOGOV_WEB_DIST: web, ECOGOV_GATEWAY: 'off', ECOGOV_DEMO_PASSWORD: 'demo-password-123', ...extra }),
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => { err += chunk; });
    return new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk;
        const url = /running on (http:\/\/localhost:\d+)/.exec(out)?.[1];
        // The administrator's login line is the last the start prints (first start, and later ones on PGlite).
        if (url && /Demo administrator: /.test(out)) resolve({ child, url, stdout: () => out, stderr: () => err });
      });
      child.on('exit', (code) => reject(new Error(`start exited with ${code}: ${out}\n${err}`)));
    });
  }
  const stop = (s: Started) => new Promise<void>((resolve) => {
    if (s.child.exitCode !== null) { resolve(); return; }
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
  async function adminCookie(url: string) {
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo-password-123' }) });
    expect(login.status).toBe(200);
    return login.headers.get('set-cookie')!.split(';')[0]!;
  }
  type Job = { name: string; state: string; step: string | null; done: number; total: number | null; message: string | null };
  const jobs = async (url: string, cookie: string) => ((await (await fetch(`${url}/api/health/background`, { headers: { cookie } })).json()) as { jobs: Job[] }).jobs;
  async function untilProgress(url: string, cookie: string): Promise<Job> {
    for (let i = 0; i < 600; i++) {
      const [job] = await jobs(url, cookie);
      if (job && (job.done > 0 || job.state !== 'running')) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no progress of the demo 2020 job within 60 s');
  }

  it('first start: serves, then generates with progress; unfinished: the next start resumes', async () => {
    const first = await start();
    let finished: boolean;
    try {
      expect(await (await fetch(`${first.url}/`)).text()).toMatch(/EcoGov test page/);
      const cookie = await adminCookie(first.url);
      const job = await untilProgress(first.url, cookie);
      expect(job).toMatchObject({ name: 'demo-2020', step: expect.stringMatching(/^2020 /) });
      expect(job.state).not.toBe('failed');
      expect(job.total).toBeGreaterThan(0);
      expect(first.stderr()).toMatch(/Generating the demo bureau's 2020 in the background/);
      expect(first.stderr()).toMatch(/demo 2020: 2020 [a-z ]+ \d+\/\d+ \(\d+%\)/);
      // The server answers while it runs (PGlite: the background handle lets the event loop run between queries).
      const t = performance.now();
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
      expect(performance.now() - t).toBeLessThan(5_000);
      // A generation under way is remembered in the data directory; one that finished leaves nothing to resume.
      finished = job.state === 'done';
      expect(existsSync(join(data(), 'demo-2020.pending'))).toBe(!finished);
    } finally {
      await stop(first);
    }
    finished ||= !existsSync(join(data(), 'demo-2020.pending'));
    console.log(`demo 2020 ${finished ? 'finished before' : 'interrupted by'} the first stop`);

    const later = await start();
    try {
      const cookie = await adminCookie(later.url);
      if (finished) {
        expect(await jobs(later.url, cookie)).toEqual([]);
      } else {
        // Stopped half-way: this start resumes it (the generation tops up to its targets).
        expect(await untilProgress(later.url, cookie)).toMatchObject({ name: 'demo-2020' });
        expect(later.stderr()).toMatch(/Generating the demo bureau's 2020 in the background/);
      }
    } finally {
      await stop(later);
    }
  });
});
