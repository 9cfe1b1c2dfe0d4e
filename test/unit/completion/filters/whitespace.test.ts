import assert from 'node:assert/strict';
import {
  dropBlank,
  normalizeLineEndings,
  trimTrailingWhitespace,
} from '../../../../extension/completion/filters/whitespace.js';

describe('whitespace filters', () => {
  it('normalizeLineEndings turns CRLF and CR into LF', () => {
    assert.equal(normalizeLineEndings('a\r\nb\rc'), 'a\nb\nc');
  });

  it('trimTrailingWhitespace trims line ends and trailing blank lines, keeping a leading newline', () => {
    assert.equal(trimTrailingWhitespace('\n  a();  \n  b(); \n\n  \n'), '\n  a();\n  b();');
    assert.equal(trimTrailingWhitespace('説明　'), '説明');
  });

  it('dropBlank empties whitespace-only suggestions', () => {
    assert.equal(dropBlank(' \n\t\n'), '');
    assert.equal(dropBlank(' x'), ' x');
  });
});
