import { createProductionDeliver } from '../lib/production';

export const handler = createProductionDeliver();
