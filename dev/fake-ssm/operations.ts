/**
 * SSM Parameter Store operations over an in-memory store, with the real service's error types
 * and limits (https://docs.aws.amazon.com/systems-manager/latest/APIReference/). Inputs are
 * the JSON the AWS SDK sends; outputs are the JSON SSM answers.
 */
export type StoredType = 'String' | 'StringList' | 'SecureString';

export interface StoredParameter {
  value: string;
  type: StoredType;
  version: number;
  lastModified: number;
}

export type Store = Map<string, StoredParameter>;
type Input = Record<string, unknown>;

/** An SSM error answer: `{"__type": type, "message": …}` with this HTTP status. */
export class SsmFault extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const TYPES: readonly string[] = ['String', 'StringList', 'SecureString'];

export const OPERATIONS: Record<string, (store: Store, input: Input) => unknown> = {
  GetParametersByPath: getParametersByPath,
  GetParameter: (store, input) => ({
    Parameter: describe(requireName(input, 'Name'), store, input.WithDecryption === true),
  }),
  GetParameters(store, input) {
    const names = requireNames(input);
    const found = names.filter((name) => store.has(name));
    return {
      Parameters: found.map((name) => describe(name, store, input.WithDecryption === true)),
      InvalidParameters: names.filter((name) => !store.has(name)),
    };
  },
  PutParameter: putParameter,
  DeleteParameter(store, input) {
    const name = requireName(input, 'Name');
    if (!store.delete(name)) throw notFound(name);
    return {};
  },
  DeleteParameters(store, input) {
    const names = requireNames(input);
    const present = names.filter((name) => store.has(name));
    for (const name of present) store.delete(name);
    return {
      DeletedParameters: present,
      InvalidParameters: names.filter((name) => !present.includes(name)),
    };
  },
};

function getParametersByPath(store: Store, input: Input) {
  const path = requireName(input, 'Path');
  if (!path.startsWith('/')) throw validation('The parameter path must start with "/".');
  const maxResults = input.MaxResults ?? 10;
  if (
    typeof maxResults !== 'number' ||
    !Number.isInteger(maxResults) ||
    maxResults < 1 ||
    maxResults > 10
  ) {
    throw validation('MaxResults must be between 1 and 10.');
  }
  const prefix = path.endsWith('/') ? path : `${path}/`;
  const names = [...store.keys()]
    .filter((name) => name.startsWith(prefix))
    .filter((name) => input.Recursive === true || !name.slice(prefix.length).includes('/'))
    .sort();
  const offset = decodeToken(input.NextToken);
  const end = offset + maxResults;
  return {
    Parameters: names
      .slice(offset, end)
      .map((name) => describe(name, store, input.WithDecryption === true)),
    NextToken: end < names.length ? encodeToken(end) : undefined,
  };
}

function putParameter(store: Store, input: Input) {
  const name = requireName(input, 'Name');
  const value = input.Value;
  if (typeof value !== 'string' || value === '') throw validation('Value must not be empty.');
  // Real SSM reads {{ … }} as a reference to another parameter and refuses it.
  if (/\{\{[\s\S]*\}\}/.test(value)) {
    throw validation(
      'Parameter value can\'t nest another parameter. Do not use "{{}}" in the value.',
    );
  }
  if (name.includes('/') && !name.startsWith('/')) {
    throw validation('Parameter name must be a fully qualified name.');
  }
  const existing = store.get(name);
  if (existing && input.Overwrite !== true) {
    throw new SsmFault(
      'ParameterAlreadyExists',
      'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
    );
  }
  const type = input.Type ?? existing?.type;
  if (typeof type !== 'string' || !TYPES.includes(type)) {
    throw validation('A parameter type (String, StringList or SecureString) is required.');
  }
  const limit = input.Tier === 'Advanced' ? 8192 : 4096;
  if (Buffer.byteLength(value) > limit) {
    throw validation(
      `Standard tier parameters support a maximum parameter value of ${limit} characters.`,
    );
  }
  const version = (existing?.version ?? 0) + 1;
  store.set(name, { value, type: type as StoredType, version, lastModified: Date.now() });
  return { Version: version, Tier: input.Tier === 'Advanced' ? 'Advanced' : 'Standard' };
}

function describe(name: string, store: Store, withDecryption: boolean) {
  const parameter = store.get(name);
  if (!parameter) throw notFound(name);
  const hidden = parameter.type === 'SecureString' && !withDecryption;
  return {
    Name: name,
    Type: parameter.type,
    // Without decryption SSM returns the KMS ciphertext: stand in with something unusable.
    Value: hidden ? Buffer.from(`fake-kms-ciphertext:${name}`).toString('base64') : parameter.value,
    Version: parameter.version,
    LastModifiedDate: parameter.lastModified / 1000,
    ARN: `arn:aws:ssm:ap-east-1:123456789012:parameter${name.startsWith('/') ? '' : '/'}${name}`,
    DataType: 'text',
  };
}

function requireName(input: Input, key: string): string {
  const value = input[key];
  if (typeof value !== 'string' || value === '') throw validation(`${key} is required.`);
  return value;
}

function requireNames(input: Input): string[] {
  const names = input.Names;
  if (!Array.isArray(names) || names.length < 1 || names.length > 10) {
    throw validation('Names must list 1 to 10 parameter names.');
  }
  return names.map(String);
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64');
}

function decodeToken(token: unknown): number {
  if (token === undefined) return 0;
  try {
    const { offset } = JSON.parse(Buffer.from(String(token), 'base64').toString()) as {
      offset?: unknown;
    };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // An unreadable token is refused below, as SSM does.
  }
  throw new SsmFault('InvalidNextToken', 'The specified token is not valid.');
}

function validation(message: string): SsmFault {
  return new SsmFault('ValidationException', message);
}

function notFound(name: string): SsmFault {
  return new SsmFault('ParameterNotFound', `Parameter ${name} not found.`);
}
