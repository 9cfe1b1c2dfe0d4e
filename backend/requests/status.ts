import type { StatusRequest } from '../../protocol/messages.js';
import { availableRam } from '../setup/resource-plan.js';
import type { Handler } from './handler.js';

export const handleStatus: Handler<StatusRequest> = async (_req, ctx) => {
  const { llama, info } = ctx.host;
  const [ram, vram] = await Promise.all([llama.getRamState(), llama.getVramState()]);
  const lanes = ctx.host.lanes();
  const load = ctx.load();
  return {
    stopReason: 'none',
    usage: { inputTokens: 0, evaluatedInputTokens: 0, outputTokens: 0 },
    status: {
      model: info,
      memory: {
        ramFreeBytes: availableRam(ram.free),
        ramTotalBytes: ram.total,
        vramFreeBytes: vram.free,
        vramTotalBytes: vram.total,
        parts: ctx.host.memoryParts.map((p) => ({ ...p })),
      },
      sequences: { total: lanes.length, inUse: lanes.filter((l) => l.busy).length },
      requestsInFlight: load.inFlight,
      requestsQueued: load.queued,
      throughput: ctx.host.throughput.current(),
      lanes: lanes.map((l) => l.status()),
    },
  };
};
