import { sqsErrors } from './sqs-errors';
import type { WireAttributes } from './sqs-types';

/**
 * Reading a JSON request's fields with the checks the service makes at its edge: a missing
 * required field is MissingParameter, a field of the wrong type InvalidParameterValue.
 */
export type Input = Record<string, unknown>;

function wrongType(name: string): Error {
  return sqsErrors.invalidParameter(`Value for parameter ${name} is invalid.`);
}

export function requiredString(input: Input, name: string): string {
  const value = input[name];
  if (value === undefined || value === null) throw sqsErrors.missingParameter(name);
  if (typeof value !== 'string') throw wrongType(name);
  return value;
}

export function optionalString(input: Input, name: string): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(name);
  return value;
}

export function optionalInteger(input: Input, name: string): number | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType(name);
  return value;
}

export function requiredInteger(input: Input, name: string): number {
  const value = optionalInteger(input, name);
  if (value === undefined) throw sqsErrors.missingParameter(name);
  return value;
}

export function optionalStrings(input: Input, name: string): string[] | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw wrongType(name);
  }
  return value as string[];
}

export function optionalStringMap(input: Input, name: string): Record<string, string> | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value) || !Object.values(value).every((item) => typeof item === 'string')) {
    throw wrongType(name);
  }
  return value as Record<string, string>;
}

export function requiredObjects(input: Input, name: string): Input[] {
  const value = input[name];
  if (value === undefined || value === null) throw sqsErrors.missingParameter(name);
  if (!Array.isArray(value) || !value.every(isObject)) throw wrongType(name);
  return value as Input[];
}

/** MessageAttributes: each a DataType with a StringValue or a base64 BinaryValue. */
export function optionalAttributes(input: Input, name: string): WireAttributes | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw wrongType(name);
  const attributes: WireAttributes = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!isObject(raw)) throw wrongType(`${name}.${key}`);
    attributes[key] = {
      DataType: requiredString(raw, 'DataType'),
      StringValue: optionalString(raw, 'StringValue'),
      BinaryValue: optionalString(raw, 'BinaryValue'),
    };
    if (attributes[key]?.StringValue === undefined) delete attributes[key]?.StringValue;
    if (attributes[key]?.BinaryValue === undefined) delete attributes[key]?.BinaryValue;
  }
  return attributes;
}

export function isObject(value: unknown): value is Input {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
