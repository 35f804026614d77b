#!/usr/bin/env node
// Runs the TypeScript sources with no build step between a checkout and a run. Loading ~440 modules one by one
// through tsx costs ~1.5 s of CPU on every start (issue 18: a later start serves a page within 5 s), so the
// sources are bundled once by esbuild (the one tsx itself uses) into node_modules/.cache/ecogov/cli.mjs, and
// bundled again whenever a file under src/ (or this file, tsconfig.json, package.json) is newer than the bundle.
// Packages stay outside the bundle (imported from node_modules as before). ECOGOV_BUNDLE=off, or any failure
// to bundle, runs the sources through tsx instead.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Three levels below the root, as src/platform/db/index.ts is: its `../../../drizzle` (the migrations) holds.
const bundle = join(root, 'node_modules', '.cache', 'ecogov', 'cli.mjs');

/** The newest modification time of the sources (directories too: a removed file changes its directory). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'src'));
  for (const f of ['bin/ecogov.mjs', 'tsconfig.json', 'package.json']) newest = Math.max(newest, statSync(join(root, f)).mtimeMs);
  return newest;
}

async function freshBundle() {
  let built = -1;
  try { built = statSync(bundle).mtimeMs; } catch { /* none yet */ }
  if (built > newestSource()) return bundle;
  const started = new Date();
  const esbuild = await import(pathToFileURL(createRequire(createRequire(import.meta.url).resolve('tsx')).resolve('esbuild')).href);
  mkdirSync(dirname(bundle), { recursive: true });
  // Written aside and renamed: starts running at the same time never load a half-written bundle.
  const tmp = `${bundle}.${process.pid}.tmp`;
  try {
    await esbuild.build({
      entryPoints: [join(root, 'src', 'cli.ts')], outfile: tmp, bundle: true, platform: 'node', format: 'esm', target: 'node20',
      packages: 'external', keepNames: true, logLevel: 'silent', tsconfig: join(root, 'tsconfig.json'),
    });
    // Dated when the build began: a source saved while it ran is newer, and the next start bundles again.
    utimesSync(tmp, started, started);
    renameSync(tmp, bundle);
  } finally {
    rmSync(tmp, { force: true });
  }
  return bundle;
}

let entry = null;
if (process.env.ECOGOV_BUNDLE !== 'off') {
  try { entry = await freshBundle(); } catch { entry = null; }
}
if (entry) await import(pathToFileURL(entry).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
