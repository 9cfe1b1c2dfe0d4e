// The real backend on GGUFs with the real LLM-jp-3 and Fugaku-LLM vocabularies: the ids of chat, documentation,
// completion and render prompts equal SentencePiece's (the reference) for every corpus string, with one BOS for
// LLM-jp-3 and none for Fugaku-LLM in every path. Render returns the ids; chat and completion report how many
// they evaluated (usage.inputTokens), and render is built by the same code they use.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ChatMessage, DoneEvent } from '../../protocol/messages.js';
import { makeTinyModelDir, removeTinyModelDir } from '../fixtures/preset-files.js';
import { vocabPresets } from '../fixtures/vocab-presets.js';
import { REAL_VOCABS, type RealVocabName } from '../fixtures/spm-gguf-vocab.js';
import { loadReference, readCorpus, type ReferenceTokenizer } from '../fixtures/tokenizer-reference.js';
import { writeVocabModel } from '../fixtures/vocab-model.js';
import { Client, spawnBackend, type BackendProcess, type Collected } from './harness.js';

const SYSTEM = '以下は、タスクを説明する指示です。要求を適切に満たす応答を書きなさい。';
const INSTRUCTION = '\n\n### 指示:\n';
const RESPONSE = '\n\n### 応答:\n';
const CONTEXT = 32_768;
const corpus = readCorpus();

function done(r: Collected): DoneEvent {
  assert.equal(r.final.type, 'done', JSON.stringify(r.final).slice(0, 300));
  return r.final;
}

interface Family {
  vocab: RealVocabName;
  preset: keyof typeof vocabPresets;
  extra: string[];
  /** Ids of the chat prompt for [system, user: text], by the reference. */
  chat(ref: ReferenceTokenizer, text: string): number[];
  /** Ids of a completion prompt for `prefix`. */
  complete(ref: ReferenceTokenizer, prefix: string): number[];
  /** Ids of [system, user a, assistant b, user c]. */
  multiTurn(ref: ReferenceTokenizer, a: string, b: string, c: string): number[];
}

const LLM_JP: Family = {
  vocab: 'llm-jp-3',
  preset: 'llm-jp-3-vocab',
  extra: [],
  chat: (ref, t) => [1, ...ref.encode(SYSTEM + INSTRUCTION + t + RESPONSE)],
  complete: (ref, p) => [1, ...ref.encode(p)],
  // The template's EOS after an assistant turn is id 2; the text after it is a new run with its own "▁".
  multiTurn: (ref, a, b, c) => [
    1,
    ...ref.encode(SYSTEM + INSTRUCTION + a + RESPONSE + b),
    2,
    ...ref.encode(INSTRUCTION + c + RESPONSE),
  ],
};

const FUGAKU: Family = {
  vocab: 'fugaku-llm',
  preset: 'fugaku-vocab',
  extra: ['--accept-terms', 'fugaku-llm'],
  chat: (ref, t) => ref.encode(SYSTEM + INSTRUCTION + t + RESPONSE),
  complete: (ref, p) => ref.encode(p),
  multiTurn: (ref, a, b, c) => ref.encode(SYSTEM + INSTRUCTION + a + RESPONSE + b + INSTRUCTION + c + RESPONSE),
};

