import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepoRoot } from '../../../scripts/terms-generate-texts.js';

const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
const script = join(root, 'out', 'scripts', 'eval-notices.js');

function lastLine(out: string): Record<string, unknown> {
  const lines = out.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
}

describe('scripts/eval-notices', function () {
  this.timeout(20000);

  it('ends with exactly one JSON object {recall, falsePositiveRate, n} for a given file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fude-eval-'));
    try {
      const file = join(dir, 'set.jsonl');
      writeFileSync(
        file,
        '{"text":"この薬は飲み合わせ大丈夫?","label":"medical"}\n{"text":"write a binary search in Go","label":"none"}\n',
      );
      const out = execFileSync(process.execPath, [script, file], { encoding: 'utf8', cwd: dir });
      const summary = lastLine(out);
      assert.deepEqual(Object.keys(summary), ['recall', 'falsePositiveRate', 'n']);
      assert.deepEqual(summary, { recall: 1, falsePositiveRate: 0, n: 2 });
      assert.match(out, /medical\s+1\s+100\.0%\s+100\.0%/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('defaults to test/notices/labelled.jsonl from any working directory', () => {
    const out = execFileSync(process.execPath, [script], { encoding: 'utf8', cwd: tmpdir() });
    const summary = lastLine(out);
    assert.equal(typeof summary.recall, 'number');
    assert.ok((summary.n as number) >= 200);
  });

  it('exits with 2 and a message on a malformed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fude-eval-'));
    try {
      const file = join(dir, 'bad.jsonl');
      writeFileSync(file, 'not json\n');
      assert.throws(
        () => execFileSync(process.execPath, [script, file], { encoding: 'utf8', stdio: 'pipe' }),
        (err: { status?: number }) => err.status === 2,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
