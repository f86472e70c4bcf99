/**
 * What the benchmark's child processes are told (a JSON job file) and what they answer. The
 * children are plain Node processes, so they import nothing from the project.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export interface Answer {
  statusCode: number;
  body: string;
}

export interface ColdJob {
  /** The bundled handler module, as Lambda would load it. */
  bundle: string;
  event: APIGatewayProxyEventV2;
  resultPath: string;
}

export interface ColdResult {
  /** performance.now() (ms since the process started) just before require(). */
  loadStartMs: number;
  requireMs: number;
  /** From require() to the first answer: module evaluation, settings load, first event. */
  coldStartMs: number;
  /** Epoch ms when require() started, to place the fakes' observations on the same clock. */
  loadStartEpochMs: number;
  answer: Answer;
  maxRssKb: number;
}

export interface FloorRobot {
  url: string;
  secret: string;
  keyword: string | null;
}

export interface WarmJob {
  /** Either a bundled handler or the floor (bench/floor.ts) built into the runner. */
  subject: { kind: 'bundle'; bundle: string } | { kind: 'floor'; robots: FloorRobot[] };
  body: string;
  giteeSecret: string;
  /** Epoch ms of the first event; each next event is one ms later (unique deliveries). */
  firstTimestamp: number;
  warmup: number;
  sequential: number;
  concurrent: number;
  concurrency: number;
}

/** Sent by the warm child when warm-up is over; the parent answers 'go'. */
export interface WarmReady {
  type: 'ready';
}

export interface WarmResult {
  type: 'result';
  /** Per sequential invocation, ms. */
  latencies: number[];
  sequentialElapsedMs: number;
  concurrentElapsedMs: number;
  /** Answers other than 200 in the measured phases (must be 0 for the figures to count). */
  failures: number;
  firstFailure: Answer | null;
  maxRssKb: number;
}
