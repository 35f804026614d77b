// What other capabilities may use: the working calendar for statutory periods, and the seed.
export { loadWorkingCalendar } from './queries.js';
export { seedCalendar } from './actions.js';
export { listRecordedYears } from './queries.js';
export { onHolidayYearRecorded, type Recomputation } from './hooks.js';
