import { createHash } from 'node:crypto';
import type { WireAttributeValue } from './sqs-types';

/** MD5OfMessageBody: hex MD5 of the body's UTF-8 bytes (the SDK checks it on send and receive). */
export function md5OfBody(body: string): string {
  return createHash('md5').update(body, 'utf8').digest('hex');
}

const TRANSPORT_STRING = 1; // String and Number values travel as UTF-8
const TRANSPORT_BINARY = 2;

function lengthPrefixed(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length, 0);
  return Buffer.concat([length, bytes]);
}

/**
 * MD5OfMessageAttributes, AWS's encoding ("Calculating the MD5 message digest for message
 * attributes"): attributes sorted by name; per attribute the name, the data type (each
 * 4-byte big-endian length then UTF-8 bytes), one transport byte, then the value
 * length-prefixed. Undefined when there are no attributes, as SQS omits the field then.
 */
export function md5OfAttributes(
  attributes: Readonly<Record<string, WireAttributeValue>>,
): string | undefined {
  const names = Object.keys(attributes).sort();
  if (names.length === 0) return undefined;
  const hash = createHash('md5');
  for (const name of names) {
    const value = attributes[name];
    if (value === undefined) continue;
    hash.update(lengthPrefixed(Buffer.from(name, 'utf8')));
    hash.update(lengthPrefixed(Buffer.from(value.DataType, 'utf8')));
    if (value.BinaryValue !== undefined) {
      hash.update(Buffer.from([TRANSPORT_BINARY]));
      hash.update(lengthPrefixed(Buffer.from(value.BinaryValue, 'base64')));
    } else {
      hash.update(Buffer.from([TRANSPORT_STRING]));
      hash.update(lengthPrefixed(Buffer.from(value.StringValue ?? '', 'utf8')));
    }
  }
  return hash.digest('hex');
}
