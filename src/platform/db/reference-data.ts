// Reference data every installation needs (idempotent): the organisation and the official holiday calendar.
import type { Db } from './index.js';
// Every database passes through this seed: the capabilities' hooks into one another are in place with it.
import '../wiring.js';
import { seedOrganisation } from '../../organisation/seed.js';
import { seedCalendar } from '../../calendar/index.js';
import { seedExemptionCatalogue } from '../../exemptions/index.js';
import { seedDiscretionTables } from '../../discretion/index.js';
import { seedFileReviewStandard } from '../../file-review/index.js';
import { seedSettings } from '../../settings/index.js';
import { seedQuestionBank } from '../../training/index.js';

export async function seedReferenceData(db: Db, now: Date, options: { rulesAsData?: boolean } = {}) {
  const organisation = await seedOrganisation(db, now);
  const calendar = await seedCalendar(db, now);
  // The bureau's settings (defaults; the demo bureau writes its own first, so this keeps them).
  await seedSettings(db, now);
  // The bureau's rules as data: first-violation catalogue, discretion tables, case-file review standard, exam question bank.
  if (options.rulesAsData !== false) {
    await seedExemptionCatalogue(db, now);
    await seedDiscretionTables(db, now);
    await seedFileReviewStandard(db, now);
    await seedQuestionBank(db, now);
  }
  return { organisation, calendar };
}
