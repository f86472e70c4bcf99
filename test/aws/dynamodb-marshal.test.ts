import { marshallMap, unmarshallMap, unmarshallValue } from '../../lib/aws/dynamodb-marshal';

describe('DynamoDB marshalling', () => {
  it('writes every stored type in DynamoDB form and leaves undefined fields out', () => {
    expect(
      marshallMap({
        s: 'x',
        n: -1.25,
        t: true,
        z: null,
        l: [1, 'a'],
        m: { e: 0 },
        gone: undefined,
      }),
    ).toEqual({
      s: { S: 'x' },
      n: { N: '-1.25' },
      t: { BOOL: true },
      z: { NULL: true },
      l: { L: [{ N: '1' }, { S: 'a' }] },
      m: { M: { e: { N: '0' } } },
    });
  });

  it('reads back what it wrote', () => {
    const value = {
      pk: 'r-1',
      sent: [1764197706000, 1764197707000],
      lastError: { reason: 'x', at: 3 },
      ok: false,
      none: null,
    };
    expect(unmarshallMap(marshallMap(value))).toEqual(value);
  });

  it('refuses numbers DynamoDB cannot hold', () => {
    expect(() => marshallMap({ n: Number.NaN })).toThrow(RangeError);
    expect(() => marshallMap({ n: Infinity })).toThrow(RangeError);
  });

  it.each([
    ['a string set', { SS: ['a'] }],
    ['binary', { B: 'AAEC' }],
    ['an untyped value', 'plain'],
    ['a number it cannot read', { N: 'NaN' }],
  ])('refuses %s in an answer', (_label, attribute) => {
    expect(() => unmarshallValue(attribute)).toThrow(TypeError);
  });
});
