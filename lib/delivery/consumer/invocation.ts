import type { MetricName } from '../../metrics/emf';
import type { Settings } from '../../settings/types';
import type { DeliveryOutcome } from '../outcome';
import type { DeliverDeps } from '../deliver-handler';

/** The consumer's dependencies with their defaults filled in (see DeliverDeps). */
export type ConsumerDeps = Omit<
  DeliverDeps,
  'sleep' | 'random' | 'metrics' | 'observe' | 'timeoutMs'
> &
  Required<Pick<DeliverDeps, 'sleep' | 'random'>>;

/** One handler call: the settings it runs on, its time, and where outcomes go. */
export interface Invocation {
  deps: ConsumerDeps;
  /** The settings read at the start, replaced by a refresh. */
  settings: Settings;
  /** Every send has settled by then. */
  deadline: number;
  /** No send starts after this: one that did could not settle by the deadline. */
  sendsUntil: number;
  /** Re-reads the settings at most once per call; null when they cannot be read. */
  refresh(): Promise<Settings | null>;
  report(outcome: DeliveryOutcome, detail: { group: string; errcode?: number }): void;
  count(metric: MetricName, value: number): void;
}

export function createInvocation(input: {
  deps: ConsumerDeps;
  settings: Settings;
  deadline: number;
  sendsUntil: number;
  observe?: (outcome: DeliveryOutcome) => void;
  counts: Partial<Record<MetricName, number>>;
}): Invocation {
  const { deps, counts } = input;
  let refreshed: Promise<Settings | null> | undefined;
  const invocation: Invocation = {
    deps,
    settings: input.settings,
    deadline: input.deadline,
    sendsUntil: input.sendsUntil,
    refresh() {
      refreshed ??= deps.settings.refresh().then(
        (fresh) => {
          invocation.settings = fresh;
          return fresh;
        },
        () => null,
      );
      return refreshed;
    },
    report(outcome, detail) {
      // One line per outcome; keys are hashes and names are ours: no secret, no URL.
      deps.logger.info('delivery outcome', {
        robot: outcome.robot,
        group: detail.group,
        fate: outcome.fate,
        ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
        ...(outcome.until === undefined ? {} : { until: outcome.until }),
        ...(detail.errcode === undefined ? {} : { errcode: detail.errcode }),
        keys: outcome.keys,
      });
      input.observe?.(outcome);
    },
    count(metric, value) {
      counts[metric] = (counts[metric] ?? 0) + value;
    },
  };
  return invocation;
}
