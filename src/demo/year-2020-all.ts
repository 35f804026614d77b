// The demo bureau's whole 2020, in the order the records depend on each other: the people, lists and exemptions
// first (their 11 首违不罚 cases count within the 237 the enforcement part tops up to), then governance,
// enforcement, campaigns and the environment data. Each part runs the capabilities' own actions on 2020 dates,
// is deterministic and tops up from what the database holds, so running the whole again adds nothing and an
// interrupted run resumes. The year-end report over it reproduces the seed (src/demo/year-2020-report.test.ts).
import type { Db } from '../platform/db/index.js';
import { seedDemoPeople2020 } from './year-2020-people.js';
import { seedDemoGovernance2020 } from './year-2020-governance.js';
import { seedDemoYear2020 } from './year-2020.js';
import { seedDemoCampaigns2020 } from './year-2020-campaigns.js';
import { seedDemoEnvironment2020 } from './year-2020-environment.js';

export type Year2020Progress = (step: string, done: number, total: number) => void;

export interface WholeYear2020Result { parts: { part: string; created: number; seconds: number }[]; seconds: number }

/** Runs every part of the demo 2020. `password`: the demo accounts' password for the staff it adds. */
export async function seedWholeDemoYear2020(db: Db, onProgress?: Year2020Progress, options: { password?: string } = {}): Promise<WholeYear2020Result> {
  const started = Date.now();
  const parts: WholeYear2020Result['parts'] = [];
  const run = async (part: string, step: (progress: (done: number, total: number) => void) => Promise<number>) => {
    const t = Date.now();
    const created = await step((done, total) => onProgress?.(part, done, total));
    parts.push({ part, created, seconds: (Date.now() - t) / 1000 });
  };
  await run('2020 people and lists', async (p) => (await seedDemoPeople2020(db, p, options)).created);
  await run('2020 governance', async (p) => (await seedDemoGovernance2020(db, p)).created);
  await run('2020 cases', async (p) => (await seedDemoYear2020(db, p)).casesCreated);
  await run('2020 campaigns', async (p) => (await seedDemoCampaigns2020(db, p)).created);
  await run('2020 air and water', async (p) => (await seedDemoEnvironment2020(db, (_step, done, total) => p(done, total))).created);
  return { parts, seconds: (Date.now() - started) / 1000 };
}

/** Runs it in the background (after the server is up), reporting progress; errors are logged, never thrown. */
export function seedWholeDemoYear2020InBackground(db: Db, onProgress?: Year2020Progress, options: { password?: string } = {}): Promise<WholeYear2020Result | null> {
  return seedWholeDemoYear2020(db, onProgress, options).catch((err: unknown) => {
    console.error(`demo 2020 generation stopped: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  });
}
