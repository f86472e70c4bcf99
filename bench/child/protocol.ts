/**
 * What the benchmark's child processes are told (a JSON job file) and what they answer. The
 * children are plain Node processes, so they import nothing from the project.
 */
import type { APIGatewayProxyEventV2, SQSEvent } from 'aws-lambda';

export interface Answer {
  statusCode: number;
  body: string;
}

export interface ColdJob {
  /** The bundled handler module, as Lambda would load it. */
  bundle: string;
  /** An API Gateway event for the webhooks, an SQSEvent for the consumers. */
  event: APIGatewayProxyEventV2 | SQSEvent;
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
  /** The handler's whole answer (a consumer's SQSBatchResponse has no statusCode). */
  response: unknown;
  maxRssKb: number;
}

export interface FloorRobot {
  url: string;
  secret: string;
  keyword: string | null;
}

/** Where the queue-mode floor (bench/queue-floor.ts) sends its one SendMessage. */
export interface QueueFloorTarget {
  endpoint: string;
  queueUrl: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

export interface WarmJob {
  /** A bundled handler, or one of the floors (bench/floor.ts, bench/queue-floor.ts). */
  subject:
    | { kind: 'bundle'; bundle: string }
    | { kind: 'floor'; robots: FloorRobot[] }
    | { kind: 'queue-floor'; target: QueueFloorTarget };
  /** The status every answer must have to count (default 200; queue mode answers 202). */
  expectStatus?: number;
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
