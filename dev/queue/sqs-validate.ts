import { sqsErrors } from './sqs-errors';
import type { WireAttributes } from './sqs-types';

// SQS's allowed characters: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF.
const INVALID_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,256}$/;
const DATA_TYPE = /^(String|Number|Binary)(\.[A-Za-z0-9_.-]{1,240})?$/;
// Group and deduplication ids: 1–128 of the printable ASCII characters (no space).
const TOKEN = /^[!-~]{1,128}$/;
const MAX_ATTRIBUTES = 10;

function checkAttributeName(name: string): void {
  const reserved = /^(aws\.|amazon\.)/i.test(name);
  const dots = name.startsWith('.') || name.endsWith('.') || name.includes('..');
  if (!ATTRIBUTE_NAME.test(name) || reserved || dots) {
    throw sqsErrors.invalidParameter(`Message (user) attribute '${name}' has an invalid name.`);
  }
}

/** Throws as SQS does for a bad message attribute; answers the bytes they count. */
export function checkAttributes(attributes: WireAttributes): number {
  const names = Object.keys(attributes);
  if (names.length > MAX_ATTRIBUTES) {
    throw sqsErrors.invalidParameter(
      `Number of message attributes [${names.length}] exceeds the allowed maximum [10].`,
    );
  }
  let bytes = 0;
  for (const [name, value] of Object.entries(attributes)) {
    checkAttributeName(name);
    const base = DATA_TYPE.exec(value.DataType)?.[1];
    if (base === undefined) {
      throw sqsErrors.invalidParameter(`The message attribute '${name}' has an invalid type.`);
    }
    const payload = base === 'Binary' ? value.BinaryValue : value.StringValue;
    if (payload === undefined || payload === '') {
      throw sqsErrors.invalidParameter(`The message attribute '${name}' must contain a value.`);
    }
    if (base === 'Number' && !Number.isFinite(Number(payload))) {
      throw sqsErrors.invalidParameter(
        `Can't cast the value of message (user) attribute '${name}' to a number.`,
      );
    }
    if (base !== 'Binary' && INVALID_CHARACTER.test(payload))
      throw sqsErrors.invalidMessageContents();
    const valueBytes =
      base === 'Binary' ? Buffer.from(payload, 'base64').length : Buffer.byteLength(payload);
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value.DataType) + valueBytes;
  }
  return bytes;
}

/** Throws for an empty body or one with characters SQS refuses; answers its bytes. */
export function checkBody(body: string): number {
  if (body === '') throw sqsErrors.missingParameter('MessageBody');
  if (INVALID_CHARACTER.test(body)) throw sqsErrors.invalidMessageContents();
  return Buffer.byteLength(body, 'utf8');
}

export function checkSize(bytes: number, maximum: number): void {
  if (bytes > maximum) {
    throw sqsErrors.invalidParameter(
      `One or more parameters are invalid. Reason: Message must be shorter than ${maximum} bytes.`,
    );
  }
}

/** A MessageGroupId or MessageDeduplicationId: 1–128 printable ASCII characters. */
export function checkToken(parameter: string, value: string): void {
  if (!TOKEN.test(value)) {
    throw sqsErrors.invalidParameter(`Value ${value} for parameter ${parameter} is invalid.`);
  }
}
