import assert from 'node:assert/strict';
import { sniffGguf } from '../../../backend/models/gguf-sniff.js';

function header(version: number, tensors: bigint, kv: bigint): Buffer {
  const b = Buffer.alloc(24);
  b.write('GGUF', 0, 'latin1');
  b.writeUInt32LE(version, 4);
  b.writeBigUInt64LE(tensors, 8);
  b.writeBigUInt64LE(kv, 16);
  return b;
}

describe('sniffGguf', () => {
  it('accepts a GGUF header', () => {
    assert.deepEqual(sniffGguf(header(3, 291n, 30n)), { ok: true, version: 3 });
  });
  it('names what came instead', () => {
    const what = (s: string | Buffer) => {
      const r = sniffGguf(typeof s === 'string' ? Buffer.from(s) : s);
      return r.ok ? 'ok' : r.what;
    };
    assert.equal(what('<!DOCTYPE html><html>'), 'an HTML page');
    assert.equal(what('  <html lang="en">'), 'an HTML page');
    assert.equal(what('{"error":"Repository not found"}'), 'a JSON document');
    assert.equal(what('version https://git-lfs.github.com/spec/v1\n'), 'a Git LFS pointer file, not the file itself');
    assert.equal(what(Buffer.from([0x50, 0x4b, 3, 4, 0, 0])), 'a ZIP archive (a PyTorch or safetensors checkpoint?)');
    assert.equal(what(''), 'an empty file');
    assert.equal(what(header(9, 1n, 1n)), 'a GGUF file of unknown version 9');
    assert.equal(what(header(3, 1n << 40n, 1n)), 'a damaged GGUF header (impossible counts)');
  });
});
