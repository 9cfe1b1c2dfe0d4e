/** Fakes for the chat session: a scripted engine, an in-memory store, recording editor. */
import type { ChatMessage, CountResult, DoneEvent } from '../../../protocol/messages.js';
import type { Attachment } from '../../../extension/chat/attachments.js';
import type { BeforeSend } from '../../../extension/chat/before-send.js';
import { ChatSession } from '../../../extension/chat/chat-session.js';
import type { ChatCall, CountCall } from '../../../extension/engine/engine.js';
import { describeLeftOut } from './left-out-text.js';
import { HistoryStore, type HistoryOptions, type KeyValueStore } from '../../../extension/chat/history-store.js';
import { MemoryDisk } from './memory-disk.js';
import type { ExtensionMessage, ModelHeader } from '../../../extension/chat/panel-messages.js';
import type { ChatSessionDeps, EditorBridge, SessionTexts } from '../../../extension/chat/session-types.js';

export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  get(key: string): unknown {
    const text = this.data.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
  }
}

/** What the fake backend answers: chunks, then done (or an error, or forever until cancelled). */
export interface Script {
  chunks: string[];
  loop?: boolean;
  stopReason?: DoneEvent['stopReason'];
  error?: { code: string; message: string; retryAfterMs?: number };
  /** Reading progress (evaluated, total) reported before the first chunk. */
  progress?: Array<[number, number]>;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const backendError = (code: string, message: string, retryAfterMs?: number) =>
  Object.assign(new Error(message), { code }, retryAfterMs !== undefined ? { retryAfterMs } : {});

function done(outputTokens: number, stopReason: DoneEvent['stopReason']): DoneEvent {
  return {
    id: 'r1',
    type: 'done',
    stopReason,
    usage: { inputTokens: 10, evaluatedInputTokens: 10, outputTokens },
    timings: { firstTokenMs: 10, totalMs: 10 + 10 * Math.max(0, outputTokens - 1) },
  };
}

class FakeGeneration implements AsyncIterable<string> {
  readonly done: Promise<DoneEvent>;
  private settle!: { resolve: (d: DoneEvent) => void; reject: (e: Error) => void };

