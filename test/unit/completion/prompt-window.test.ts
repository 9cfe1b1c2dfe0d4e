import assert from 'node:assert/strict';
import {
  buildPromptWindow,
  chooseContextSnippets,
  formatContextSnippets,
} from '../../../extension/completion/prompt-window.js';
import { roughTokenCount } from '../../../extension/completion/token-estimate.js';

function lines(n: number, tag = 'line'): string {
  return Array.from({ length: n }, (_, i) => `${tag}${i}`).join('\n');
}

describe('buildPromptWindow', () => {
  it('takes the whole document when it fits', () => {
    const text = 'a\nb█c\nd';
    const w = buildPromptWindow({ text: text.replace('█', ''), offset: 3, budget: { chars: 100 } });
    assert.equal(w.prefix, 'a\nb');
    assert.equal(w.suffix, 'c\nd');
    assert.equal(w.start, 0);
    assert.equal(w.end, 6);
  });

  it('keeps the nearest whole lines on each side within the budget', () => {
    const text = `${lines(50, 'up')}\nCUR\n${lines(50, 'down')}`;
    const offset = text.indexOf('CUR') + 2;
    const w = buildPromptWindow({ text, offset, budget: { chars: 60 }, suffixShare: 0.5 });
    assert.ok(w.prefix.length + w.suffix.length <= 60);
    assert.ok(w.prefix.endsWith('up49\nCU'));
    assert.ok(w.suffix.startsWith('R\ndown0\n'));
    // Cut at line boundaries: the window starts a line and ends one.
    assert.ok(w.start === 0 || text[w.start - 1] === '\n');
    assert.ok(w.end === text.length || text[w.end] === '\n');
  });

  it('gives the prefix the room the suffix does not need at the end of a file', () => {
    const text = `${lines(100)}\nlast`;
    const w = buildPromptWindow({ text, offset: text.length, budget: { chars: 200 }, suffixShare: 0.5 });
    assert.equal(w.suffix, '');
    assert.ok(w.prefix.length > 150, `prefix only ${w.prefix.length}`);
    assert.ok(w.prefix.length <= 200);
  });

  it('gives the suffix the room the prefix does not need at the top of a file', () => {
    const text = `first\n${lines(100)}`;
    const w = buildPromptWindow({ text, offset: 0, budget: { chars: 200 }, suffixShare: 0.25 });
    assert.equal(w.prefix, '');
    assert.ok(w.suffix.length > 150);
  });

  it('cuts a huge cursor line without splitting characters', () => {
    const line = '😀'.repeat(100);
    const text = `${line}\n`;
    for (const budget of [7, 8, 9, 10]) {
      const w = buildPromptWindow({ text, offset: 100, budget: { chars: budget }, suffixShare: 0.5 });
      assert.ok(!/^[\udc00-\udfff]/.test(w.prefix), `prefix starts with a low surrogate at ${budget}`);
      assert.ok(!/[\ud800-\udbff]$/.test(w.suffix), `suffix ends with a high surrogate at ${budget}`);
      assert.ok(w.prefix.length + w.suffix.length <= budget);
    }
  });

  it('moves a cursor that sits inside a surrogate pair to its start', () => {
    const text = 'x😀y';
    const w = buildPromptWindow({ text, offset: 2, budget: { chars: 100 } });
    assert.equal(w.cursor, 1);
    assert.equal(w.prefix, 'x');
    assert.equal(w.suffix, '😀y');
  });

  it('counts with a token estimate: Japanese lines cost more than their length suggests', () => {
    const jp = Array.from({ length: 40 }, (_, i) => `// 第${i}行のコメントです`).join('\n');
    const text = `${jp}\nconst x = 1;`;
    const w = buildPromptWindow({
      text,
      offset: text.length,
      budget: { tokens: 60, estimate: roughTokenCount },
      suffixShare: 0,
    });
    assert.ok(roughTokenCount(w.prefix) <= 60);
    assert.ok(w.prefix.endsWith('const x = 1;'));
    assert.ok(w.prefix.startsWith('// 第'), 'cut at a line start');
  });

  it('handles a document that starts with a newline and a cursor at 0', () => {
    const w = buildPromptWindow({ text: '\n\nabc', offset: 0, budget: { chars: 10 } });
    assert.equal(w.prefix, '');
    assert.equal(w.suffix, '\n\nabc');
    const up = buildPromptWindow({ text: '\n\nabc', offset: 2, budget: { chars: 10 } });
    assert.equal(up.prefix, '\n\n');
  });
});

describe('formatContextSnippets', () => {
  it('writes each snippet as line comments under its path', () => {
    const out = formatContextSnippets([{ path: 'src/a.py', text: 'def a():\n\n    return 1\n' }], 'python', {
      chars: 1000,
    });
    assert.equal(out, '# Path: src/a.py\n# def a():\n#\n#     return 1\n');
  });

  it('uses the language comment and keeps the caller order within the budget', () => {
    const snippets = [
      { path: 'a.ts', text: 'export const a = 1;\nexport const b = 2;' },
      { path: 'b.ts', text: 'export const c = 3;' },
    ];
    const all = formatContextSnippets(snippets, 'typescript', { chars: 1000 });
    assert.equal(
      all,
      '// Path: a.ts\n// export const a = 1;\n// export const b = 2;\n// Path: b.ts\n// export const c = 3;\n',
    );
    const some = formatContextSnippets(snippets, 'typescript', { chars: 40 });
    assert.equal(some, '// Path: a.ts\n// export const a = 1;\n');
  });

  it('skips a snippet whose first line does not fit, and returns empty when nothing fits', () => {
    const snippets = [
      { path: 'big.go', text: 'x'.repeat(500) },
      { path: 'small.go', text: 'y := 1' },
    ];
    assert.equal(formatContextSnippets(snippets, 'go', { chars: 60 }), '// Path: small.go\n// y := 1\n');
    assert.equal(formatContextSnippets(snippets, 'go', { chars: 5 }), '');
  });

  it('counts Japanese with the caller estimate', () => {
    const out = formatContextSnippets([{ path: 'メモ.ts', text: '// 日本語のコメント\nconst 値 = 1;' }], 'typescript', {
      tokens: 1000,
      estimate: roughTokenCount,
    });
    assert.ok(out.includes('// Path: メモ.ts\n// // 日本語のコメント\n'));
  });
});

describe('chooseContextSnippets', () => {
  it('keeps recent files of the same language, not the current one nor empty ones', () => {
    const c = (path: string, languageId: string, lastUsedAt: number, text = 'x') => ({
      path,
      languageId,
      lastUsedAt,
      text,
    });
    const chosen = chooseContextSnippets(
      [
        c('a.ts', 'typescript', 1),
        c('b.ts', 'typescript', 5),
        c('cur.ts', 'typescript', 9),
        c('d.py', 'python', 8),
        c('e.ts', 'typescript', 7, ' \n'),
        c('f.ts', 'typescript', 3),
      ],
      { path: 'cur.ts', languageId: 'typescript' },
      2,
    );
    assert.deepEqual(
      chosen.map((s) => s.path),
      ['b.ts', 'f.ts'],
    );
    assert.deepEqual(Object.keys(chosen[0]).sort(), ['path', 'text']);
  });
});
