import { createProductionHealthHandler } from '../lib/production';

export const handler = createProductionHealthHandler();
