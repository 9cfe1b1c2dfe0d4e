// One client's requests: validation, dispatch, streaming, cancellation, and exactly one final event each.
import type { WebSocket } from 'ws';
import type { DoneEvent, ErrorCode, ServerEvent } from '../../protocol/messages.js';
import { validateFrame } from '../../protocol/validate.js';
import type { Logger } from '../log.js';
import { CancelledError, executeRequest, type WorkRequest } from './execute.js';
import type { RequestRegistry } from './request-registry.js';

export { classify } from './execute.js';

export function serveConnection(ws: WebSocket, registry: RequestRegistry, log: Logger): void {
  const mine = new Map<string, AbortController>();
  let lastComplete: string | undefined;

  const send = (ev: ServerEvent) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(ev));
  };
  const fail = (id: string | null, code: ErrorCode, message: string, field?: string) =>
    send({ id, type: 'error', code, message, ...(field ? { field } : {}) });

  ws.on('message', (data, isBinary) => {
    if (isBinary) return fail(null, 'bad_request', 'binary frames are not accepted; send JSON text frames');
    const v = validateFrame(data.toString());
    if (!v.ok) return fail(v.id, 'bad_request', v.message, v.field);
    const req = v.request;
    if (mine.has(req.id)) return fail(req.id, 'bad_request', `a request with id "${req.id}" is already in flight on this connection`, 'id');
    if (req.type === 'cancel') {
      mine.get(req.target)?.abort(new CancelledError(`cancelled by request ${req.id}`));
      return send(doneWithoutWork(req.id));
    }
    if (req.type === 'complete') {
      // A new completion makes the previous one from the same client useless: stop it in the model.
      if (lastComplete) mine.get(lastComplete)?.abort(new CancelledError(`superseded by completion ${req.id}`));
      lastComplete = req.id;
    }
    void run(req);
  });

  ws.on('close', () => {
    for (const c of mine.values()) c.abort(new CancelledError('the client disconnected'));
  });

  async function run(req: WorkRequest): Promise<void> {
    const controller = new AbortController();
    mine.set(req.id, controller);
    try {
      await executeRequest(req, {
        registry, log, controller,
        chunk: (text) => send({ id: req.id, type: 'chunk', text }),
        finish: (outcome) => send({ id: req.id, ...outcome }),
      });
    } finally {
      mine.delete(req.id);
      if (lastComplete === req.id) lastComplete = undefined;
    }
  }
}

function doneWithoutWork(id: string): DoneEvent {
  return {
    id, type: 'done', stopReason: 'none',
    usage: { inputTokens: 0, evaluatedInputTokens: 0, outputTokens: 0 },
    timings: { firstTokenMs: 0, totalMs: 0 },
  };
}
