import { formatCorpus } from '../../bench/format-corpus';
import { measureWorstFormat } from '../../bench/format-worst';
import { MIB } from '../../bench/format-texts';

/** The corpus at a size a test can afford; `npm run bench` runs it at 1 MiB. No time is asserted. */
const BODY_BYTES = 64 * 1024;

describe('the formatter benchmark', () => {
  it('builds every adversarial event as a Gitee body within the size it was asked for', () => {
    const corpus = formatCorpus(BODY_BYTES);
    expect(corpus.length).toBeGreaterThan(300);
    const places = new Set(corpus.map((event) => event.name.split(':')[0]));
    expect([...places]).toEqual(
      expect.arrayContaining(['comment body', 'issue body', 'pull request body', 'commit message']),
    );
    for (const event of corpus) {
      const bytes = Buffer.byteLength(event.body(), 'utf8');
      expect({ name: event.name, fits: bytes <= BODY_BYTES }).toEqual({
        name: event.name,
        fits: true,
      });
    }
  });

  it('fills a hostile text to the bytes it takes in a JSON body, up to 1 MiB', () => {
    const huge = formatCorpus().find((event) => event.name === 'comment body: repeated "!["');
    const bytes = Buffer.byteLength(huge?.body() ?? '', 'utf8');
    expect(bytes).toBeGreaterThan(MIB - 32 * 1024);
    expect(bytes).toBeLessThanOrEqual(MIB);
  });

  it('formats every event in every msgtype and names the slowest, every message fitting', () => {
    const lines: string[] = [];
    const figures = measureWorstFormat({ repeats: 1, bodyBytes: BODY_BYTES }, (line) =>
      lines.push(line),
    );
    expect(figures.pairs).toBe(formatCorpus(BODY_BYTES).length * 3);
    expect(figures.worstEvent).toMatch(/^[a-z ]+: .+ \((markdown|actionCard|text)\)$/);
    expect(figures.worstFormatMs).toBeGreaterThanOrEqual(figures.medianFormatMs);
    expect(figures.oversizedMessages).toBe(0);
    expect(lines.length).toBeGreaterThan(0);
  }, 120_000);
});
