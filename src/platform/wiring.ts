// Capabilities that hook into one another register on import of their index.ts: exemptions and
// discretion into the case procedure's decision checks (src/cases/decision-checks.ts), cases into the
// calendar (deadlines recomputed when a holiday year is recorded), supervision into monitoring (the key
// list recomputed on new events), campaigns into the calendar (rectification deadlines), permits into monitoring (permit limits, the no-permit lead). Every entry point imports this module once, so the hooks are in
// place whatever else it loads: the HTTP app (./http/app.ts), the command line (src/cli.ts) and the
// reference-data seed every database passes through (./db/reference-data.ts).
import '../cases/index.js';
import '../exemptions/index.js';
import '../discretion/index.js';
import '../supervision/index.js';
import '../campaigns/index.js';
import '../permits/index.js';
import '../disclosure/index.js';
import '../litigation/index.js';
import '../webhooks/index.js';
