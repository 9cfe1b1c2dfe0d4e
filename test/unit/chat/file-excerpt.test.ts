// A long file attached from its editor is cut around the cursor (the declaration first, then the outline,
// then more code around it), not from its top: the case is a 631-line file with the cursor in a
// function near line 562 (test/fixtures/files/order-report.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatAttachment, splitLines, type Attachment } from '../../../extension/chat/attachments.js';
import { fitToBudget } from '../../../extension/chat/context-budget.js';
import {
  DECLARATION_MARGIN,
  excerptToFit,
  renderExcerpt,
  summarizeExcerpt,
} from '../../../extension/chat/file-excerpt.js';
import { cursorContext, fileOutline, type SymbolNode } from '../../../extension/chat/file-outline.js';
import { roughTokenCount } from '../../../extension/completion/token-estimate.js';
import { describeLeftOut } from './left-out-text.js';

const FIXTURE = fileURLToPath(new URL('../../../../test/fixtures/files/order-report.ts', import.meta.url));
const text = readFileSync(FIXTURE, 'utf8');
const lines = splitLines(text);
const CURSOR = 562;
const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
const DECL_START = lineOf('export function summarizeMonthlyOrders');
const DECL_END = lines.findIndex((l, i) => i > DECL_START && l === '}') + 1;

/** What the TypeScript extension's document symbols give for the fixture: a function per `export function`. */
function fixtureSymbols(): SymbolNode[] {
  const nodes: SymbolNode[] = [];
  lines.forEach((line, i) => {
    const m = /^export function (\w+)/.exec(line);
    if (!m) return;
    const end = lines.findIndex((l, j) => j > i && l === '}') + 1;
    nodes.push({ name: m[1], kind: 'function', start: i + 1, end, nameLine: i + 1, children: [] });
  });
  const order = lineOf('export interface Order');
  nodes.push({ name: 'Order', kind: 'interface', start: order, end: order + 7, nameLine: order, children: [] });
  nodes.push({
    name: 'TAX_RATE',
    kind: 'variable',
    start: lineOf('const TAX_RATE'),
    end: lineOf('const TAX_RATE'),
    nameLine: lineOf('const TAX_RATE'),
    children: [],
  });
  return nodes;
}

function attached(symbols: SymbolNode[]): Attachment {
  return {
    kind: 'file',
    name: 'order-report.ts',
    language: 'typescript',
    text,
    cursor: cursorContext(lines, CURSOR, symbols),
    outline: fileOutline(lines, symbols),
  };
}

const cost = (a: Attachment) => roughTokenCount(formatAttachment(a));

