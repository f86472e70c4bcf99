import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a compiled CloudFormation template the package tests read. */
export interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
  Condition?: string;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string | string[];
}

export interface Template {
  Resources: Record<string, Resource>;
  Conditions?: Record<string, unknown>;
  Outputs?: Record<string, { Value: unknown; Description?: string }>;
}

/** One IAM statement as written in a role's inline policy. */
export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export function readTemplate(dir: string): Template {
  const file = join(dir, 'cloudformation-template-update-stack.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Template;
}

export function resource(template: Template, logicalId: string): Resource {
  const found = template.Resources[logicalId];
  if (!found) throw new Error(`no resource ${logicalId} in the template`);
  return found;
}

export function props(template: Template, logicalId: string): Record<string, unknown> {
  return resource(template, logicalId).Properties ?? {};
}

export function ofType(template: Template, type: string): Array<[string, Resource]> {
  return Object.entries(template.Resources).filter(([, r]) => r.Type === type);
}

export const ref = (logicalId: string) => ({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string) => ({
  'Fn::GetAtt': [logicalId, attribute],
});

export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Every statement of a role's inline policies, in order. */
export function roleStatements(role: Resource): Statement[] {
  const policies = (role.Properties?.Policies ?? []) as Array<{
    PolicyDocument: { Statement: Statement[] };
  }>;
  return policies.flatMap((policy) => policy.PolicyDocument.Statement);
}

/**
 * Evaluates a condition of the template as CloudFormation would, for the intrinsic functions
 * the stack uses (Fn::Not, Fn::Equals, Fn::And, Fn::Or, Condition) on plain values.
 */
export function evaluateCondition(template: Template, name: string): boolean {
  const condition = template.Conditions?.[name];
  if (condition === undefined) throw new Error(`no condition ${name} in the template`);
  return evaluate(template, condition) === true;
}

function evaluate(template: Template, node: unknown): unknown {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
  const [[fn, args]] = Object.entries(node) as Array<[string, unknown]> as [[string, unknown]];
  const list = asList(args).map((arg) => evaluate(template, arg));
  switch (fn) {
    case 'Fn::Not':
      return list[0] !== true;
    case 'Fn::Equals':
      return list[0] === list[1];
    case 'Fn::And':
      return list.every((value) => value === true);
    case 'Fn::Or':
      return list.some((value) => value === true);
    case 'Condition':
      return evaluateCondition(template, String(args));
    default:
      throw new Error(`cannot evaluate ${fn} offline`);
  }
}
