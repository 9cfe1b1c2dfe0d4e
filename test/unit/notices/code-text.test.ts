import assert from 'node:assert/strict';
import { detectorText, looksLikeCode, proseOfCode } from '../../../extension/notices/code-text.js';

describe('proseOfCode', () => {
  it('keeps comments and prose strings of C-family code, not identifiers', () => {
    const js = [
      '// Sends the weekly digest to every subscriber.',
      'function killStaleWorkers(attackTimeout) {',
      '  /* retry three times before giving up */',
      "  const msg = 'Your digest is ready to read';",
      "  const key = 'x';",
      '  exploit(target); inject(payload);',
      '}',
    ].join('\n');
    const out = proseOfCode(js, 'digest.js');
    assert.deepEqual(out, [
      { kind: 'comment', text: 'Sends the weekly digest to every subscriber.' },
      { kind: 'comment', text: 'retry three times before giving up' },
      { kind: 'string', text: 'Your digest is ready to read' },
    ]);
    assert.ok(!out.some((s) => /kill|attack|exploit|inject/.test(s.text)));
  });

  it('reads # comments and docstrings in Python, -- in SQL, <!-- --> in HTML', () => {
    assert.deepEqual(
      proseOfCode(
        'def kill(pid):\n    """Stop the worker politely."""\n    os.kill(pid, 9)  # escalate to SIGKILL if needed\n',
        'w.py',
      ).map((s) => s.text),
      ['Stop the worker politely.', 'escalate to SIGKILL if needed'],
    );
    assert.deepEqual(
      proseOfCode('SELECT * FROM t; -- all rows for the report\n', 'q.sql').map((s) => s.text),
      ['all rows for the report'],
    );
    assert.deepEqual(
      proseOfCode('<div><!-- the footer links go here --></div>', 'a.html').map((s) => s.text),
      ['the footer links go here'],
    );
  });

  it('keeps Japanese comments, and short Japanese strings of four characters or more', () => {
    const out = proseOfCode("// 利用者に黙って連絡先を送る\nconst label = '送信する';\nconst s = 'ok';", 'a.ts');
    assert.deepEqual(
      out.map((s) => s.text),
      ['利用者に黙って連絡先を送る', '送信する'],
    );
  });

  it('reads a prose file whole', () => {
    assert.deepEqual(proseOfCode('# Plan\nSend it to them.\n', 'notes.md'), [
      { kind: 'comment', text: '# Plan\nSend it to them.\n' },
    ]);
  });

  it('does not take an apostrophe in a comment for a string', () => {
    assert.deepEqual(
      proseOfCode("// don't retry here\nx = 1", 'a.js').map((s) => s.text),
      ["don't retry here"],
    );
  });
});

describe('looksLikeCode', () => {
  it('tells code from prose', () => {
    assert.equal(looksLikeCode('function f(a) {\n  return a + 1;\n}'), true);
    assert.equal(looksLikeCode('def f(a):\n    return a + 1'), true);
    assert.equal(looksLikeCode('Please review the attached contract. I think clause 7 is unfair to us.'), false);
    assert.equal(looksLikeCode(''), false);
  });
});

describe('detectorText', () => {
  it('keeps only the prose of a fenced code block, and the fences', () => {
    const t = detectorText('Why does this hang?\n```js\nkillAll(victims); // wait for the pool to drain\n```');
    assert.equal(t, 'Why does this hang?\n```js\nwait for the pool to drain\n```');
  });

  it('keeps a fenced block of prose whole', () => {
    const text = 'Is this clause enforceable?\n```\nThe tenant shall pay all repairs regardless of cause.\n```';
    assert.equal(detectorText(text), text);
  });
});

describe('proseOfCode with a limit', () => {
  it('stops once it holds the limit, giving the same first characters as reading it all', () => {
    const code = Array.from(
      { length: 5000 },
      (_, i) => `const v${i} = read(${i}); // step ${i}: read the value and check it`,
    ).join('\n');
    const all = proseOfCode(code, 'big.ts');
    const limited = proseOfCode(code, 'big.ts', 8000);
    assert.ok(limited.length < all.length / 10, `${limited.length} of ${all.length} segments`);
    const first = (segments: Array<{ text: string }>) =>
      segments
        .map((s) => s.text)
        .join('\n')
        .slice(0, 8000);
    assert.equal(first(limited), first(all));
    assert.equal(first(limited).length, 8000);
  });
});
