// Issue 18: judging an outfall (evaluateOutfall, for every dirty outfall of every ingest round) starts from its earliest
// open event and reads its points of a recent window; each read scanned its whole table (56–92 ms an outfall at 200 000
// events, 0.8 s at 2.4 M points on PostgreSQL, growing with the data).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/index.js';
import { createTestDatabase, leadingColumnsScanned } from '../../test/helpers/db.js';
import { JUDGED_CN_CONDITION } from './tables.js';

let database: Database;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database.close(); });

describe('monitoring events: an outfall\'s earliest open event is read by index (issue 18)', () => {
  it('min(start_at) of the outfall\'s ongoing events (earliestOngoingStart in evaluateOutfall)', async () => {
    expect(await leadingColumnsScanned(database, 'monitoring_events', 'select min(start_at) from monitoring_events where outfall_id = 7 and ongoing'))
      .toContain('outfall_id');
  });
});

describe('monitoring points: an outfall\'s judged window is read by index (issue 18)', () => {
  it('its minute, hourly and daily points between two times (loadOutfallSeries: the partial index\'s cn list as literals)', async () => {
    expect(await leadingColumnsScanned(database, 'monitoring_data_points', `select device_id, cn, pollutant, data_time, avg, zs_avg, flag
      from monitoring_data_points where outfall_id = 7 and ${JUDGED_CN_CONDITION}
      and data_time >= '2026-01-14T00:00:00Z' and data_time <= '2026-01-14T03:00:00Z'`)).toContain('outfall_id');
  });
});
