import { createMemoryPacingStore } from '../../lib/store/memory-pacing';
import { describePacingContract } from './pacing-contract';

describePacingContract('createMemoryPacingStore', (now) =>
  Promise.resolve({ store: createMemoryPacingStore({ now }) }),
);
