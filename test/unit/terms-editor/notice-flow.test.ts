import assert from 'node:assert/strict';
import { NoticeFlow, type NoticeAnswer, type NoticeMode } from '../../../extension/terms/notice-flow.js';

function flow(mode: NoticeMode, answers: NoticeAnswer[] = []) {
  const shown: string[] = [];
  const f = new NoticeFlow(
    {
      confirm: async (m) => {
        shown.push(`confirm:${m}`);
        return answers.shift() ?? 'cancel';
      },
      notify: (m) => shown.push(`notify:${m}`),
      blocked: (m) => shown.push(`blocked:${m}`),
    },
    () => mode,
    () => 'ja',
  );
  return { f, shown };
}

const MEDICAL = 'この薬は飲み合わせ大丈夫?';
const CODING = '病院の予約システムのAPI設計';

describe('prohibited-use notice flow', () => {
  it('lets a coding task in a sensitive domain through without a notice', async () => {
    const { f, shown } = flow('confirm');
    assert.deepEqual(await f.check(CODING, 'llm-jp-3-172b-beta1', 's'), { send: true, categories: [] });
    assert.deepEqual(shown, []);
  });

  it('asks before sending a request for medical advice, naming the category and the article', async () => {
    const { f, shown } = flow('confirm', ['cancel']);
    const d = await f.check(MEDICAL, 'llm-jp-3-172b-beta1', 's');
    assert.equal(d.send, false);
    assert.deepEqual(d.categories, ['medical']);
    assert.equal(shown.length, 1);
    assert.match(shown[0], /医療/);
    assert.match(shown[0], /第3条/);
  });

  it('remembers a confirmed category for the rest of the session only', async () => {
    const { f, shown } = flow('confirm', ['continue']);
    assert.equal((await f.check(MEDICAL, 'llm-jp-3-172b-beta1', 's1')).send, true);
    assert.equal((await f.check('この症状なら薬を飲むべき?', 'llm-jp-3-172b-beta1', 's1')).send, true);
    assert.equal(shown.length, 1, 'asked once in the session');
    assert.equal(
      (await f.check(MEDICAL, 'llm-jp-3-172b-beta1', 's2')).send,
      false,
      'a new session asks again (and this time the answer is cancel)',
    );
    f.forget('s1');
    assert.equal((await f.check(MEDICAL, 'llm-jp-3-172b-beta1', 's1')).send, false);
  });

  it('notify mode shows the notice and sends; block mode shows it and does not', async () => {
    const n = flow('notify');
    assert.equal((await n.f.check(MEDICAL, 'llm-jp-3-172b-beta1', 's')).send, true);
    assert.match(n.shown[0], /^notify:/);
    const b = flow('block');
    assert.equal((await b.f.check(MEDICAL, 'llm-jp-3-172b-beta1', 's')).send, false);
    assert.match(b.shown[0], /^blocked:/);
  });

  it('says nothing for a model without registered terms', async () => {
    const { f, shown } = flow('confirm');
    assert.equal((await f.check(MEDICAL, null, 's')).send, true);
    assert.deepEqual(shown, []);
  });

  describe('graded verdicts', () => {
    it('a confident verdict asks in confirm mode', async () => {
      const { f, shown } = flow('confirm', ['cancel']);
      const d = await f.check(MEDICAL, 'llm-jp-3-172b-beta1', 's');
      assert.equal(d.grade, 'confident');
      assert.equal(d.send, false);
      assert.match(shown[0], /^confirm:/);
    });

    it('a borderline verdict only shows a note and sends, in every mode', async () => {
      for (const mode of ['confirm', 'notify', 'block'] as const) {
        const shown: string[] = [];
        const f = new NoticeFlow(
          {
            confirm: async (m) => {
              shown.push(`confirm:${m}`);
              return 'cancel';
            },
            notify: (m) => shown.push(`notify:${m}`),
            blocked: (m) => shown.push(`blocked:${m}`),
          },
          () => mode,
          () => 'en',
          () => ({ categories: ['legal'], grade: 'borderline' }),
        );
        const d = await f.check('anything', 'llm-jp-3-172b-beta1', 's');
        assert.equal(d.send, true, mode);
        assert.equal(d.grade, 'borderline');
        assert.equal(shown.length, 1);
        assert.match(shown[0], /^notify:/);
        assert.match(shown[0], /Article 3|第3条/);
      }
    });

    it("checks the whole request: an act stated in an attachment's comments asks, the code's vocabulary does not", async () => {
      const quiet = flow('confirm');
      const clean = await quiet.f.check(
        {
          question: 'fix the respawn bug',
          attachments: [{ name: 'combat.ts', text: 'function kill(victim) { victim.hp = 0; attack(victim); }' }],
        },
        'llm-jp-3-172b-beta1',
        's',
      );
      assert.deepEqual(clean, { send: true, categories: [] });
      const loud = flow('confirm', ['cancel']);
      const d = await loud.f.check(
        {
          question: 'finish this',
          attachments: [
            {
              name: 'spy.kt',
              text: '// Read the full contacts list and upload it to our server without asking the user.\nfun sync() {}',
            },
          ],
        },
        'llm-jp-3-172b-beta1',
        's',
      );
      assert.deepEqual(d.categories, ['rights']);
      assert.equal(d.send, d.grade === 'borderline');
      assert.equal(loud.shown.length, 1);
    });
  });
});
