import { runSustainedLoad } from '../test/simulation/sustained-load';

/** The simulation's figures for bench/results.json (issue 11, "Benchmark"). */
export interface SimulationFigures {
  maxSendsPer60sPerRobot: number;
  lost: number;
  duplicated: number;
  eventToGroupP50Ms: number;
  eventToGroupP99Ms: number;
}

/**
 * 300 events a minute for 10 minutes to one DingTalk robot, on a virtual clock, through the
 * webhook, the fake SQS, the event source emulator, the real consumer on dynalite and the
 * DingTalk emulator (test/simulation/). Times are virtual; the run takes about a minute of
 * wall time (more on a loaded machine).
 */
export async function runSimulation(): Promise<SimulationFigures> {
  const result = await runSustainedLoad({ perMinute: 300, minutes: 10 });
  return {
    maxSendsPer60sPerRobot: result.maxSendsPer60sPerRobot,
    lost: result.lost,
    duplicated: result.duplicated,
    eventToGroupP50Ms: result.eventToGroupP50Ms,
    eventToGroupP99Ms: result.eventToGroupP99Ms,
  };
}

/** The targets these figures meet (issue 11): 0 lost, 0 duplicated, p99 ≤ 120 s. */
export function simulationTargets(figures: SimulationFigures): Record<string, boolean> {
  return {
    'simulation.lost': figures.lost === 0,
    'simulation.duplicated': figures.duplicated === 0,
    'simulation.eventToGroupP99Ms': figures.eventToGroupP99Ms <= 120_000,
    'simulation.maxSendsPer60sPerRobot': figures.maxSendsPer60sPerRobot <= 18,
  };
}

if (require.main === module) {
  runSimulation()
    .then((figures) => console.log(JSON.stringify(figures, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