describe('chat context: a long file cut around its cursor', () => {
  it('has the fixture the issue describes: 631 lines, the cursor inside a function near line 562', () => {
    assert.equal(lines.length, 631);
    assert.ok(DECL_START < CURSOR && CURSOR < DECL_END, `${DECL_START} < ${CURSOR} < ${DECL_END}`);
  });

  for (const [source, symbols] of [
    ['document symbols', fixtureSymbols()],
    ['the text alone (no language extension)', []],
  ] as const) {
    it(`finds the declaration around the cursor and the outline from ${source}`, () => {
      const file = attached([...symbols]);
      assert.deepEqual(file.cursor, {
        line: CURSOR,
        declaration: { start: DECL_START, end: DECL_END, name: 'summarizeMonthlyOrders' },
      });
      const outline = file.outline ?? [];
      assert.deepEqual(
        outline.filter((o) => o.kind === 'import').map((o) => o.line),
        [3, 4, 5],
      );
      const signatures = outline.filter((o) => o.kind === 'signature').map((o) => lines[o.line - 1]);
      assert.ok(signatures.includes('export function helper01(orders: readonly Order[], factor = 1): number {'));
      assert.ok(signatures.includes('export function loadOrders(dir: string, file = "orders.jsonl"): Order[] {'));
      assert.ok(!signatures.some((s) => s.includes('total +=')), 'no body lines in the outline');
    });
  }

  it("sends the function at the cursor, the imports and the other signatures, not the file's top, and says what was left out", () => {
    const file = attached(fixtureSymbols());
    const whole = cost(file);
    const result = fitToBudget({
      systemPrompt: 'あなたは助手です。',
      question: 'この関数を説明して',
      selection: null,
      files: [file],
      turns: [],
      budgetTokens: Math.floor(whole / 2),
      countTokens: roughTokenCount,
      perMessageTokens: 8,
    });
    assert.equal(result.fits, true);
    const sent = result.messages.at(-1)!.content;
    for (let line = DECL_START; line <= DECL_END; line++)
      assert.ok(sent.includes(lines[line - 1]), `line ${line} of the function is sent`);
    assert.ok(sent.includes('import { readFileSync } from "node:fs";'), 'the imports are sent');
    assert.ok(
      sent.includes('export function helper01(orders: readonly Order[], factor = 1): number {'),
      'a far signature is sent',
    );
    assert.ok(
      !sent.includes('export function helper01(orders: readonly Order[], factor = 1): number {\n  let total = 0;'),
      'but not its body',
    );
    assert.match(sent, /カーソルは562行目、summarizeMonthlyOrders の中/, 'the model is told where the cursor is');
    assert.match(sent, /… \(\d+〜\d+行目を省略\)/, 'left-out runs are marked with their lines');
    assert.ok(sent.endsWith('この関数を説明して'), 'the question comes last');
    assert.equal(result.leftOut.length, 1);
    const note = result.leftOut[0];
    assert.equal(note.kind, 'excerpt');
    if (note.kind !== 'excerpt') return;
    assert.ok(
      note.start <= DECL_START - Math.min(DECLARATION_MARGIN, 1) && note.end >= DECL_END,
      `window ${note.start}-${note.end} holds the function`,
    );
    assert.equal(note.declaration, 'summarizeMonthlyOrders');
    assert.ok(note.outlineLines > 40, `${note.outlineLines} outline lines`);
    assert.equal(note.totalLines, 631);
    assert.ok(note.omitted > 300);
    assert.match(
      describeLeftOut(note),
      /^file order-report\.ts cut to lines \d+-\d+ \(in summarizeMonthlyOrders\) and \d+ outline lines; \d+ of 631 lines left out$/,
    );
  });

  it('keeps the declaration first: with room for little more, the outline gives way', () => {
    const file = attached(fixtureSymbols());
    const declarationOnly = excerptToFit(
      file,
      cost({ ...file, text: lines.slice(DECL_START - 1, DECL_END).join('\n') }) + 40,
      cost,
    );
    assert.ok(declarationOnly);
    const summary = summarizeExcerpt(declarationOnly)!;
    assert.ok(summary.window.start <= DECL_START && summary.window.end >= DECL_END);
    assert.equal(summary.outlineLines, 0);
  });

  it('sends the lines around the cursor when the declaration alone is too long, and null when not one line fits', () => {
    const file = attached(fixtureSymbols());
    // The header and the two markers take most of this: a few lines are left for code.
    const tiny = excerptToFit(file, 120, cost);
    assert.ok(tiny);
    const summary = summarizeExcerpt(tiny)!;
    assert.ok(summary.window.start <= CURSOR && CURSOR <= summary.window.end, "the cursor's line is kept");
    assert.ok(summary.window.start >= DECL_START && summary.window.end <= DECL_END, 'inside the declaration');
    assert.equal(excerptToFit(file, 20, cost), null);
  });

  it('returns a file that fits whole as it is', () => {
    const file = attached(fixtureSymbols());
    assert.equal(excerptToFit(file, cost(file), cost), file);
  });

  it('marks every run left out with its lines, before, between and after', () => {
    const numbered = Array.from({ length: 10 }, (_, i) => `L${i + 1}`);
    assert.equal(
      renderExcerpt(numbered, [
        { start: 2, end: 3 },
        { start: 5, end: 5 },
      ]),
      ['… (1行目を省略)', 'L2', 'L3', '… (4行目を省略)', 'L5', '… (6〜10行目を省略)'].join('\n'),
    );
  });
});
