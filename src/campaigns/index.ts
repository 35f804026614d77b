// What other capabilities may import from campaigns. Importing it registers the recomputation of
// provisional (暂定) rectification deadlines that follows a recorded holiday year.
// It also puts overdue rectification items and late monthly reports (月调度) on the cases' deadlines board.
import { onHolidayYearRecorded } from '../calendar/index.js';
import { registerBoardSource } from '../cases/index.js';
import { recomputeProvisionalItemDeadlines } from './actions.js';
import { annualReportBoardItems, rectificationBoardItems } from './annual-actions.js';

onHolidayYearRecorded(recomputeProvisionalItemDeadlines);
registerBoardSource(rectificationBoardItems);
registerBoardSource(annualReportBoardItems);

export { campaignRoutes } from './routes.js';
export { recomputeProvisionalItemDeadlines } from './actions.js';
export { campaignYearFigures, type CampaignYearFigures } from './annual-actions.js';
export { CAMPAIGN_KINDS, type CampaignKind } from './rules.js';
export { seedCampaignsDemo } from './demo.js';
// The officer's day on the phone (src/field) reads the active campaigns (targets and inspections: below).
export { campaigns } from './tables.js';
// Read by src/compliance (compliance grid): campaign inspections of enterprise targets and their rectification items.
export { campaignInspections, campaignTargets, rectificationItems } from './tables.js';
// The demo bureau's 2020 (src/demo/year-2020-campaigns.ts) works through these actions and reads back what it holds.
export { completeItem, createCampaign, escalateItem, recordInspections, verifyItem, type CampaignInput, type InspectionInput } from './actions.js';
export { createAnnualTask, fileReport } from './annual-actions.js';
export { DEMO_ANNUAL_TASK_TITLES } from './demo.js';
export { annualTaskReports, annualTasks, rectificationOrders } from './tables.js';
