import type { EmulatedRobot } from './types';

export function findRobot(robots: EmulatedRobot[], name: string): EmulatedRobot {
  const robot = robots.find((candidate) => candidate.name === name);
  if (robot === undefined) throw new Error(`no emulated robot named "${name}"`);
  return robot;
}

export function checkUnique(robots: EmulatedRobot[]): void {
  for (const key of ['name', 'accessToken'] as const) {
    const values = robots.map((robot) => robot[key]);
    const repeated = values.find((value, index) => values.indexOf(value) !== index);
    if (repeated !== undefined) throw new Error(`two emulated robots share a ${key}`);
  }
}
