// What chat, complete and prefill share around their work on a lane: waiting for the lane, a scheduler ticket at the
// request's priority, the chunk size for its prompt, the lane's "evaluating" state for `status`, progress for the
// client, and the figures its `done` reports (throughput, time queued).
import type { LlamaContextSequence } from 'node-llama-cpp';
import type { Throughput } from '../../protocol/messages.js';
import type { Lane } from '../engine/lane.js';
import type { ModelHost } from '../engine/model-host.js';
import { chunkFor } from '../engine/prompt-feed.js';
import { PRIORITY, type Priority, type Ticket } from '../engine/scheduler.js';
import type { Measured } from '../engine/throughput.js';
import type { HandlerContext } from './handler.js';

/**
 * How long one prompt chunk may hold the cores, by priority: a chat's chunk is what a completion typed during it
 * waits for at most; a prefill's chunk is what the next keystroke's completion waits for. A completion's own prompt
 * goes in whole batches (nothing outranks it).
 */
const CHUNK_TARGET_MS: Record<Priority, number> = {
  [PRIORITY.prefill]: 150,
  [PRIORITY.chat]: 250,
  [PRIORITY.complete]: Number.POSITIVE_INFINITY,
};
/** node-llama-cpp's own priority (1..5) for items sharing one batch. */
const EVALUATION_PRIORITY = { [PRIORITY.prefill]: 1, [PRIORITY.chat]: 3, [PRIORITY.complete]: 5 } as const;

export interface LaneJob {
  sequence: LlamaContextSequence;
  ticket: Ticket;
  evaluationPriority: 1 | 3 | 5;
  chunkTokens: () => number;
  /** For generate/feedPrompt: keeps the lane's status and the client's progress events up to date. */
  onProgress: (evaluated: number, total: number) => void;
  /** The figures for `done`: this request's speeds (or the running estimate) and its time waiting. */
  finish(
    measured: Measured,
    firstWaitMs: number,
    opts?: { decode?: boolean },
  ): { throughput: Throughput; queuedMs: number };
}

export async function runOnLane<T>(
  ctx: HandlerContext,
  lane: Lane,
  priority: Priority,
  job: (j: LaneJob) => Promise<T>,
): Promise<T> {
  const host: ModelHost = ctx.host;
  const asked = performance.now();
  return lane.run(async (sequence) => {
    const laneWaitMs = performance.now() - asked;
    const ticket = host.scheduler.enter(priority);
    const target = CHUNK_TARGET_MS[priority];
    try {
      return await job({
        sequence,
        ticket,
        evaluationPriority: EVALUATION_PRIORITY[priority],
        chunkTokens: () =>
          chunkFor(Number.isFinite(target) ? host.throughput.promptRate : 0, target, sequence.context.batchSize),
        onProgress: (evaluated, total) => {
          lane.evaluating = evaluated < total ? { evaluated, total } : undefined;
          if (evaluated > 0 && evaluated < total) ctx.progress(evaluated, total);
        },
        finish: (measured, firstWaitMs, opts) => ({
          throughput: host.throughput.record(measured, opts),
          queuedMs: Math.round((laneWaitMs + firstWaitMs) * 10) / 10,
        }),
      });
    } finally {
      ticket.leave();
      lane.evaluating = undefined;
    }
  }, ctx.signal);
}
