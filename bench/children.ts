import { fork, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Artifacts } from './artifacts';
import type { ColdJob, ColdResult, WarmJob, WarmResult } from './child/protocol';
import type { BenchFakes } from './fakes';
import { STAGE_PATH } from './scenario';

/**
 * The environment Lambda gives a nodejs22.x function (credentials in variables, region set, no
 * HOME or AWS config files to read), plus the function's own variables from serverless.yml and
 * the endpoint of the fake SSM. Nothing from the benchmark's own environment leaks in.
 */
export function lambdaEnv(fakes: BenchFakes, bundle: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    LAMBDA_TASK_ROOT: dirname(dirname(bundle)),
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_LAMBDA_FUNCTION_NAME: 'gitee-dingtalk-bench-webhook',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
    AWS_REGION: 'ap-east-1',
    AWS_DEFAULT_REGION: 'ap-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDTEST',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_SESSION_TOKEN: 'bench-session-token',
    AWS_ENDPOINT_URL_SSM: fakes.ssm.endpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // Thousands of events a minute to two robots: measure the pipeline, not DingTalk's limit
    // (the emulator's limit is off too). Held-back messages would be cheaper, not truer.
    DINGTALK_RATE_LIMIT_PER_MINUTE: '0',
    SETTINGS_SSM_PATH: STAGE_PATH,
    SETTINGS_TTL_SECONDS: '300',
    SERVICE_VERSION: 'bench',
  };
}

let sequence = 0;

/** Extra `node` flags for every child (`--profile` adds --cpu-prof); empty when measuring. */
export const childNodeArgs: string[] = [];

function nodeArgs(id: string): string[] {
  const profiling = childNodeArgs.includes('--cpu-prof');
  return profiling ? [...childNodeArgs, `--cpu-prof-name=${id}.cpuprofile`] : childNodeArgs;
}

/** The function's log lines (stdout, as on Lambda) go to a file; stderr is kept for errors. */
function logFile(outDir: string, label: string): { path: string; fd: number } {
  const path = join(outDir, 'logs', `${label}.log`);
  mkdirSync(dirname(path), { recursive: true });
  return { path, fd: openSync(path, 'w') };
}

function failure(label: string, code: number | null, stderr: string, logPath: string): Error {
  return new Error(`${label} exited with ${code}; log ${logPath}\n${stderr.slice(-2000)}`);
}

/**
 * One cold start in a fresh process; `env` adds to (or overrides) the Lambda environment, e.g.
 * queue mode's variables or another function's name.
 */
export async function runColdChild(
  artifacts: Artifacts,
  fakes: BenchFakes,
  job: Omit<ColdJob, 'resultPath'>,
  label: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ result: ColdResult; ssmCalls: number; ssmRequestAtMs: number | null }> {
  const id = `${label}-cold-${++sequence}`;
  const jobPath = join(artifacts.outDir, 'jobs', `${id}.json`);
  mkdirSync(dirname(jobPath), { recursive: true });
  const resultPath = join(artifacts.outDir, 'jobs', `${id}.result.json`);
  writeFileSync(jobPath, JSON.stringify({ ...job, resultPath } satisfies ColdJob));
  const log = logFile(artifacts.outDir, id);
  const callsBefore = fakes.ssmCalls();
  const child = spawn(process.execPath, [...nodeArgs(id), artifacts.coldRunner, jobPath], {
    env: { ...lambdaEnv(fakes, job.bundle), ...env },
    stdio: ['ignore', log.fd, 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  closeSync(log.fd);
  if (code !== 0) throw failure(id, code, stderr, log.path);
  const result = JSON.parse(readFileSync(resultPath, 'utf8')) as ColdResult;
  const firstCall = fakes.ssmCallTimes[callsBefore];
  return {
    result,
    ssmCalls: fakes.ssmCalls() - callsBefore,
    // Both clocks are the machine's wall clock, so this is ms after require() started.
    ssmRequestAtMs: firstCall === undefined ? null : firstCall - result.loadStartEpochMs,
  };
}

/** Runs a warm child; `ssmCalls` counts only the measured phases (after its warm-up). */
export async function runWarmChild(
  artifacts: Artifacts,
  fakes: BenchFakes,
  job: WarmJob,
  label: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ result: WarmResult; ssmCalls: number }> {
  const id = `${label}-warm-${++sequence}`;
  const jobPath = join(artifacts.outDir, 'jobs', `${id}.json`);
  mkdirSync(dirname(jobPath), { recursive: true });
  writeFileSync(jobPath, JSON.stringify(job));
  const log = logFile(artifacts.outDir, id);
  const bundle = job.subject.kind === 'bundle' ? job.subject.bundle : artifacts.warmRunner;
  const child = fork(artifacts.warmRunner, [jobPath], {
    env: { ...lambdaEnv(fakes, bundle), ...env },
    stdio: ['ignore', log.fd, 'pipe', 'ipc'],
    execArgv: nodeArgs(id),
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let callsAtStart = 0;
  let result: WarmResult | undefined;
  child.on('message', (message: { type: string }) => {
    if (message.type === 'ready') {
      callsAtStart = fakes.ssmCalls();
      child.send('go');
    } else if (message.type === 'result') {
      result = message as WarmResult;
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  closeSync(log.fd);
  if (code !== 0 || !result) throw failure(id, code, stderr, log.path);
  return { result, ssmCalls: fakes.ssmCalls() - callsAtStart };
}
