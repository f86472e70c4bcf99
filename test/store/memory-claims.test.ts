import { createMemoryReplayStore } from '../../lib/routing/replay-memory';
import { describeClaimContract } from './claims-contract';

// Bursts reuse the replay store's memory implementation: the same claim, another key space.
describeClaimContract('createMemoryReplayStore', (now) =>
  Promise.resolve({
    replays: createMemoryReplayStore({ now }),
    bursts: createMemoryReplayStore({ now }),
  }),
);
