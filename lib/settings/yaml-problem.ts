import type { ErrorCode, YAMLError } from 'yaml';

/**
 * What a YAML syntax error says, without the source text. yaml's messages often quote the
 * input ("Block scalar header includes extra characters: |SEC…", "Unresolved tag: !…",
 * "Unexpected … in flow map"), and the input is a settings file full of secrets. A message
 * is passed on only when it is one of yaml's fixed sentences listed here; any other is
 * replaced by the sentence for its code, so a yaml upgrade can only make messages plainer.
 */
export function describeYamlError(error: Pick<YAMLError, 'code' | 'message'>): string {
  if (FIXED_MESSAGES.has(error.message)) return error.message;
  return PROBLEM_OF_CODE[error.code] ?? 'not valid YAML';
}

/** yaml 2.x messages that hold no input (string literals in its compose/ and parse/ code). */
const FIXED_MESSAGES: ReadonlySet<string> = new Set([
  'Map keys must be unique',
  'Tabs are not allowed as indentation',
  'Nested mappings are not allowed in compact mappings',
  'A block sequence may not be used as an implicit map key',
  'Implicit keys need to be on a single line',
  'Implicit map keys need to be followed by map values',
  'All sequence items must start at the same column',
  'Sequence item without - indicator',
  'Missing closing "quote',
  "Missing closing 'quote",
  'Comments must be separated from other tokens by white space characters',
  'Tags and anchors must be separated from the next token by white space',
  'Plain value cannot start with reserved character @',
  'Plain value cannot start with reserved character `',
  'Plain value cannot start with directive indicator character %',
  'Anchor cannot be an empty string',
  'Alias cannot be an empty string',
  'A node can have at most one anchor',
  'A node can have at most one tag',
  'An alias node must not specify any properties',
  'Block scalar values in collections must be indented',
  'Missing directives-end indicator line',
  'Missing , between flow map items',
  'Missing , between flow sequence items',
  'Unexpected , in flow map',
  'Unexpected , in flow sequence',
  'Unexpected empty item in flow map',
  'Unexpected empty item in flow sequence',
  'Flow map must end with a }',
  'Flow sequence must end with a ]',
  'Flow map in block collection must be sufficiently indented and end with a }',
  'Flow sequence in block collection must be sufficiently indented and end with a ]',
]);

/** Record over the union: the compiler insists every code yaml can give has a sentence. */
const PROBLEM_OF_CODE: Record<ErrorCode, string> = {
  ALIAS_PROPS: 'an alias (*name) cannot have an anchor or a tag',
  BAD_ALIAS: 'a malformed alias or anchor; quote a value that starts with * or &',
  BAD_COLLECTION_TYPE: 'a tag (!name) that does not fit its value',
  BAD_DIRECTIVE: 'a % directive line yaml does not understand; quote a value that starts with %',
  BAD_DQ_ESCAPE: 'an unknown \\ escape in a "double-quoted" value; use single quotes',
  BAD_INDENT: 'wrong indentation',
  BAD_PROP_ORDER: 'an anchor (&name) or tag (!name) in the wrong place',
  BAD_SCALAR_START: 'a plain value cannot start with this character; put it in quotes',
  BLOCK_AS_IMPLICIT_KEY: 'a mapping where a value belongs; quote a value that holds ": "',
  BLOCK_IN_FLOW: 'an indented block inside {…} or […]',
  DUPLICATE_KEY: 'Map keys must be unique',
  IMPOSSIBLE: 'not valid YAML',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters',
  MISSING_CHAR: 'a closing quote or bracket, a comma or a space is missing',
  MULTILINE_IMPLICIT_KEY: 'a key must be on one line',
  MULTIPLE_ANCHORS: 'a value with more than one anchor (&name)',
  MULTIPLE_DOCS: 'more than one YAML document (---)',
  MULTIPLE_TAGS: 'a value with more than one tag (!name)',
  NON_STRING_KEY: 'a key that is not a plain name',
  RESOURCE_EXHAUSTION: 'too many aliases (*name)',
  TAB_AS_INDENT: 'Tabs are not allowed as indentation',
  TAG_RESOLVE_FAILED: 'an unknown tag (!name); quote a value that starts with !',
  UNEXPECTED_TOKEN:
    'unexpected characters; quote a value that starts with |, >, [, {, ] or } or holds " #"',
};
