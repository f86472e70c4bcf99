import { createProductionWebhookHandler } from '../lib/production';

export const handler = createProductionWebhookHandler();
