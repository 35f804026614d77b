// What other capabilities may import from permits. Importing it registers the permit limits and the
// no-permit check with online monitoring, and the party's permits with the case page (src/platform/wiring.ts loads it).
import { registerDischargeCheck, registerLimitProvider } from '../monitoring/index.js';
import { registerPartyPermitProvider } from '../cases/index.js';
import { checkOutfallDischarge, partyPermitsForCase, permitLimitsForOutfall } from './linkage.js';

registerLimitProvider(permitLimitsForOutfall);
registerDischargeCheck(checkOutfallDischarge);
registerPartyPermitProvider(partyPermitsForCase);

export { permitRoutes } from './routes.js';
export { permitsOfEnterprise } from './queries.js';
export { permits, permitOutfalls, permitLimits } from './tables.js';
export { seedPermitsDemo } from './demo.js';
