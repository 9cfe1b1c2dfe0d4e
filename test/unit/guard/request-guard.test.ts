import assert from 'node:assert/strict';
import { ModelStatus, type ModelFacts } from '../../../extension/engine/model-status.js';
import { RequestGuard } from '../../../extension/guard/request-guard.js';
import { NoticeFlow, type NoticeMode } from '../../../extension/terms/notice-flow.js';

const TERMS = 'llm-jp-3-172b-beta1';
const facts = (termsId: string | null): ModelFacts => ({
  name: 'm',
  family: 'llm-jp-3',
  contextSize: 4096,
  gpu: false,
  gpuLayers: 0,
  totalLayers: 96,
  fim: false,
  termsId,
  source: '/m.gguf',
});
const MEDICAL = 'この症状だとどの薬を何錠飲めばいいですか？';
const CODING = 'TypeScriptで配列を重複なしにする関数を書いて';

function setup(
  o: { termsId?: string | null; accepted?: boolean; mode?: NoticeMode; phase?: 'ready' | 'stopped' } = {},
) {
  const status = new ModelStatus({ engine: 'local', isDemo: false, configuredName: 'm' });
  if ((o.phase ?? 'ready') === 'ready')
    status.publish({ phase: 'ready', model: facts(o.termsId === undefined ? TERMS : o.termsId) });
  const asked: string[] = [];
  const notices = new NoticeFlow(
    {
      confirm: async (m) => {
        asked.push(m);
        return 'cancel';
      },
      notify: (m) => asked.push(`notify: ${m}`),
      blocked: (m) => asked.push(`blocked: ${m}`),
    },
    () => o.mode ?? 'confirm',
    () => 'en',
  );
  const guard = new RequestGuard({ status, termsAccepted: () => o.accepted ?? true, notices, log: () => undefined });
  return { guard, asked, status };
}

describe('RequestGuard: terms and notices over the whole request, failing closed', () => {
  it('sends nothing while no model is ready (it must know the terms), and never starts one', async () => {
    const { guard } = setup({ phase: 'stopped' });
    assert.deepEqual(await guard.check({ feature: 'chat', session: 's', question: CODING }), {
      send: false,
      reason: 'not-ready',
      categories: [],
    });
  });

  it('refuses a model whose terms were revoked while it runs', async () => {
    const { guard } = setup({ accepted: false });
    const v = await guard.check({ feature: 'docs', session: 's', question: CODING });
    assert.equal(v.send, false);
    assert.equal(!v.send && v.reason, 'terms-not-accepted');
  });

  it('lets a plain coding request through', async () => {
    const { guard, asked } = setup();
    assert.equal((await guard.check({ feature: 'chat', session: 's', question: CODING })).send, true);
    assert.deepEqual(asked, []);
  });

  it('classifies the selection and attached files, not only the typed question', async () => {
    const { guard, asked } = setup();
    const v = await guard.check({
      feature: 'chat',
      session: 's',
      question: 'これについて答えて',
      attachments: [{ kind: 'selection', name: 'notes.md', text: MEDICAL }],
    });
    assert.equal(v.send, false);
    assert.ok(v.categories.includes('medical'));
    assert.equal(asked.length, 1, 'the person was asked once');
  });

  it('asks where the request came from when given a way to, and sends on Continue', async () => {
    const { guard } = setup();
    const v = await guard.check(
      { feature: 'chat', session: 's', question: MEDICAL },
      { confirm: async () => 'continue' },
    );
    assert.equal(v.send, true);
  });

  it('says blocked (not declined) in block mode', async () => {
    const { guard } = setup({ mode: 'block' });
    const v = await guard.check({ feature: 'command', session: 's', question: MEDICAL });
    assert.equal(!v.send && v.reason, 'blocked');
  });

  it('asks nothing for a model without terms', async () => {
    const { guard, asked } = setup({ termsId: null });
    assert.equal((await guard.check({ feature: 'chat', session: 's', question: MEDICAL })).send, true);
    assert.deepEqual(asked, []);
  });
});

describe('RequestGuard: long parts', () => {
  // Found while checking the guard against issue 13: the detector's features grow faster than the text, so a
  // 400,000-character part (the attachment limit) blocked the extension host for over five minutes.
  const prose = '今日は会議の議事録を整理して、来週の予定を確認します。\n';
  const half = prose.repeat(Math.ceil(200_000 / prose.length)).slice(0, 200_000);
  const code = 'const value = computeSomething(input); // 設定を読み込む\n';
  const codeHalf = code.repeat(Math.ceil(200_000 / code.length)).slice(0, 200_000);

  async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ticks: number; seconds: number }> {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    const started = Date.now();
    try {
      const value = await work();
      return { value, ticks, seconds: (Date.now() - started) / 1000 };
    } finally {
      clearInterval(ticker);
    }
  }

  it('reads a selection at the attachment limit in windows, finding a request buried in it, without blocking', async function () {
    this.timeout(120_000);
    const { guard } = setup();
    const {
      value: v,
      ticks,
      seconds,
    } = await timed(() =>
      guard.check({
        feature: 'chat',
        session: 's',
        question: 'これを要約して',
        attachments: [{ kind: 'selection', name: 'minutes.txt', text: `${half}\n${MEDICAL}\n${half}` }],
      }),
    );
    assert.equal(v.send, false);
    assert.ok(v.categories.includes('medical'), v.categories.join(','));
    assert.ok(ticks >= 10, `the event loop ran ${ticks} times in ${seconds} s`);
  });

  it('reads a file at the attachment limit only as far as its prose is read, and lets the event loop through', async function () {
    this.timeout(120_000);
    const { guard } = setup();
    const {
      value: v,
      ticks,
      seconds,
    } = await timed(() =>
      guard.check({
        feature: 'chat',
        session: 's',
        question: 'このファイルを説明して',
        attachments: [{ kind: 'file', name: 'big.ts', text: `${codeHalf}${codeHalf}` }],
      }),
    );
    assert.equal(v.send, true);
    assert.ok(ticks >= 1, `the event loop ran ${ticks} times in ${seconds} s`);
  });
});
