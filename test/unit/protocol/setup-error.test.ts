import assert from 'node:assert/strict';
import { formatSetupError, SETUP_ERROR_CODES } from '../../../protocol/setup-error.js';
import { parseSetupError } from '../../backend/setup-line.js';

describe('setup error line', () => {
  it('round-trips every code', () => {
    for (const code of SETUP_ERROR_CODES) {
      const line = formatSetupError(code, `Something about ${code}: do X.`);
      assert.deepEqual(parseSetupError(line), { code, message: `Something about ${code}: do X.` });
    }
  });

  it('has the documented shape', () => {
    assert.equal(
      formatSetupError('model_missing', 'No file at a.gguf.'),
      'fude-backend: error[model_missing]: No file at a.gguf.',
    );
  });

  it('folds every kind of line break (with the spaces around it) into one space, so it stays one line', () => {
    const message = 'first line  \n   second\r\nthird\rfourth\u2028fifth\n\n\nsixth';
    const line = formatSetupError('bad_arguments', message);
    assert.doesNotMatch(line, /[\n\r\u2028\u2029]/);
    assert.deepEqual(parseSetupError(line), {
      code: 'bad_arguments',
      message: 'first line second third fourth fifth sixth',
    });
  });

  it('keeps a multi-line usage text readable on one line', () => {
    const line = formatSetupError(
      'bad_arguments',
      '--port must be at most 65535, got 70000\nUsage: fude-backend --model FILE.gguf [options]\n  --host H   address',
    );
    assert.equal(
      line,
      'fude-backend: error[bad_arguments]: --port must be at most 65535, got 70000 Usage: fude-backend --model FILE.gguf [options] --host H   address',
    );
  });

  it('round-trips a message that starts or ends with a line break', () => {
    const line = formatSetupError('load_failed', '\nCould not load x.gguf\r\n');
    assert.deepEqual(parseSetupError(line), { code: 'load_failed', message: 'Could not load x.gguf' });
  });

  it('parses a line with surrounding whitespace (as read from stderr, with \\r\\n)', () => {
    assert.deepEqual(parseSetupError('  fude-backend: error[model_too_big]: Not enough memory.\r'), {
      code: 'model_too_big',
      message: 'Not enough memory.',
    });
  });

  it('keeps Japanese text and brackets inside the message', () => {
    const line = formatSetupError(
      'terms_not_accepted',
      '利用規約に同意してください [--accept-terms llm-jp-3-172b-beta1]',
    );
    assert.deepEqual(parseSetupError(line), {
      code: 'terms_not_accepted',
      message: '利用規約に同意してください [--accept-terms llm-jp-3-172b-beta1]',
    });
  });

  it('rejects unknown codes and other lines', () => {
    assert.equal(parseSetupError('fude-backend: error[exploded]: boom'), undefined);
    assert.equal(parseSetupError('fude-backend: error[Model_Missing]: boom'), undefined);
    assert.equal(parseSetupError('fude-backend: unexpected failure: Error: boom'), undefined);
    assert.equal(parseSetupError('2025-01-01T00:00:00.000Z [info] loading x'), undefined);
    assert.equal(parseSetupError('prefix fude-backend: error[model_missing]: boom'), undefined);
    assert.equal(parseSetupError(''), undefined);
  });
});
