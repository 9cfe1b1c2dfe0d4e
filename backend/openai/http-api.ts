// The OpenAI API on the backend's own port: the same token, the same refusal of browser pages, and every request
// run by the same executor as a WebSocket request (same handlers, lanes, queue limit and cancellation).
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_MESSAGE_BYTES } from '../../protocol/messages.js';
import { parseChatBody, parseCompletionBody, type GenerationFields } from '../../protocol/openai.js';
import type { Logger } from '../log.js';
import { checkUpgrade } from '../server/auth.js';
import { CancelledError, executeRequest, type WorkRequest } from '../server/execute.js';
import type { RequestRegistry } from '../server/request-registry.js';
import {
  chatCompletion,
  ChunkMaker,
  errorFor,
  httpError,
  modelList,
  textCompletion,
  type HttpError,
  type ReplyIds,
} from './replies.js';
import { chatRequestFrom, completeRequestFrom, type Translation } from './translate.js';

export interface OpenAIApiOptions {
  token: string;
  registry: RequestRegistry;
  log: Logger;
  /** Largest accepted body; the WebSocket's frame limit by default, so both doors take the same requests. */
  maxBodyBytes?: number;
}

/** Past this many bytes of an oversized body, stop reading it and drop the connection. */
const DRAIN_LIMIT_FACTOR = 4;

type Route = 'models' | 'model' | 'chat' | 'completions';
const ROUTES: ReadonlyArray<[RegExp, Route, string]> = [
  [/^\/v1\/models\/?$/, 'models', 'GET'],
  [/^\/v1\/models\/(.+)$/, 'model', 'GET'],
  [/^\/v1\/chat\/completions\/?$/, 'chat', 'POST'],
  [/^\/v1\/completions\/?$/, 'completions', 'POST'],
];

class BodyTooLarge extends Error {}
/** The client went away before its body arrived: nobody to answer. */
class ClientGone extends Error {}

