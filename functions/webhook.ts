import { createProductionRelay } from '../lib/production';

export const handler = createProductionRelay().webhook;
