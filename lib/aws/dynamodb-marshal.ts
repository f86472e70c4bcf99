import { isRecord } from '../json-record';

/** The values the delivery table holds: no sets, no binary (design: only what we store). */
export type StoredValue = string | number | boolean | null | StoredValue[] | StoredMap;
export interface StoredMap {
  [name: string]: StoredValue | undefined;
}

/** DynamoDB's typed wire form of a StoredValue. */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { L: AttributeValue[] }
  | { M: AttributeMap };
export type AttributeMap = Record<string, AttributeValue>;

/** A map's undefined fields are left out, as an optional field that is absent. */
export function marshallMap(map: StoredMap): AttributeMap {
  const out: AttributeMap = {};
  for (const [name, value] of Object.entries(map)) {
    if (value !== undefined) out[name] = marshallValue(value);
  }
  return out;
}

export function marshallValue(value: StoredValue): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (typeof value === 'number') {
    // DynamoDB has no NaN or Infinity; storing one would fail the call with the value in it.
    if (!Number.isFinite(value)) throw new RangeError('DynamoDB numbers must be finite');
    return { N: String(value) };
  }
  if (Array.isArray(value)) return { L: value.map(marshallValue) };
  return { M: marshallMap(value) };
}

/** Items come from outside: anything not a known attribute type is refused, not guessed. */
export function unmarshallMap(value: unknown): StoredMap {
  if (!isRecord(value)) throw new TypeError('DynamoDB answered an item that is not a map');
  const out: StoredMap = {};
  for (const [name, attribute] of Object.entries(value)) out[name] = unmarshallValue(attribute);
  return out;
}

export function unmarshallValue(attribute: unknown): StoredValue {
  if (!isRecord(attribute)) throw new TypeError('DynamoDB answered an attribute that is not typed');
  if (typeof attribute.S === 'string') return attribute.S;
  if (typeof attribute.N === 'string') {
    const number = Number(attribute.N);
    if (!Number.isFinite(number)) throw new TypeError('DynamoDB answered a number it cannot hold');
    return number;
  }
  if (typeof attribute.BOOL === 'boolean') return attribute.BOOL;
  if (attribute.NULL === true) return null;
  if (Array.isArray(attribute.L)) return attribute.L.map(unmarshallValue);
  if (attribute.M !== undefined) return unmarshallMap(attribute.M);
  throw new TypeError('DynamoDB answered an attribute type the delivery table never stores');
}
