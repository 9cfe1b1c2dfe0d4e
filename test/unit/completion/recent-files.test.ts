import assert from 'node:assert/strict';
import { linesAround, RecentFiles } from '../../../extension/completion/recent-files.js';

const ts = (name: string) => ({ uri: `file:///${name}`, path: name, languageId: 'typescript' });
const numbered = (n: number) => Array.from({ length: n }, (_, i) => `l${i}`).join('\n');

describe('RecentFiles', () => {
  it('takes the lines around the last edit, or the top of a file only viewed', () => {
    assert.equal(linesAround(numbered(100), 50, 2), 'l48\nl49\nl50\nl51\nl52');
    assert.equal(linesAround(numbered(100), undefined, 2), 'l0\nl1\nl2\nl3\nl4');
    assert.equal(linesAround(numbered(3), 99, 2), 'l0\nl1\nl2');
  });

  it('gives other files of the same language as comments, most recent first, within the budget', () => {
    const r = new RecentFiles({ linesAround: 1 });
    const texts: Record<string, string> = {
      'file:///a.ts': numbered(10),
      'file:///b.ts': 'export const b = 1;',
      'file:///c.py': 'x = 1',
      'file:///cur.ts': 'now',
    };
    r.edited(ts('a.ts'), 5, 1);
    r.viewed(ts('b.ts'), 2);
    r.viewed({ uri: 'file:///c.py', path: 'c.py', languageId: 'python' }, 3);
    r.edited(ts('cur.ts'), 0, 4);
    const text = r.contextFor(ts('cur.ts'), (u) => texts[u], { chars: 1000 });
    assert.equal(text, '// Path: b.ts\n// export const b = 1;\n// Path: a.ts\n// l4\n// l5\n// l6\n');
  });

  it('leaves out files no longer open and gives nothing for a zero budget', () => {
    const r = new RecentFiles();
    r.viewed(ts('a.ts'), 1);
    assert.equal(
      r.contextFor(ts('cur.ts'), () => undefined, { chars: 1000 }),
      '',
    );
    assert.equal(
      r.contextFor(ts('cur.ts'), () => 'text', { chars: 0 }),
      '',
    );
    r.closed('file:///a.ts');
    assert.equal(r.size, 0);
  });

  it('keeps the edit position when a file is viewed again, and forgets the oldest past capacity', () => {
    const r = new RecentFiles({ capacity: 2, linesAround: 0 });
    r.edited(ts('a.ts'), 7, 1);
    r.viewed(ts('a.ts'), 2);
    assert.equal(
      r.contextFor(ts('cur.ts'), () => numbered(10), { chars: 100 }),
      '// Path: a.ts\n// l7\n',
    );
    r.viewed(ts('b.ts'), 3);
    r.viewed(ts('c.ts'), 4);
    assert.equal(r.size, 2);
    assert.ok(!r.contextFor(ts('cur.ts'), () => 'x', { chars: 100 }).includes('a.ts'));
  });
});
