// Measurement (not a test): the real fude-backend on each crafted GGUF header of test/fixtures/crafted-gguf.ts,
// with the time to exit, the exit code, the peak resident memory and the setup error it printed. The first row,
// a file that is not a GGUF at all, is the baseline: the backend's own footprint before it reads any header.
//   node out/test/bench/crafted-models-bench.js [--limit-ms 15000]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSetupError } from '../backend/setup-line.js';
import { measureBackend } from '../backend/measure-process.js';
import { craftedCases } from '../fixtures/crafted-gguf.js';

const { values } = parseArgs({ options: { 'limit-ms': { type: 'string', default: '15000' } } });
const limitMs = Number(values['limit-ms']);
const dir = mkdtempSync(join(tmpdir(), 'fude-crafted-'));
try {
  const cases = [{ name: 'baseline: not a GGUF', bytes: Buffer.from('PK\u0003\u0004 not a model') }, ...craftedCases()];
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}; limit ${limitMs} ms`,
  );
  console.log('| file | exit | ms | peak RSS MiB | error |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [i, c] of cases.entries()) {
    const path = join(dir, `crafted-${i}.gguf`);
    writeFileSync(path, c.bytes);
    const m = await measureBackend(['--model', path], limitMs);
    const error = m.stderr.map(parseSetupError).find((e) => e !== undefined);
    const last = error
      ? `${error.code}: ${error.message.replace(path, 'FILE').slice(0, 140)}`
      : (m.stderr.at(-1) ?? '').slice(0, 140);
    const exit = m.timedOut ? `killed after ${limitMs} ms` : (m.signal ?? String(m.code));
    console.log(
      `| ${c.name} (${c.bytes.length} B) | ${exit} | ${Math.round(m.ms)} | ${m.peakMiB.toFixed(0)} | ${last} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
