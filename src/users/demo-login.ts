// The demo administrator's login, kept so every `npm start` can print it: inside the data directory,
// mode 0600, PGlite only (never on a server), and only until the administrator changes the password.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../platform/db/index.js';
import { passwordStillIs } from './actions.js';

export interface DemoLogin { username: string; password: string }

export const demoLoginFile = (dataDir: string) => join(dataDir, 'demo-login.json');

export function writeDemoLogin(dataDir: string, login: DemoLogin): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(demoLoginFile(dataDir), JSON.stringify(login), { mode: 0o600 });
  // The mode only applies to a new file: an existing one is tightened too.
  chmodSync(demoLoginFile(dataDir), 0o600);
}

/** The login to print, or null; once the password was changed the file is removed and nothing is printed again. */
export async function demoLoginToPrint(db: Db, dataDir: string): Promise<DemoLogin | null> {
  if (!existsSync(demoLoginFile(dataDir))) return null;
  const login = JSON.parse(readFileSync(demoLoginFile(dataDir), 'utf8')) as DemoLogin;
  if (await passwordStillIs(db, login.username, login.password)) return login;
  rmSync(demoLoginFile(dataDir), { force: true });
  return null;
}
