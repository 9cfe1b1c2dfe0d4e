// Golden tests for doc comment placement and syntax: each file under golden/ is one case (see its README).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { commentStyleFor, renderComment } from '../../../extension/docs/comment-style.js';
import { parseDocParts } from '../../../extension/docs/doc-parts.js';
import {
  applyLineEdit,
  commentEdit,
  declarationName,
  findDeclarationLine,
  placeComment,
} from '../../../extension/docs/placement.js';

// Compiled to out/test/unit/docs; the cases stay beside the source.
const GOLDEN = fileURLToPath(new URL('../../../../test/unit/docs/golden/', import.meta.url));
const CURSOR = '‸';

interface GoldenCase {
  language: string;
  replace: boolean;
  doc: string;
  input: string[];
  cursorLine: number;
  expected: string;
}

function parseCase(text: string): GoldenCase {
  const [head, ...sections] = text.split(/^=== /m);
  const header = Object.fromEntries(
    head
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  const section = (name: string) => {
    const s = sections.find((x) => x.startsWith(`${name}\n`));
    if (s === undefined) throw new Error(`missing section "=== ${name}"`);
    return s.slice(name.length + 1).replace(/\n$/, '');
  };
  const input = section('input').split('\n');
  const cursorLine = input.findIndex((l) => l.includes(CURSOR));
  if (cursorLine < 0) throw new Error(`no ${CURSOR} in the input`);
  input[cursorLine] = input[cursorLine].replace(CURSOR, '');
  return {
    language: header.language,
    replace: header.replace === 'true',
    doc: section('doc'),
    input,
    cursorLine,
    expected: section('expected'),
  };
}

describe('docs: comment placement and syntax (golden files)', () => {
  const files = readdirSync(GOLDEN)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  it('has cases for every supported language', () => {
    const langs = new Set(files.map((f) => parseCase(readFileSync(GOLDEN + f, 'utf8')).language));
    for (const l of ['typescript', 'javascript', 'python', 'rust', 'csharp', 'java', 'go', 'c', 'cpp'])
      assert.ok(langs.has(l), `a golden case for ${l}`);
  });
  for (const file of files) {
    it(file, () => {
      const c = parseCase(readFileSync(GOLDEN + file, 'utf8'));
      const style = commentStyleFor(c.language);
      assert.ok(style, `a comment style for ${c.language}`);
      const decl = findDeclarationLine(c.input, c.cursorLine, style);
      assert.notEqual(decl, undefined, 'a declaration at or above the cursor');
      const placement = placeComment(c.input, decl!, style);
      const comment = renderComment(style, parseDocParts(c.doc), placement.indent, declarationName(c.input[decl!]));
      const out = applyLineEdit(c.input, commentEdit(placement, comment, c.replace)).join('\n');
      assert.equal(out, c.expected);
    });
  }
});
