import { randomBytes } from 'node:crypto';
import { GetParameterCommand, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { SettingsError } from '../../lib/errors';
import { GITEE_SECRET_PARAMETER, settingsPathForStage } from '../../lib/settings/parameters';
import { describeSsmError } from '../../lib/settings/ssm-error';
import { CliError, type WriteLine } from './output';

/** 32 random bytes, base64url: 43 characters, safe to paste into Gitee's form and into URLs. */
export function generateGiteeSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * `rotate-gitee-secret --stage S`: appends a new secret as a second line (the Lambda accepts
 * both) and prints it once. `--finish`: keeps only the newest line, once Gitee uses it.
 */
export async function rotateGiteeSecret(
  client: SSMClient,
  options: { stage: string; finish: boolean; generate?: () => string },
  out: WriteLine,
): Promise<void> {
  const name = `${settingsPathForStage(options.stage)}/${GITEE_SECRET_PARAMETER}`;
  const secrets = await readSecrets(client, name);
  if (options.finish) return finishRotation(client, name, secrets, out);
  if (secrets.length > 1) {
    throw new CliError(
      `${name} already holds ${secrets.length} secrets: a rotation is in progress. Paste the newest into Gitee, then run rotate-gitee-secret --stage ${options.stage} --finish.`,
    );
  }
  const secret = (options.generate ?? generateGiteeSecret)();
  await writeSecrets(client, name, [...secrets, secret]);
  out(`Added a new Gitee secret to ${name}; ${secrets.length + 1} accepted now.`);
  out('New secret (shown once, copy it now):');
  out('');
  out(`    ${secret}`);
  out('');
  out(
    'Next: Gitee → repository → Management → WebHooks → edit the hook → paste it as the signing key, save, press Test.',
  );
  if (secrets.length > 0)
    out(
      `Then remove the old secret: npm run settings -- rotate-gitee-secret --stage ${options.stage} --finish`,
    );
}

async function finishRotation(client: SSMClient, name: string, secrets: string[], out: WriteLine) {
  const newest = secrets.at(-1);
  if (newest === undefined) throw new CliError(`${name} does not exist: nothing to finish.`);
  if (secrets.length === 1) {
    out(`${name} holds one secret: no rotation to finish.`);
    return;
  }
  await writeSecrets(client, name, [newest]);
  out(`Removed ${secrets.length - 1} old secret(s) from ${name}; only the newest is accepted now.`);
}

async function readSecrets(client: SSMClient, name: string): Promise<string[]> {
  try {
    const { Parameter } = await client.send(
      new GetParameterCommand({ Name: name, WithDecryption: true }),
    );
    return (Parameter?.Value ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  } catch (error) {
    if (error instanceof Error && error.name === 'ParameterNotFound') return [];
    throw new SettingsError(describeSsmError('GetParameter', error), { cause: error });
  }
}

async function writeSecrets(client: SSMClient, name: string, secrets: string[]): Promise<void> {
  const command = new PutParameterCommand({
    Name: name,
    Value: secrets.join('\n'),
    Type: 'SecureString',
    Overwrite: true,
  });
  try {
    await client.send(command);
  } catch (error) {
    throw new SettingsError(describeSsmError('PutParameter', error), { cause: error });
  }
}
