// Issue 18: judging an outfall (evaluateOutfall, for every dirty outfall of every ingest round) starts from its earliest
// open event; that read scanned every monitoring event (56–92 ms an outfall at 200 000 events on PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/index.js';
import { createTestDatabase, leadingColumnsScanned } from '../../test/helpers/db.js';

let database: Database;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database.close(); });

describe('monitoring events: an outfall\'s earliest open event is read by index (issue 18)', () => {
  it('min(start_at) of the outfall\'s ongoing events (earliestOngoingStart in evaluateOutfall)', async () => {
    expect(await leadingColumnsScanned(database, 'monitoring_events', 'select min(start_at) from monitoring_events where outfall_id = 7 and ongoing'))
      .toContain('outfall_id');
  });
});
