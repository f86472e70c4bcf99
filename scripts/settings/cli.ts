import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { SettingsError } from '../../lib/errors';
import { checkSettingsFile } from './check';
import { CliError, type WriteLine } from './output';
import { parseCommandLine, type Args } from './parse-command-line';
import { pushSettings } from './push';
import { redriveDeadLetters } from './redrive';
import { rotateGiteeSecret } from './rotate';
import { showSettings } from './show';
import { showDeliveryStatus } from './status';

export interface CliDeps {
  createClient(region: string): SSMClient;
  readFile(path: string): Promise<string>;
  out: WriteLine;
  err: WriteLine;
  /** AWS_REGION, else the contract's ap-east-1; `--region` overrides it. */
  defaultRegion: string;
  /** The new Gitee secret (tests pass a known one). */
  generateSecret?: () => string;
  /** SQS and DynamoDB clients for `status` and `redrive` (queued delivery, issue 11). */
  createQueueClient?(region: string): SQSClient;
  createTableClient?(region: string): DynamoDBClient;
  /** The clock `status` measures ages against (default Date.now). */
  now?: () => number;
}

export const USAGE = `Usage: npm run settings -- <command> [options]

  push --stage S --file settings.yml [--dry-run]   validate the file and write it to /gitee-dingtalk/S
  show --stage S                                   print the stage's settings, secrets masked
  check --file settings.yml                        validate the file only (offline)
  rotate-gitee-secret --stage S [--finish]         add a new Gitee secret beside the old one;
                                                   --finish removes the old one
  status --stage S                                 queued delivery: queue depth, oldest pending
                                                   event, dead letters by reason, each robot's pace
                                                   (reading the DLQ hides its messages up to 30 s)
  redrive --stage S [--robot NAME] [--dry-run]     send dead letters back to the delivery queue
                                                   (all, or one robot's); --dry-run counts them

Options: --region R (default: AWS_REGION, else ap-east-1). AWS credentials as for the AWS CLI.
Exit codes: 0 ok, 1 invalid settings or AWS error, 2 usage.`;

/** Runs one command; returns the exit code. Every expected failure is a message, not a stack. */
export async function runSettingsCli(argv: string[], deps: CliDeps): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseCommandLine(argv);
  } catch (error) {
    deps.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    deps.out(USAGE);
    return 0;
  }
  try {
    return await runCommand(args, deps);
  } catch (error) {
    if (error instanceof SettingsError || error instanceof CliError) deps.err(error.message);
    else deps.err(`unexpected error: ${error instanceof Error ? error.name : 'unknown'}`);
    return 1;
  }
}

async function runCommand(args: Args, deps: CliDeps): Promise<number> {
  if (args.command === 'check') {
    await checkSettingsFile(await readSettingsFile(args.file, deps), args.file, deps.out);
    return 0;
  }
  if (args.command === 'status' || args.command === 'redrive') return runQueueCommand(args, deps);
  const text = args.command === 'push' ? await readSettingsFile(args.file, deps) : '';
  const client = deps.createClient(args.region ?? deps.defaultRegion);
  try {
    switch (args.command) {
      case 'push':
        await pushSettings(
          client,
          { stage: args.stage, text, fileName: args.file, dryRun: args.dryRun },
          deps.out,
        );
        return 0;
      case 'show':
        return (await showSettings(client, args.stage, deps.out)) ? 0 : 1;
      case 'rotate-gitee-secret':
        await rotateGiteeSecret(
          client,
          { stage: args.stage, finish: args.finish, generate: deps.generateSecret },
          deps.out,
        );
        return 0;
    }
  } finally {
    client.destroy();
  }
}

async function runQueueCommand(args: Args, deps: CliDeps): Promise<number> {
  const region = args.region ?? deps.defaultRegion;
  if (!deps.createQueueClient || !deps.createTableClient) {
    throw new CliError(`${args.command} needs SQS and DynamoDB clients, which this build lacks`);
  }
  const sqs = deps.createQueueClient(region);
  const dynamo = deps.createTableClient(region);
  try {
    if (args.command === 'status') {
      await showDeliveryStatus({ sqs, dynamo, now: deps.now ?? Date.now }, args.stage, deps.out);
    } else {
      await redriveDeadLetters(
        sqs,
        { stage: args.stage, robot: args.robot, dryRun: args.dryRun },
        deps.out,
      );
    }
    return 0;
  } finally {
    sqs.destroy();
    dynamo.destroy();
  }
}

async function readSettingsFile(path: string, deps: CliDeps): Promise<string> {
  try {
    return await deps.readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliError(`cannot read ${path}${typeof code === 'string' ? ` (${code})` : ''}`);
  }
}
