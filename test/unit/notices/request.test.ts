import assert from 'node:assert/strict';
import { classifyParts, classifyPartsPaced, MAX_CODE_PROSE } from '../../../extension/notices/request.js';
import { WINDOW_CHARS } from '../../../extension/notices/windows.js';

/** A code file full of words that name acts, doing ordinary things. */
const GAME_SERVER = [
  'import { Player } from "./player";',
  '',
  '// Apply damage from an attack; a player at zero HP is killed and respawns.',
  'export function attack(attacker: Player, victim: Player, weapon: Weapon): void {',
  '  const damage = weapon.power * (attacker.crit ? 1.5 : 1);',
  '  victim.hp -= damage;',
  '  if (victim.hp <= 0) kill(victim);',
  '}',
  '',
  'function kill(p: Player) { p.deaths++; exploitBonus(p); injectRespawn(p); }',
].join('\n');

describe('classifyParts', () => {
  it('does not flag code for its vocabulary (kill, attack, victim, exploit, inject)', () => {
    const v = classifyParts({
      question: 'Why does the respawn sometimes happen twice? Please fix it.',
      attachments: [{ name: 'combat.ts', text: GAME_SERVER }],
    });
    assert.deepEqual(v.categories, []);
    assert.equal(v.grade, undefined);
    assert.deepEqual(
      v.parts.map((p) => [p.part, p.read]),
      [
        ['question', 'prose'],
        ['attachment', 'code'],
      ],
    );
  });

  it("flags an act stated in an attachment's comments, and says which part", () => {
    const code = [
      'export async function syncContacts(user) {',
      "  // Upload the user's whole contact list to our server without asking them,",
      '  // then sell the phone numbers to the data broker partner. No permission prompt.',
      '  await api.post("/contacts", await readAllContacts());',
      '}',
    ].join('\n');
    const v = classifyParts({ question: 'finish this function', attachments: [{ name: 'sync.js', text: code }] });
    assert.deepEqual(v.categories, ['rights']);
    const part = v.parts.find((p) => p.part === 'attachment');
    assert.equal(part?.name, 'sync.js');
    assert.deepEqual(part?.classification.categories, ['rights']);
    assert.ok(part?.classification.reasons.every((r) => r.rule === 'intent' || r.rule === 'product-advice'));
    assert.deepEqual(v.parts[0].classification.categories, [], 'the question itself is clean');
  });

  it('does not count a question quoted in a comment as the user asking', () => {
    const code =
      '// FAQ entry: "Should I buy this stock now?" is answered by the adviser, not the app.\nconst faq = [];\n';
    assert.deepEqual(
      classifyParts({ question: 'Render the FAQ list', attachments: [{ name: 'faq.ts', text: code }] }).categories,
      [],
    );
  });

  it('reads a prose selection like the question, and a code selection only for its prose', () => {
    const prose = classifyParts({
      question: 'Answer this for me',
      selection: 'My landlord kept my whole deposit. Can I sue him in small claims and win?',
    });
    assert.deepEqual(prose.categories, ['legal']);
    assert.equal(prose.parts[1].read, 'prose');
    const code = classifyParts({
      question: 'explain this',
      selection: 'function killAll(victims) {\n  victims.forEach((v) => v.kill());\n}',
    });
    assert.deepEqual(code.categories, []);
    assert.equal(code.parts[1].read, 'code');
  });

  it('one verdict for the whole request: the categories of every part, confident if any part is', () => {
    const v = classifyParts({
      question: 'ロキソニンと風邪薬を一緒に飲んでも大丈夫ですか',
      attachments: [{ name: 'combat.ts', text: GAME_SERVER }],
      selection: 'const x = 1;',
    });
    assert.deepEqual(v.categories, ['medical']);
    assert.equal(v.grade, v.parts[0].classification.grade);
    assert.equal(v.parts.length, 3);
  });

  it('an empty selection and no attachments leave only the question', () => {
    assert.equal(classifyParts({ question: 'hello', selection: '   ' }).parts.length, 1);
  });

  it("reads at most MAX_CODE_PROSE characters of an attachment's prose", () => {
    const long = Array.from({ length: 2000 }, (_, i) => `// note number ${i} about the layout of the grid`).join('\n');
    const start = performance.now();
    classifyParts({ question: 'tidy this', attachments: [{ name: 'big.ts', text: long }] });
    assert.ok(MAX_CODE_PROSE <= 10000);
    assert.ok(performance.now() - start < 2000);
  });

  it('reads prose longer than a window in overlapping windows, finding a request anywhere in it', () => {
    const filler = '今日は会議の議事録を整理して、来週の予定を確認します。\n'.repeat(1500);
    assert.ok(filler.length > 4 * WINDOW_CHARS);
    const request = 'この症状だとどの薬を何錠飲めばいいですか？';
    const v = classifyParts({ question: 'これを要約して', selection: `${filler}${request}\n${filler}` });
    assert.equal(v.parts[1].read, 'prose');
    assert.deepEqual(v.categories, ['medical']);
    assert.deepEqual(classifyParts({ question: 'これを要約して', selection: `${filler}${filler}` }).categories, []);
    assert.deepEqual(classifyParts({ question: `${filler}${request}` }).categories, ['medical'], 'a long question too');
  });

  it('gives the same verdict paced, pausing between windows and parts', async () => {
    const filler = 'The quarterly report lists the sales of every region and the plans for the next quarter.\n'.repeat(
      300,
    );
    const request = {
      question: `${filler}My landlord kept my whole deposit. Can I sue him in small claims and win?\n${filler}`,
      selection: 'const x = 1;\nconst y = 2;',
      attachments: [
        { name: 'combat.ts', text: GAME_SERVER },
        { name: 'b.ts', text: GAME_SERVER },
      ],
    };
    let pauses = 0;
    const paced = await classifyPacedCounting(request, () => pauses++);
    assert.deepEqual(paced, classifyParts(request));
    assert.deepEqual(paced.categories, ['legal']);
    const windows = Math.ceil(request.question.length / (WINDOW_CHARS - 400));
    assert.ok(pauses >= windows - 1 + 1 + 2, `${pauses} pauses`);
  });
});

function classifyPacedCounting(request: Parameters<typeof classifyPartsPaced>[0], count: () => void) {
  return classifyPartsPaced(request, async () => {
    count();
  });
}
