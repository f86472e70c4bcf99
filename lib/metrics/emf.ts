/**
 * CloudWatch Embedded Metric Format: one JSON log line that CloudWatch Logs turns into
 * metrics, so no PutMetricData call (and no permission for it) is needed. Namespace
 * `GiteeDingtalk`, one dimension `FunctionName` (the Lambda function, as the alarms in
 * serverless.yml select it). Counters are written as `Count` with the sum of the values.
 */
export const EMF_NAMESPACE = 'GiteeDingtalk';

/** The counters the relay emits: the deliver function's outcomes and the webhook's losses. */
export type MetricName = 'Sent' | 'Merged' | 'Deferred' | 'DeadLettered' | 'EnqueueFailed';

export type WriteMetrics = (counts: Partial<Record<MetricName, number>>) => void;

export function createEmfWriter(deps: {
  functionName: string;
  now: () => number;
  write?: (line: string) => void;
}): WriteMetrics {
  const write = deps.write ?? ((line: string) => console.log(line));
  return (counts) => {
    const names = (Object.keys(counts) as MetricName[]).filter((name) => (counts[name] ?? 0) > 0);
    if (names.length === 0) return;
    const line: Record<string, unknown> = {
      _aws: {
        Timestamp: deps.now(),
        CloudWatchMetrics: [
          {
            Namespace: EMF_NAMESPACE,
            Dimensions: [['FunctionName']],
            Metrics: names.map((Name) => ({ Name, Unit: 'Count' })),
          },
        ],
      },
      FunctionName: deps.functionName,
    };
    for (const name of names) line[name] = counts[name];
    write(JSON.stringify(line));
  };
}

/** Metrics nowhere: tests and tools that do not assert on them. */
export const noMetrics: WriteMetrics = () => {};
