import assert from 'node:assert/strict';
import { exitCodeFor, parseModelsLine } from '../../../protocol/models.js';

describe('fude-models JSON lines', () => {
  it('reads what the CLI writes and nothing else', () => {
    assert.deepEqual(parseModelsLine('{"event":"done","path":"/m/a.gguf","sizeBytes":3,"sha256":"x"}'), {
      event: 'done',
      path: '/m/a.gguf',
      sizeBytes: 3,
      sha256: 'x',
    });
    assert.equal(parseModelsLine('not json'), undefined);
    assert.equal(parseModelsLine('{"event":"other"}'), undefined);
    assert.equal(parseModelsLine('{"event":"error","code":"made_up","message":"x"}'), undefined);
    assert.equal(
      parseModelsLine('{"event":"fit","report":{"target":"x"}}'),
      undefined,
      'an incomplete report is refused',
    );
    assert.equal(parseModelsLine('{"event":"progress"}'), undefined);
  });
  it('maps codes to exit codes: 2 refused, 1 failed, 130 interrupted', () => {
    assert.equal(exitCodeFor('checksum_mismatch'), 2);
    assert.equal(exitCodeFor('not_gguf'), 2);
    assert.equal(exitCodeFor('auth_required'), 2);
    assert.equal(exitCodeFor('network'), 1);
    assert.equal(exitCodeFor('disk_full'), 1);
    assert.equal(exitCodeFor('cancelled'), 130);
  });
});
