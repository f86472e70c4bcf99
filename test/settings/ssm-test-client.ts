import { SSMClient } from '@aws-sdk/client-ssm';
import { runSettingsCli } from '../../scripts/settings/cli';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** The real SDK client pointed at a loopback fake SSM, with fake credentials and no retries. */
export function createTestSsmClient(endpoint: string, maxAttempts = 1): SSMClient {
  return new SSMClient({
    endpoint,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
    maxAttempts,
  });
}

/** Where one CLI run reads its files and writes its lines, and what it generates as a secret. */
export interface CliIo {
  endpoint: string;
  files: Record<string, string>;
  out: string[];
  err: string[];
  generatedSecret: string;
}

/** The settings CLI as an operator runs it, against the fake SSM and in-memory files. */
export function runCliAgainstFake(argv: string[], io: CliIo): Promise<number> {
  return runSettingsCli(argv, {
    createClient: () => createTestSsmClient(io.endpoint),
    readFile: async (path) => {
      const text = io.files[path];
      if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return text;
    },
    out: (line) => io.out.push(line),
    err: (line) => io.err.push(line),
    defaultRegion: 'ap-east-1',
    generateSecret: () => io.generatedSecret,
  });
}