describe('backend: exact tokens on the real LLM-jp-3 and Fugaku-LLM vocabularies', function () {
  this.timeout(600_000);
  let dir: string;
  const backends: BackendProcess[] = [];
  const clients: Client[] = [];
  const byVocab = new Map<RealVocabName, Client>();
  let n = 0;
  const id = () => `x${++n}`;

  async function open(preset: keyof typeof vocabPresets, extra: string[], addBos = true): Promise<Client> {
    const options = vocabPresets[preset]();
    const model = writeVocabModel(join(dir, `${preset}-${addBos}.gguf`), {
      ...options,
      addBos,
      shape: { ...options.shape, contextLength: CONTEXT },
    });
    const b = spawnBackend([
      '--model',
      model.path,
      '--context-size',
      String(CONTEXT),
      '--complete-context-size',
      String(CONTEXT),
      ...extra,
    ]);
    backends.push(b);
    const c = await Client.connect((await b.ready).port);
    clients.push(c);
    return c;
  }

  before(() => {
    dir = makeTinyModelDir();
  });
  after(async () => {
    for (const c of clients) c.close();
    await Promise.all(backends.map((b) => b.stop()));
    removeTinyModelDir(dir);
  });

  for (const family of [LLM_JP, FUGAKU]) {
    describe(family.vocab, () => {
      let c: Client;
      let ref: ReferenceTokenizer;
      const bos = REAL_VOCABS[family.vocab].bos;
      const bosCount = family === LLM_JP ? 1 : 0;
      before(async () => {
        [c, ref] = await Promise.all([open(family.preset, family.extra), loadReference(family.vocab)]);
        byVocab.set(family.vocab, c);
      });

      const chatMessages = (text: string): ChatMessage[] => [
        { role: 'system', content: '' },
        { role: 'user', content: text },
      ];

      it(`render of chat prompts gives the reference ids for all ${corpus.length} corpus strings, with ${bosCount} BOS`, async () => {
        const wrong: string[] = [];
        for (const { text } of corpus) {
          const r = done(await c.request({ id: id(), type: 'render', messages: chatMessages(text) })).render!;
          if (JSON.stringify(r.tokens) !== JSON.stringify(family.chat(ref, text)))
            wrong.push(JSON.stringify(text.slice(0, 50)));
          assert.equal(r.tokens.filter((t) => t === bos).length, bosCount);
          assert.equal(r.pieces.length, r.tokens.length);
        }
        assert.deepEqual(wrong, []);
      });

      it(`render of completion prompts gives the reference ids for all ${corpus.length} corpus strings`, async () => {
        const wrong: string[] = [];
        for (const { text } of corpus) {
          const r = done(await c.request({ id: id(), type: 'render', prefix: text })).render!;
          if (JSON.stringify(r.tokens) !== JSON.stringify(family.complete(ref, text)))
            wrong.push(JSON.stringify(text.slice(0, 50)));
          assert.equal(r.tokens.filter((t) => t === bos).length, bosCount);
        }
        assert.deepEqual(wrong, []);
      });

      it('render of multi-turn chats: EOS after each answer as an id, each text run tokenized on its own', async () => {
        const texts = corpus.map((x) => x.text).filter((t) => t.length < 400);
        for (let i = 0; i + 2 < texts.length; i += 37) {
          const [a, b, cc] = [texts[i], texts[i + 1], texts[i + 2]];
          const messages: ChatMessage[] = [
            { role: 'system', content: '' },
            { role: 'user', content: a },
            { role: 'assistant', content: b },
            { role: 'user', content: cc },
          ];
          const r = done(await c.request({ id: id(), type: 'render', messages })).render!;
          assert.deepEqual(r.tokens, family.multiTurn(ref, a, b, cc), JSON.stringify([a, b, cc]));
        }
      });

      it('chat, documentation and completion evaluate exactly the rendered ids, for every corpus string', async () => {
        const wrong: string[] = [];
        for (const { text } of corpus) {
          const expectedChat = family.chat(ref, text).length;
          const expectedComplete = family.complete(ref, text).length;
          // The three lanes run concurrently; each request's prompt is evaluated in full on its own sequence.
          const [chat, docs, complete] = await Promise.all([
            // Greedy: sampling over a 100k vocabulary with top-p would only cost time here.
            c.request({ id: id(), type: 'chat', messages: chatMessages(text), maxTokens: 1, temperature: 0 }),
            c.request({
              id: id(),
              type: 'chat',
              lane: 'docs',
              messages: chatMessages(text),
              maxTokens: 1,
              temperature: 0,
            }),
            c.request({ id: id(), type: 'complete', prefix: text, maxTokens: 1 }),
          ]);
          const got = [done(chat).usage.inputTokens, done(docs).usage.inputTokens, done(complete).usage.inputTokens];
          if (JSON.stringify(got) !== JSON.stringify([expectedChat, expectedChat, expectedComplete])) {
            wrong.push(
              `${JSON.stringify(text.slice(0, 40))}: ${got.join(',')} vs ${[expectedChat, expectedChat, expectedComplete].join(',')}`,
            );
          }
        }
        assert.deepEqual(wrong, []);
      });
    });
  }

  describe('whatever the GGUF says', () => {
    it('LLM-jp-3 keeps exactly one BOS, and Fugaku-LLM none, when the GGUF says add_bos_token false or true', async () => {
      const llmJp = await open('llm-jp-3-vocab', [], false);
      for (const r of [
        await llmJp.request({ id: id(), type: 'render', prefix: 'def f():' }),
        await llmJp.request({ id: id(), type: 'render', messages: [{ role: 'user', content: 'こんにちは' }] }),
      ]) {
        const tokens = done(r).render!.tokens;
        assert.equal(tokens[0], 1);
        assert.equal(tokens.filter((t) => t === 1).length, 1);
      }
      // The Fugaku-LLM backend above was written with add_bos_token true: its completions still have no BOS.
      const fugakuRef = await loadReference('fugaku-llm');
      const fugaku = byVocab.get('fugaku-llm')!;
      const r = done(await fugaku.request({ id: id(), type: 'render', prefix: 'def f():' })).render!;
      assert.deepEqual(r.tokens, fugakuRef.encode('def f():'));
      const empty = done(await fugaku.request({ id: id(), type: 'complete', prefix: '' }));
      assert.equal(empty.usage.inputTokens, 0, 'an empty prefix and no BOS: nothing to evaluate, an empty answer');
    });
  });
});
