import type { ParsedDelivery } from '../lib/gitee/event';
import { parseGiteeDelivery } from '../lib/gitee/parse';
import { listFixtureNames, readFixture } from './fixture-files';
import { signDelivery } from './gitee-delivery';

/** One sample payload as Gitee would deliver it, parsed the way the webhook parses it. */
export interface EditorSample {
  name: string;
  delivery: ParsedDelivery;
}

/** Any secret does: the editor only parses the delivery, nothing verifies it. */
const UNCHECKED_SECRET = 'playground-editor';

/**
 * Every sample in the folder that parses as an event (the Test ping is never templated, and a
 * file that is no Gitee delivery has nothing to show), with the headers Gitee sends with it.
 */
export async function readEditorSamples(fixturesDir: string, now: number): Promise<EditorSample[]> {
  const samples: EditorSample[] = [];
  for (const name of await listFixtureNames(fixturesDir)) {
    const { text } = await readFixture(fixturesDir, name);
    const signed = signDelivery(text, UNCHECKED_SECRET, now);
    try {
      const delivery = parseGiteeDelivery(signed);
      if (delivery.kind !== 'ping') samples.push({ name, delivery });
    } catch {
      // Not a delivery the relay would take: the page's sample button shows its 400.
    }
  }
  return samples;
}
