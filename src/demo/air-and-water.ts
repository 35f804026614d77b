// The demo bureau's air stations and water sections: air-quality and water-quality seed their own data,
// the demo seeds both over the same months (neither capability depends on the other for it).
import type { Db } from '../platform/db/index.js';
import { addDays, chinaDateOf } from '../law/civil-date.js';
import { seedAirDemo, type AirDemoOptions, type DemoProgress } from '../air-quality/index.js';
import { seedWaterDemo } from '../water-quality/index.js';

/** The demo's air and water data (`npm start` size by default; the benchmark uses the full size). */
export async function seedAirAndWaterDemo(db: Db, now: Date, onProgress?: DemoProgress, options: AirDemoOptions = {}) {
  const air = await seedAirDemo(db, now, onProgress, options);
  const endOn = options.endOn ?? addDays(chinaDateOf(now), -1);
  const water = await seedWaterDemo(db, now, endOn.slice(0, 7), onProgress);
  return { air, water };
}
