// Runs the real `ecogov` binary (bin/ecogov.mjs) on an embedded database, as an operator would.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliResult { code: number; stdout: string; stderr: string }

/**
 * The environment of a child `ecogov`: the test's own, without what would point it away from its
 * --data-dir (a PostgreSQL URL, an evidence directory, the audit key and checkpoint files).
 */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _d, ECOGOV_EVIDENCE_DIR: _e, ECOGOV_AUDIT_KEY_FILE: _k, ECOGOV_AUDIT_CHECKPOINT_FILE: _f, ...env } = process.env;
  return { ...env, LOG_LEVEL: 'silent', ...extra };
}

/** `ecogov --data-dir <dataDir> …args`, to its exit: the exit code and both outputs. */
export async function ecogov(dataDir: string, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/ecogov.mjs', '--data-dir', dataDir, ...args], { env: cliEnv() });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
