// What other capabilities may import from compliance (the compliance grid and the watch list). Importing it
// registers the enterprise's public page as a record a data-error report may name.
import { registerRecordKind } from '../info-requests/index.js';

// The enterprise register answers for the identity on the page; the grid follows the records it counts.
registerRecordKind({ kind: 'enterprise', permission: 'enterprise.write', label: '企业公开信息' });

export { complianceRoutes } from './routes.js';
