// Is this the start of a GGUF file? Checked on the first bytes of a download, so an HTML login page or a JSON
// error never becomes a "model", and on local files before they are listed or verified.
import { open } from 'node:fs/promises';

/** Bytes needed for the full check: magic, version, tensor count, metadata count. */
export const GGUF_HEADER_BYTES = 24;

export type Sniff = { ok: true; version: number } | { ok: false; what: string };

function describeNonGguf(buf: Buffer): string {
  const text = buf.subarray(0, 64).toString('utf8').trimStart().toLowerCase();
  if (
    text.startsWith('<!doctype html') ||
    text.startsWith('<html') ||
    text.startsWith('<head') ||
    text.startsWith('<body')
  )
    return 'an HTML page';
  if (text.startsWith('<?xml') || text.startsWith('<')) return 'an XML or HTML document';
  if (text.startsWith('{') || text.startsWith('[')) return 'a JSON document';
  if (text.startsWith('version https://git-lfs')) return 'a Git LFS pointer file, not the file itself';
  if (buf.length >= 2 && buf[0] === 0x50 && buf[1] === 0x4b)
    return 'a ZIP archive (a PyTorch or safetensors checkpoint?)';
  if (buf.length >= 4 && buf.subarray(0, 4).toString('latin1') === 'ggjt')
    return 'an old GGML file (convert it to GGUF)';
  // eslint-disable-next-line no-control-regex -- tab, LF and CR are the control characters a text file may start with
  const printable = /^[\x09\x0a\x0d\x20-\x7e]*$/.test(buf.subarray(0, 16).toString('latin1'));
  return printable
    ? `a text file starting with ${JSON.stringify(buf.subarray(0, 16).toString('latin1'))}`
    : `a file starting with bytes ${buf.subarray(0, 4).toString('hex')}`;
}

/** Checks the first bytes (at least 4; 24 for the counts). */
export function sniffGguf(buf: Buffer): Sniff {
  if (buf.length < 4 || buf.subarray(0, 4).toString('latin1') !== 'GGUF')
    return { ok: false, what: buf.length === 0 ? 'an empty file' : describeNonGguf(buf) };
  if (buf.length < GGUF_HEADER_BYTES) return { ok: true, version: 0 };
  const version = buf.readUInt32LE(4);
  if (version < 1 || version > 3) return { ok: false, what: `a GGUF file of unknown version ${version}` };
  const tensors = buf.readBigUInt64LE(8);
  const kv = buf.readBigUInt64LE(16);
  // Real models have hundreds to a few tens of thousands of tensors and well under a thousand metadata keys.
  if (tensors > 10_000_000n || kv > 1_000_000n) return { ok: false, what: 'a damaged GGUF header (impossible counts)' };
  return { ok: true, version };
}

/** Reads the first bytes of a local file and sniffs them. */
export async function sniffGgufFile(path: string): Promise<Sniff> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(GGUF_HEADER_BYTES);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return sniffGguf(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

/** Content types no model file is ever served as (the first bytes decide; this only names what came). */
export function isPageContentType(contentType: string | undefined): boolean {
  const t = (contentType ?? '').toLowerCase();
  return t.startsWith('text/html') || t.startsWith('application/json');
}
