import type { Budget } from '../../lib/view/budget';
import { fitDigest } from '../../lib/view/digest-fit';

/** A message of `count` lines of `width` characters, each cut to the budget's text length. */
function lines(width: number) {
  return (count: number, budget: Budget) =>
    Array.from(
      { length: count },
      (_unused, index) => `${index}:${'x'.repeat(Math.min(width, budget.text))}`,
    ).join('\n');
}

const within = (limit: number) => ({ fits: (message: string) => message.length <= limit });

describe('fitDigest', () => {
  it('takes every entry when all fit', () => {
    expect(fitDigest(5, lines(10), within(1000))).toMatchObject({ count: 5 });
  });

  it('takes the most entries from the front that fit, each line whole', () => {
    // Each line is 12 or 13 characters plus a line break.
    const { message, count } = fitDigest(200, lines(10), within(100));
    expect(count).toBe(7);
    expect(message.split('\n')).toEqual(
      Array.from({ length: 7 }, (_unused, index) => `${index}:${'x'.repeat(10)}`),
    );
  });

  it('shrinks a first entry too large alone, and never drops it', () => {
    const { message, count } = fitDigest(3, lines(500), within(60));
    expect(count).toBe(1);
    expect(message.startsWith('0:x')).toBe(true);
    expect(message.length).toBeLessThanOrEqual(60);
  });

  it("uses the platform's squeeze when even the floor is too large", () => {
    const { message, count } = fitDigest(2, lines(500), {
      ...within(2),
      squeeze: (floor: string) => floor.slice(0, 2),
    });
    expect({ message, count }).toEqual({ message: '0:', count: 1 });
  });

  it('renders an empty digest for no entries, without failing', () => {
    expect(fitDigest(0, lines(10), within(0))).toEqual({ message: '', count: 0 });
  });
});
