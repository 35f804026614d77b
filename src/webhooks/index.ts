// What other capabilities may import from webhooks. Importing it registers the outbox writer on disclosure
// events (each event's deliveries are written in the event's transaction).
import { registerDisclosureListener } from '../disclosure/index.js';
import { registerRankingListener } from '../air-quality/index.js';
import { enqueueEvent } from './actions.js';

registerDisclosureListener(enqueueEvent);
// Air and water rankings published to the disclosure pages (ranking.published), in the publishing transaction.
registerRankingListener(enqueueEvent);

export { webhookRoutes } from './routes.js';
export { deliverDue, startWebhookWorker, type WebhookWorker } from './actions.js';
export { signPayload, verifySignature } from './signature.js';
