// Reference data every installation needs (idempotent): the organisation and the official holiday calendar.
import type { Db } from './index.js';
import { seedOrganisation } from '../../organisation/seed.js';
import { seedCalendar } from '../../calendar/index.js';

export async function seedReferenceData(db: Db, now: Date) {
  const organisation = await seedOrganisation(db, now);
  const calendar = await seedCalendar(db, now);
  return { organisation, calendar };
}