  constructor(
    private readonly script: Script,
    private readonly signal: AbortSignal | undefined,
    private readonly call?: ChatCall,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    this.done.catch(() => undefined);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    let sent = 0;
    for (const [evaluatedTokens, totalTokens] of this.script.progress ?? []) {
      await tick();
      this.call?.onProgress?.({ evaluatedTokens, totalTokens });
    }
    for (let i = 0; this.script.loop || i < this.script.chunks.length; i++) {
      await tick();
      if (this.signal?.aborted) {
        const error = backendError('cancelled', 'the request was cancelled');
        this.settle.reject(error);
        throw error;
      }
      sent++;
      yield this.script.chunks[i % this.script.chunks.length];
    }
    if (this.script.error) {
      const error = backendError(this.script.error.code, this.script.error.message, this.script.error.retryAfterMs);
      this.settle.reject(error);
      throw error;
    }
    this.settle.resolve(done(sent, this.script.stopReason ?? 'eos'));
  }
}

export interface FakeClient {
  chat(call: ChatCall, signal?: AbortSignal): FakeGeneration;
  count(call: CountCall): Promise<CountResult | undefined>;
  requests: ChatCall[];
  signals: AbortSignal[];
  script: Script;
  /** Tokens a prompt costs as the "real tokenizer" counts it. */
  exactCount: (messages: ChatMessage[]) => number;
}

export function fakeClient(script: Script): FakeClient {
  const client: FakeClient = {
    requests: [],
    signals: [],
    script,
    exactCount: (messages) => messages.reduce((sum, m) => sum + Array.from(m.content).length + 8, 0),
    chat(body, signal) {
      client.requests.push(body);
      if (signal) client.signals.push(signal);
      return new FakeGeneration(client.script, signal, body);
    },
    async count({ messages, texts }) {
      return {
        ...(messages ? { prompt: client.exactCount(messages) } : {}),
        texts: (texts ?? []).map((t) => Array.from(t).length),
      };
    },
  };
  return client;
}

export const TEXTS: SessionTexts = {
  reading: (v) =>
    `reading ${v.evaluatedTokens}/${v.totalTokens}${v.secondsLeft === undefined ? '' : `, ${v.secondsLeft} s left`}`,
  untitled: 'New chat',
  busy: 'busy',
  notReady: 'not ready',
  nothingToRegenerate: 'nothing to regenerate',
  regenerate: 'Regenerate',
  tooLong: (tokens, limit) => `too long ${tokens}/${limit}`,
  leftOut: describeLeftOut,
  failed: (code, retryAfterMs) =>
    `failed ${code}${retryAfterMs !== undefined ? ` (retry after ${retryAfterMs} ms)` : ''}`,
  cutShort: 'cut short',
  historyFull: (bytes, limit) => `history full ${bytes}/${limit}`,
  attachmentCut: (cut) =>
    `cut ${cut.name} ${cut.keptChars}/${cut.totalChars} chars, ${cut.keptLines}/${cut.totalLines} lines`,
  evicted: (titles) => `evicted ${titles.join(' | ')}`,
  answerCut: 'answer cut',
};

export class RecordingEditor implements EditorBridge {
  readonly calls: Array<[string, ...unknown[]]> = [];
  nextFile: Attachment | undefined;
  async copy(code: string) {
    this.calls.push(['copy', code]);
  }
  async insert(code: string) {
    this.calls.push(['insert', code]);
  }
  async diff(code: string, language: string) {
    this.calls.push(['diff', code, language]);
  }
  async openLink(url: string) {
    this.calls.push(['openLink', url]);
  }
  async activeFile() {
    this.calls.push(['activeFile']);
    return this.nextFile;
  }
  async pickOpenFile() {
    this.calls.push(['pickOpenFile']);
    return this.nextFile;
  }
  async showTerms() {
    this.calls.push(['showTerms']);
  }
}

export interface Harness {
  session: ChatSession;
  client: FakeClient;
  editor: RecordingEditor;
  store: MemoryStore;
  disk: MemoryDisk;
  history: HistoryStore;
  /** Everything posted to the panel. */
  posted: ExtensionMessage[];
  logs: string[];
  headerActions: string[];
  deps: ChatSessionDeps;
  of<K extends ExtensionMessage['type']>(type: K): Array<Extract<ExtensionMessage, { type: K }>>;
}

/** The model the fake engine serves: tests switch it to check per-answer labels and the header's speed. */
export const fakeModel = { name: 'fake-model-a', key: 'a' };

export function harness(
  o: {
    script?: Script;
    beforeSend?: BeforeSend;
    noClient?: boolean;
    contextSize?: number;
    store?: MemoryStore;
    disk?: MemoryDisk;
    limits?: HistoryOptions;
  } = {},
): Harness {
  fakeModel.name = 'fake-model-a';
  fakeModel.key = 'a';
  const store = o.store ?? new MemoryStore();
  const disk = o.disk ?? new MemoryDisk();
  let ids = 0;
  const history = new HistoryStore(disk, { untitled: TEXTS.untitled, newId: () => `c${++ids}`, ...o.limits });
  const client = fakeClient(o.script ?? { chunks: ['こんにちは', '。'] });
  const editor = new RecordingEditor();
  const posted: ExtensionMessage[] = [];
  const logs: string[] = [];
  const headerActions: string[] = [];
  const header: ModelHeader = {
    name: 'fake',
    gpu: null,
    server: null,
    tokensPerSecond: null,
    phase: 'ready',
    status: null,
    actions: [],
    isDemo: false,
  };
  const deps: ChatSessionDeps = {
    history,
    memory: store,
    engine: client,
    ensureReady: async () => !o.noClient,
    contextSize: () => o.contextSize ?? 4096,
    sampling: () => ({ temperature: 0.5 }),
    beforeSend: o.beforeSend ?? (async () => true),
    editor,
    texts: TEXTS,
    header: (tokensPerSecond) => ({ ...header, tokensPerSecond }),
    answeringModel: () => fakeModel.name,
    modelKey: () => fakeModel.key,
    termsLine: () => true,
    runHeaderAction: async (choice) => {
      headerActions.push(choice);
    },
    log: (line) => logs.push(line),
  };
  const session = new ChatSession(deps);
  session.attachView((m) => posted.push(m));
  return {
    session,
    client,
    editor,
    store,
    disk,
    history,
    posted,
    logs,
    headerActions,
    deps,
    of: (type) => posted.filter((m) => m.type === type) as never,
  };
}

/** Sends like the webview, then waits for the answer to end. */
export async function ask(h: Harness, text: string, attachments: string[] = []): Promise<void> {
  await h.session.receive({ type: 'send', text, attachments });
  await h.session.idle();
}

export function lastState(h: Harness) {
  const states = h.of('state');
  return states[states.length - 1];
}
