import { parseArgs } from 'node:util';
import { ROBOT_NAME_PATTERN } from '../../lib/settings/parameters';
import { UsageError } from './output';

type Command = 'push' | 'show' | 'check' | 'rotate-gitee-secret' | 'status' | 'redrive';

const COMMANDS: Record<Command, { required: string[]; optional: string[] }> = {
  push: { required: ['stage', 'file'], optional: ['dry-run', 'region'] },
  show: { required: ['stage'], optional: ['region'] },
  check: { required: ['file'], optional: [] },
  'rotate-gitee-secret': { required: ['stage'], optional: ['finish', 'region'] },
  status: { required: ['stage'], optional: ['region'] },
  redrive: { required: ['stage'], optional: ['robot', 'dry-run', 'region'] },
};

export type Args = {
  command: Command;
  stage: string;
  file: string;
  dryRun: boolean;
  finish: boolean;
  region?: string;
  /** redrive: only this robot's dead letters. */
  robot?: string;
};

/** argv → the command and its flags; a UsageError (exit 2) for anything the command does not take. */
export function parseCommandLine(argv: string[]): Args | 'help' {
  const { values, positionals } = readFlags(argv);
  if (values.help) return 'help';
  const [command, ...extra] = positionals;
  if (!command || !Object.hasOwn(COMMANDS, command)) {
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const spec = COMMANDS[command as Command];
  const given = Object.keys(values);
  const missing = spec.required.find((flag) => !given.includes(flag));
  if (missing) throw new UsageError(`${command} needs --${missing}`);
  const extraFlag = given.find((flag) => ![...spec.required, ...spec.optional].includes(flag));
  if (extraFlag) throw new UsageError(`${command} does not take --${extraFlag}`);
  if (values.stage !== undefined && !/^[A-Za-z0-9-]+$/.test(values.stage)) {
    throw new UsageError(`--stage must be letters, digits and - (a Serverless stage name)`);
  }
  if (values.robot !== undefined && !ROBOT_NAME_PATTERN.test(values.robot)) {
    throw new UsageError(
      '--robot must be a robot name from the settings (letters, digits, _ and -)',
    );
  }
  return {
    command: command as Command,
    stage: values.stage ?? '',
    file: values.file ?? '',
    dryRun: values['dry-run'] ?? false,
    finish: values.finish ?? false,
    region: values.region,
    robot: values.robot,
  };
}

function readFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        stage: { type: 'string' },
        file: { type: 'string' },
        region: { type: 'string' },
        robot: { type: 'string' },
        'dry-run': { type: 'boolean' },
        finish: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs explains unknown options and missing values well; keep its words.
    throw new UsageError((error as Error).message);
  }
}
