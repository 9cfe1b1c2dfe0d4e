import assert from 'node:assert/strict';
import { classifyParts, MAX_CODE_PROSE } from '../../../extension/notices/request.js';

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
    const v = classifyParts({ question: 'Why does the respawn sometimes happen twice? Please fix it.', attachments: [{ name: 'combat.ts', text: GAME_SERVER }] });
    assert.deepEqual(v.categories, []);
    assert.equal(v.grade, undefined);
    assert.deepEqual(v.parts.map((p) => [p.part, p.read]), [['question', 'prose'], ['attachment', 'code']]);
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
    const code = '// FAQ entry: "Should I buy this stock now?" is answered by the adviser, not the app.\nconst faq = [];\n';
    assert.deepEqual(classifyParts({ question: 'Render the FAQ list', attachments: [{ name: 'faq.ts', text: code }] }).categories, []);
  });

  it('reads a prose selection like the question, and a code selection only for its prose', () => {
    const prose = classifyParts({ question: 'Answer this for me', selection: 'My landlord kept my whole deposit. Can I sue him in small claims and win?' });
    assert.deepEqual(prose.categories, ['legal']);
    assert.equal(prose.parts[1].read, 'prose');
    const code = classifyParts({ question: 'explain this', selection: 'function killAll(victims) {\n  victims.forEach((v) => v.kill());\n}' });
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

  it('reads at most MAX_CODE_PROSE characters of an attachment\'s prose', () => {
    const long = Array.from({ length: 2000 }, (_, i) => `// note number ${i} about the layout of the grid`).join('\n');
    const start = performance.now();
    classifyParts({ question: 'tidy this', attachments: [{ name: 'big.ts', text: long }] });
    assert.ok(MAX_CODE_PROSE <= 10000);
    assert.ok(performance.now() - start < 2000);
  });
});