/** Returns a request handler that answers everything under /v1 and returns false for any other path. */
export function openAIHandler(opts: OpenAIApiOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const maxBody = opts.maxBodyBytes ?? MAX_MESSAGE_BYTES;
  const created = Math.floor(Date.now() / 1000);

  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/v1' && !path.startsWith('/v1/')) return false;
    void serve(req, res, path).catch((e: unknown) => {
      if (e instanceof ClientGone) return;
      opts.log.error(
        `OpenAI API request ${req.method} ${path} failed: ${String((e as Error | undefined)?.stack ?? e)}`,
      );
      if (!res.headersSent) sendError(res, httpError(500, 'internal error', 'server_error', 'internal_error'));
      else res.destroy();
    });
    return true;
  };

  async function serve(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const verdict = checkUpgrade(req, opts.token);
    if (!verdict.ok) {
      opts.log.warn(`refused an OpenAI API request from ${req.socket.remoteAddress}: ${verdict.reason}`);
      return sendError(
        res,
        verdict.status === 401
          ? httpError(
              401,
              'Missing or wrong API key: send the backend\'s token as "Authorization: Bearer TOKEN".',
              'invalid_request_error',
              'invalid_api_key',
              null,
              { 'www-authenticate': 'Bearer' },
            )
          : httpError(
              403,
              'Requests from web pages (with an Origin header) are refused.',
              'permission_error',
              'origin_refused',
            ),
      );
    }
    const match = ROUTES.map(([re, route, method]) => ({ m: re.exec(path), route, method })).find((r) => r.m);
    if (!match)
      return sendError(
        res,
        httpError(
          404,
          `Unknown path ${req.method} ${path}; Fude serves GET /v1/models, POST /v1/chat/completions and POST /v1/completions.`,
          'invalid_request_error',
          'unknown_url',
        ),
      );
    if (req.method !== match.method) {
      return sendError(
        res,
        httpError(
          405,
          `${req.method} is not allowed on ${path}; use ${match.method}.`,
          'invalid_request_error',
          'method_not_allowed',
          null,
          { allow: match.method },
        ),
      );
    }
    const info = opts.registry.host.info;
    if (match.route === 'models') return sendJson(res, 200, modelList(info, created));
    if (match.route === 'model') {
      const id = decodeURIComponent(match.m![1]);
      const model = modelList(info, created).data.find((m) => m.id === id);
      return model ? sendJson(res, 200, model) : sendError(res, unknownModel(id));
    }

    let raw: string;
    try {
      raw = await readBody(req, maxBody);
    } catch (e) {
      if (e instanceof BodyTooLarge)
        return sendError(
          res,
          httpError(
            413,
            `The request body is larger than ${maxBody} bytes.`,
            'invalid_request_error',
            'request_too_large',
          ),
        );
      throw e;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      return sendError(
        res,
        httpError(
          400,
          `The request body is not valid JSON: ${(e as Error).message}`,
          'invalid_request_error',
          'invalid_json',
        ),
      );
    }
    const parsed = match.route === 'chat' ? parseChatBody(value) : parseCompletionBody(value);
    if (!parsed.ok)
      return sendError(res, httpError(400, parsed.message, 'invalid_request_error', 'invalid_value', parsed.param));
    if (parsed.body.model !== info.name) return sendError(res, unknownModel(parsed.body.model));

    const suffix = randomBytes(12).toString('hex');
    const internalId = `openai-${suffix}`;
    const translation: Translation<WorkRequest> =
      'messages' in parsed.body
        ? chatRequestFrom(internalId, parsed.body)
        : completeRequestFrom(internalId, parsed.body);
    if (!translation.ok)
      return sendError(
        res,
        httpError(400, translation.message, 'invalid_request_error', 'invalid_value', translation.param),
      );
    const ids: ReplyIds = {
      id: `${match.route === 'chat' ? 'chatcmpl' : 'cmpl'}-${suffix}`,
      created: Math.floor(Date.now() / 1000),
      model: info.name,
    };
    await run(res, translation.request, parsed.body, ids, match.route === 'chat' ? 'chat' : 'text');
  }

  async function run(
    res: ServerResponse,
    request: WorkRequest,
    body: GenerationFields,
    ids: ReplyIds,
    kind: 'chat' | 'text',
  ): Promise<void> {
    const controller = new AbortController();
    // Closing the connection is how an OpenAI client cancels: stop the generation in the model.
    res.on('close', () => {
      if (!res.writableEnded) controller.abort(new CancelledError('the client closed the connection'));
    });
    const chunks = new ChunkMaker(ids, kind, body.includeUsage);
    const pieces: string[] = [];
    // Headers wait for the first text, so a full queue or an overlong prompt still gets its own status code.
    const open = () => {
      if (res.headersSent) return;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
      });
      const first = chunks.first();
      if (first) writeEvent(res, first);
    };
    await executeRequest(request, {
      registry: opts.registry,
      log: opts.log,
      controller,
      chunk: (text) => {
        if (!body.stream) return void pieces.push(text);
        open();
        writeEvent(res, chunks.delta(text));
      },
      finish: (outcome) => {
        if (res.destroyed || res.writableEnded) return;
        if (outcome.type === 'error') {
          const failure = errorFor(outcome.code, outcome.message);
          if (!res.headersSent) return sendError(res, failure);
          // Mid-stream: an error event (OpenAI's clients raise it), and no [DONE], so no reader takes the text as whole.
          writeEvent(res, failure.body);
          return void res.end();
        }
        if (!body.stream) {
          const text = pieces.join('');
          return sendJson(
            res,
            200,
            kind === 'chat' ? chatCompletion(ids, text, outcome) : textCompletion(ids, text, outcome),
          );
        }
        open();
        writeEvent(res, chunks.finish(outcome.stopReason));
        const usage = chunks.usage(outcome.usage);
        if (usage) writeEvent(res, usage);
        res.end('data: [DONE]\n\n');
      },
    });
  }
}

function unknownModel(id: string): HttpError {
  return httpError(
    404,
    `The model '${id}' does not exist here; GET /v1/models lists the one this backend serves.`,
    'invalid_request_error',
    'model_not_found',
    'model',
  );
}

function writeEvent(res: ServerResponse, data: unknown): void {
  // Text may still arrive between the client's close and the abort reaching the model.
  if (!res.destroyed && !res.writableEnded) res.write(`data: ${JSON.stringify(data)}\n\n`);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      ...headers,
    })
    .end(text);
}

function sendError(res: ServerResponse, e: HttpError): void {
  sendJson(res, e.status, e.body, e.headers);
}

/** The whole body as text, or BodyTooLarge once it passes `limit` (read to its end first, so the client sees the 413). */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    req.on('data', (d: Buffer) => {
      size += d.length;
      if (size > limit) tooLarge = true;
      if (tooLarge) {
        // Draining lets the client finish sending and read the answer; a body far past the limit is cut off.
        if (size > limit * DRAIN_LIMIT_FACTOR) {
          req.socket.destroy();
          reject(new BodyTooLarge());
        }
        return;
      }
      parts.push(d);
    });
    req.on('end', () => (tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(parts).toString('utf8'))));
    req.on('error', () => reject(new ClientGone()));
    req.on('close', () => {
      if (!req.complete) reject(new ClientGone());
    });
  });
}
