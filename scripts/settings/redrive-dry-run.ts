import type { SQSClient } from '@aws-sdk/client-sqs';
import { queueAttributes, type DeliveryQueues } from './delivery-resources';
import {
  passOverDlq,
  PREVIEW_VISIBILITY_SECONDS,
  releaseLetters,
  unreadNote,
  type DeadLetter,
} from './dlq-pass';
import type { WriteLine } from './output';

/** `redrive --dry-run`: a receive-only pass, counted by robot and reason; nothing moves. */
export async function previewRedrive(
  sqs: SQSClient,
  queues: DeliveryQueues,
  robot: string | undefined,
  out: WriteLine,
): Promise<void> {
  const { ApproximateNumberOfMessages: waiting } = await queueAttributes(sqs, queues.dlq, [
    'ApproximateNumberOfMessages',
  ]);
  const letters = await passOverDlq(sqs, queues.dlq, {
    visibilitySeconds: PREVIEW_VISIBILITY_SECONDS,
    waitSeconds: 1,
  });
  await releaseLetters(sqs, queues.dlq, letters);
  out(`Dry run: nothing moved. ${letters.length} dead letter(s) read:`);
  for (const line of countLines(letters)) out(`  ${line}`);
  const note = unreadNote(letters.length, Number(waiting ?? 0));
  if (note) out(note);
  out(
    robot === undefined
      ? `redrive would move every dead letter (${letters.length} read).`
      : `redrive --robot ${robot} would re-send ${letters.filter((l) => l.robot === robot).length}.`,
  );
}

/** `team: keyword 3, expired 1`, one line per robot. */
function countLines(letters: DeadLetter[]): string[] {
  const byRobot = new Map<string, Map<string, number>>();
  for (const { robot, reason } of letters) {
    const reasons = byRobot.get(robot || '(unnamed)') ?? new Map<string, number>();
    reasons.set(reason || 'no reason', (reasons.get(reason || 'no reason') ?? 0) + 1);
    byRobot.set(robot || '(unnamed)', reasons);
  }
  return [...byRobot].map(
    ([robot, reasons]) =>
      `${robot}: ${[...reasons].map(([reason, n]) => `${reason} ${n}`).join(', ')}`,
  );
}
