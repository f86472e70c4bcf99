import type { Budget } from '../../lib/view/budget';
import { fitToLimit, type UrlLimits } from '../../lib/view/fit-ladder';

const URLS: UrlLimits = { any: 4096, short: 300 };
/** The rendering is the budget itself, so each test can say which rung was chosen. */
const render = (budget: Budget): Budget => budget;

describe('fitToLimit', () => {
  it('keeps everything when the full rendering fits', () => {
    const chosen = fitToLimit(render, 7, { fits: () => true, urls: URLS });
    expect(chosen).toEqual({
      items: 7,
      excerpt: 200,
      text: Number.POSITIVE_INFINITY,
      compact: false,
      url: 4096,
      names: true,
    });
  });

  it('lists the longest run of commits that fits', () => {
    const chosen = fitToLimit(render, 50, { fits: (b) => b.items <= 13, urls: URLS });
    expect(chosen.items).toBe(13);
    expect(chosen.excerpt).toBe(200);
  });

  it('shortens the excerpt before the other user text', () => {
    const chosen = fitToLimit(render, 5, {
      fits: (b) => b.items === 0 && b.excerpt <= 50,
      urls: URLS,
    });
    expect(chosen).toMatchObject({ items: 0, excerpt: 50, text: Number.POSITIVE_INFINITY });
  });

  it('falls back to the floor, short links and no one unpinged named, when nothing fits', () => {
    const chosen = fitToLimit(render, 5, { fits: () => false, urls: URLS });
    expect(chosen).toEqual({
      items: 0,
      excerpt: 0,
      text: 3,
      compact: true,
      url: 300,
      names: false,
    });
  });

  it('squeezes only a floor that does not fit', () => {
    const squeezed: Budget[] = [];
    const squeeze = (floor: Budget): Budget => {
      squeezed.push(floor);
      return { ...floor, text: 0 };
    };
    const fitsFloor = (b: Budget) => b.text <= 3;
    expect(fitToLimit(render, 5, { fits: fitsFloor, urls: URLS, squeeze }).text).toBe(3);
    expect(squeezed).toEqual([]);
    expect(fitToLimit(render, 5, { fits: () => false, urls: URLS, squeeze }).text).toBe(0);
    expect(squeezed).toHaveLength(1);
  });
});
