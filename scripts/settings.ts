import { readFile } from 'node:fs/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { runSettingsCli } from './settings/cli';

/** `npm run settings -- <command>`: the operator CLI (see scripts/settings/cli.ts for usage). */
runSettingsCli(process.argv.slice(2), {
  // AWS_ENDPOINT_URL_SSM, AWS_PROFILE and the usual credential chain apply, as for the AWS CLI.
  createClient: (region) => new SSMClient({ region }),
  // AWS_ENDPOINT_URL_SQS / _DYNAMODB apply too (status and redrive against fakes or LocalStack).
  createQueueClient: (region) => new SQSClient({ region }),
  createTableClient: (region) => new DynamoDBClient({ region }),
  readFile: (path) => readFile(path, 'utf8'),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  defaultRegion: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'ap-east-1',
}).then((code) => {
  process.exitCode = code;
});
