// Prefill: evaluate the prompt `complete` would build into the completion lane's KV cache ahead of the keystroke,
// generating nothing, at the lowest priority. It waits while any other lane evaluates (engine/scheduler.ts), stops
// between batches when cancelled or superseded (the next complete or prefill from its connection), and gives way at
// once when another request waits for the completion lane. Whatever it evaluated stays in the cache: the next
// completion with the same beginning evaluates only what differs.
import type { PrefillRequest } from '../../protocol/messages.js';
import { feedPrompt } from '../engine/prompt-feed.js';
import { PRIORITY } from '../engine/scheduler.js';
import { completionTokens } from './complete.js';
import type { Handler } from './handler.js';
import { runOnLane } from './lane-job.js';

/** A prefill stopped because another request wanted the completion lane: reported as `cancelled`. */
export class GaveWayError extends Error {}

export const handlePrefill: Handler<PrefillRequest> = async (req, ctx) => {
  const { host } = ctx;
  const { tokens } = await completionTokens(ctx, req.prefix, req.suffix ?? '');
  const lane = host.lane('complete');
  return runOnLane(ctx, lane, PRIORITY.prefill, async (job) => {
    const giveWay = new AbortController();
    const stopListening = lane.onQueued(() =>
      giveWay.abort(new GaveWayError(`prefill ${req.id} gave way to a request waiting for the completion lane`)),
    );
    const { signal, dispose } = eitherSignal(ctx.signal, giveWay.signal);
    try {
      // Keep what the cache already holds of this prompt; drop what differs (the cursor moved).
      await job.sequence.adaptStateToTokens(tokens, false);
      const rest = tokens.slice(job.sequence.nextTokenIndex);
      job.onProgress(0, rest.length);
      const fed = await feedPrompt(job.sequence, rest, {
        ticket: job.ticket,
        signal,
        evaluationPriority: job.evaluationPriority,
        chunkTokens: job.chunkTokens,
        onChunk: (done, total) => job.onProgress(done, total),
      });
      const { throughput, queuedMs } = job.finish(
        { promptTokens: fed.evaluated, promptMs: fed.ms, decodeTokens: 0, decodeMs: 0 },
        fed.firstWaitMs,
      );
      return {
        stopReason: 'none',
        usage: { inputTokens: tokens.length, evaluatedInputTokens: fed.evaluated, outputTokens: 0 },
        throughput,
        queuedMs,
      };
    } finally {
      stopListening();
      dispose();
    }
  });
};

/** A signal that aborts when either does, with the first one's reason (AbortSignal.any needs Node 20.3). */
function eitherSignal(a: AbortSignal, b: AbortSignal): { signal: AbortSignal; dispose: () => void } {
  const c = new AbortController();
  const onA = () => c.abort(a.reason);
  const onB = () => c.abort(b.reason);
  const dispose = () => {
    a.removeEventListener('abort', onA);
    b.removeEventListener('abort', onB);
  };
  if (a.aborted) onA();
  else if (b.aborted) onB();
  else {
    a.addEventListener('abort', onA, { once: true });
    b.addEventListener('abort', onB, { once: true });
  }
  return { signal: c.signal, dispose };
}
