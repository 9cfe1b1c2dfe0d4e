import type { ChatRequest } from '../../protocol/messages.js';
import { generate, maxPromptTokens } from '../engine/generate.js';
import { PRIORITY } from '../engine/scheduler.js';
import { samplingFor } from '../../common/sampling.js';
import type { Handler } from './handler.js';
import { runOnLane } from './lane-job.js';

export const handleChat: Handler<ChatRequest> = async (req, ctx) => {
  const { host } = ctx;
  const lane = host.lane(req.lane ?? 'chat');
  const contextSize = lane.sequence.contextSize;
  const { tokens } = await host.chatFormat.prompt(req.messages, {
    maxTokens: maxPromptTokens(contextSize),
    contextSize,
    signal: ctx.signal,
  });
  return runOnLane(ctx, lane, PRIORITY.chat, async (job) => {
    // Input lookup where the request asks for it (our own loop: engine/lookup-decode.ts); otherwise the draft model
    // where one was loaded (node-llama-cpp's token predictor on the lane's sequence).
    const mode = req.predictFrom === 'input' ? 'input' : lane.predictor?.hasDraft ? 'draft' : 'none';
    lane.predictor?.use(mode === 'draft' ? 'draft' : 'none');
    const before = job.sequence.tokenPredictions;
    try {
      const result = await generate(job.sequence, host.model, tokens, {
        sampling: samplingFor(host.info.family, req),
        stopStrings: [...host.chatFormat.stopStrings, ...(req.stop ?? [])],
        signal: ctx.signal,
        onText: ctx.chunk,
        backpressure: ctx.backpressure,
        ticket: job.ticket,
        evaluationPriority: job.evaluationPriority,
        chunkTokens: job.chunkTokens,
        onProgress: job.onProgress,
        ...(mode === 'input' ? { predictFrom: tokens, lookupLength: host.lookupLength } : {}),
      });
      // A predicted answer's decode speed depends on its text: it does not move the machine's decode estimate.
      const { throughput, queuedMs } = job.finish(result.measured, result.firstWaitMs, { decode: mode === 'none' });
      const after = job.sequence.tokenPredictions;
      const prediction =
        mode === 'input'
          ? { prediction: result.prediction! }
          : mode === 'draft'
            ? {
                prediction: {
                  predictedTokens: after.validated + after.refuted - before.validated - before.refuted,
                  acceptedTokens: after.validated - before.validated,
                },
              }
            : {};
      return { stopReason: result.stopReason, usage: result.usage, throughput, queuedMs, ...prediction };
    } finally {
      lane.predictor?.use('none');
    }
  });
};
