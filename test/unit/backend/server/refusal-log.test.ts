import assert from 'node:assert/strict';
import { RefusalLog } from '../../../../backend/server/refusal-log.js';

describe('RefusalLog', () => {
  it('writes the first refusal at once and the rest of the interval as one line with a count', async () => {
    const lines: string[] = [];
    let now = 0;
    const log = new RefusalLog(
      (l) => lines.push(l),
      50,
      () => now,
    );
    for (let i = 0; i < 300; i++) log.note(`refused a connection from 127.0.0.1: bad token ${i}`);
    assert.deepEqual(lines, ['refused a connection from 127.0.0.1: bad token 0']);
    now = 50;
    await new Promise((r) => setTimeout(r, 80));
    assert.deepEqual(lines.slice(1), [
      'refused 299 more connection(s) in 0 s; the last: refused a connection from 127.0.0.1: bad token 299',
    ]);
    now = 200;
    log.note('refused a connection from 127.0.0.1: later');
    assert.equal(
      lines.at(-1),
      'refused a connection from 127.0.0.1: later',
      'a new interval starts with a line of its own',
    );
    log.flush();
    assert.equal(lines.length, 3, 'nothing held back, nothing more written');
  });
});
