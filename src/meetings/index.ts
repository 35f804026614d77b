// What other capabilities may use of meetings (党组会, 局长办公会, 中心组学法).
export { meetingRoutes } from './routes.js';
export { meetingYearFigures, meetingList, recordMeeting, type MeetingInput } from './actions.js';
export { governanceMeetings } from './tables.js';
