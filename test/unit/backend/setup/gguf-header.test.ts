// The bounded GGUF header reader: every crafted header is refused at once, and every real header (the generated
// fixtures and llama.cpp's own vocabulary files, written by its Python gguf writer) is read the same way
// node-llama-cpp reads it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGgufFileInfo } from 'node-llama-cpp';
import { bufferSource, openFileSource, type ByteSource } from '../../../../backend/setup/byte-source.js';
import {
  GGML_TYPE_BLOCKS,
  GGUF_LIMITS,
  GgufFormatError,
  readGgufHeader,
} from '../../../../backend/setup/gguf-header.js';
import { splitGgufParts } from '../../../../backend/setup/model-header-check.js';
import { craftedCases, GGUF_TYPE, RawGguf } from '../../../fixtures/crafted-gguf.js';
import { makeTinyModelDir, removeTinyModelDir, writePresetModel } from '../../../fixtures/preset-files.js';
import { presets, type PresetName } from '../../../fixtures/presets.js';
import { openLlama } from '../../fixtures/llama-harness.js';

/** A source that counts what the reader asks for. */
function counting(bytes: Uint8Array): ByteSource & { reads: number; bytesRead: number } {
  const inner = bufferSource(bytes);
  const s = {
    size: inner.size,
    reads: 0,
    bytesRead: 0,
    async read(offset: number, length: number) {
      const b = await inner.read(offset, length);
      s.reads++;
      s.bytesRead += b.length;
      return b;
    },
  };
  return s;
}

async function refusal(bytes: Uint8Array, limits = GGUF_LIMITS): Promise<GgufFormatError> {
  try {
    await readGgufHeader(bufferSource(bytes), limits);
  } catch (e) {
    if (e instanceof GgufFormatError) return e;
    throw e;
  }
  assert.fail('the header was accepted');
}

describe('readGgufHeader', function () {
  this.timeout(60_000);

  describe('crafted headers', () => {
    for (const c of craftedCases()) {
      it(`refuses ${c.name} at once, reading little`, async () => {
        const src = counting(c.bytes);
        const heapBefore = process.memoryUsage().heapUsed;
        const started = performance.now();
        const e = await readGgufHeader(src).then(
          () => undefined,
          (err: unknown) => err,
        );
        const ms = performance.now() - started;
        assert.ok(e instanceof GgufFormatError, `refused with a GgufFormatError, got ${String(e)}`);
        assert.match(e.message, c.says);
        assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
        assert.ok(src.bytesRead <= c.bytes.length, 'never reads past the file');
        assert.ok(process.memoryUsage().heapUsed - heapBefore < 16 * 1024 * 1024, 'no large allocation');
      });
    }
  });

  it('refuses what is not a GGUF, and says what the file starts with', async () => {
    const e = await refusal(Buffer.from('PK\u0003\u0004 a zip'));
    assert.equal(e.notGguf, true);
    assert.match(e.message, /starts with "PK/);
    assert.equal((await refusal(Buffer.from('GG'))).notGguf, true);
  });

  it('names the entry, its key and the byte where things went wrong', async () => {
    const bytes = RawGguf.header({ tensors: 0, kvs: 2 })
      .kv('general.architecture', GGUF_TYPE.string, (w) => w.str('llama'))
      .kv('tokenizer.ggml.tokens', GGUF_TYPE.array, (w) => w.u32(GGUF_TYPE.string).u64(1_000_000).str('a'))
      .bytes();
    const e = await refusal(bytes);
    assert.match(
      e.message,
      /metadata entry 2 \("tokenizer\.ggml\.tokens"\) is an array of 1000000 string values, which needs at least 8000000 bytes, but only \d+ are left/,
    );
    assert.ok(e.offset > 40 && e.offset <= bytes.length);
  });

  describe('limits hold at their edges (small limits, so the files stay small)', () => {
    const small = {
      ...GGUF_LIMITS,
      maxArrayLength: 4,
      maxMetadataEntries: 3,
      maxTensors: 2,
      maxArrayDepth: 2,
      maxItems: 20,
      maxStringBytes: 16,
      maxKeyBytes: 12,
    };
    const withArray = (n: number) =>
      RawGguf.header({ tensors: 0, kvs: 1 })
        .kv('a', GGUF_TYPE.array, (w) => {
          w.u32(GGUF_TYPE.string).u64(n);
          for (let i = 0; i < n; i++) w.str('x');
        })
        .bytes();
    const withEntries = (n: number) => {
      const w = RawGguf.header({ tensors: 0, kvs: n });
      for (let i = 0; i < n; i++) w.kv(`k${i}`, GGUF_TYPE.uint8, (v) => v.raw(Buffer.from([1])));
      return w.bytes();
    };
    const withString = (n: number) =>
      RawGguf.header({ tensors: 0, kvs: 1 })
        .kv('s', GGUF_TYPE.string, (w) => w.str('y'.repeat(n)))
        .bytes();
    const nested = (depth: number) => {
      const w = RawGguf.header({ tensors: 0, kvs: 1 }).str('n').u32(GGUF_TYPE.array);
      for (let d = 1; d < depth; d++) w.u32(GGUF_TYPE.array).u64(1);
      return w
        .u32(GGUF_TYPE.uint8)
        .u64(1)
        .raw(Buffer.from([7]))
        .bytes();
    };

    it('array length', async () => {
      await readGgufHeader(bufferSource(withArray(4)), small);
      assert.match((await refusal(withArray(5), small)).message, /array of 5 string values; at most 4/);
    });
    it('metadata entries', async () => {
      await readGgufHeader(bufferSource(withEntries(3)), small);
      assert.match((await refusal(withEntries(4), small)).message, /claims 4 metadata entries; at most 3/);
    });
    it('string bytes', async () => {
      await readGgufHeader(bufferSource(withString(16)), small);
      assert.match((await refusal(withString(17), small)).message, /string of 17 bytes; at most 16/);
    });
    it('array nesting', async () => {
      await readGgufHeader(bufferSource(nested(2)), small);
      assert.match((await refusal(nested(3), small)).message, /nests arrays more than 2 deep/);
    });
    it('values in all', async () => {
      const w = RawGguf.header({ tensors: 0, kvs: 3 });
      for (const k of ['a', 'b', 'c'])
        w.kv(k, GGUF_TYPE.array, (v) => v.u32(GGUF_TYPE.uint8).u64(4).raw(Buffer.alloc(4)));
      const roomy = { ...small, maxMetadataEntries: 10, maxItems: 16 };
      await readGgufHeader(bufferSource(w.bytes()), roomy);
      w.kv('d', GGUF_TYPE.array, (v) => v.u32(GGUF_TYPE.uint8).u64(3).raw(Buffer.alloc(3)));
      const four = Buffer.from(w.bytes());
      four.writeBigUInt64LE(4n, 16);
      assert.match((await refusal(four, roomy)).message, /more than 16 values in all/);
    });
    it('key bytes, empty keys, tensor names and dimensions', async () => {
      const key = (k: string) =>
        RawGguf.header({ tensors: 0, kvs: 1 })
          .kv(k, GGUF_TYPE.uint8, (v) => v.raw(Buffer.alloc(1)))
          .bytes();
      await readGgufHeader(bufferSource(key('k'.repeat(12))), small);
      assert.match((await refusal(key('k'.repeat(13)), small)).message, /key of 13 bytes; keys are at most 12/);
      assert.match((await refusal(Buffer.concat([key(''), Buffer.alloc(1)]))).message, /empty key/);
      const tensor = (name: string, dims: number[]) => {
        const w = RawGguf.header({ tensors: 1, kvs: 0 }).str(name).u32(dims.length);
        for (const d of dims) w.u64(d);
        return w.u32(0).u64(0).raw(Buffer.alloc(64)).bytes();
      };
      await readGgufHeader(bufferSource(tensor('n'.repeat(63), [1, 1, 1, 1])));
      assert.match((await refusal(tensor('n'.repeat(64), [1]))).message, /name of 64 bytes/);
      assert.match((await refusal(tensor('t', [1, 1, 1, 1, 1]))).message, /5 dimensions; llama\.cpp accepts at most 4/);
    });
  });

  it('refuses tensor data offsets off the alignment, unknown ggml types, rows that split a block, and a repeated general.name', async () => {
    const tensor = (type: number, rows: number, offset: number) =>
      RawGguf.header({ tensors: 1, kvs: 0 })
        .str('t')
        .u32(1)
        .u64(rows)
        .u32(type)
        .u64(offset)
        .raw(Buffer.alloc(64))
        .bytes();
    await readGgufHeader(bufferSource(tensor(2, 32, 0)));
    assert.match((await refusal(tensor(0, 4, 8))).message, /not a multiple of the alignment 32/);
    assert.match((await refusal(tensor(4, 32, 0))).message, /ggml type 4, which this llama\.cpp does not know/);
    assert.match(
      (await refusal(tensor(2, 16, 0))).message,
      /rows of 16 elements, not a multiple of its type's block of 32/,
    );
    const twice = RawGguf.header({ tensors: 0, kvs: 2 })
      .kv('general.name', GGUF_TYPE.string, (w) => w.str('a'))
      .kv('general.name', GGUF_TYPE.string, (w) => w.str('b'))
      .bytes();
    assert.match((await refusal(twice)).message, /appears twice/);
    const alignment = RawGguf.header({ tensors: 0, kvs: 1 })
      .kv('general.alignment', GGUF_TYPE.uint32, (w) => w.u32(48))
      .bytes();
    assert.match((await refusal(alignment)).message, /48, not a power of two/);
  });

  it('reads every generated fixture the way node-llama-cpp does, and finds where its data ends', async () => {
    const dir = makeTinyModelDir();
    try {
      for (const preset of Object.keys(presets) as PresetName[]) {
        const model = writePresetModel(dir, preset);
        const src = await openFileSource(model.path);
        const header = await readGgufHeader(src).finally(() => src.close());
        const info = await readGgufFileInfo(model.path, { logWarnings: false });
        assert.equal(header.metadataCount, Object.keys(flatten(info.metadata)).length, preset);
        assert.equal(header.tensorCount, info.tensorInfo!.length, preset);
        assert.equal(header.dataOffset, info.infoEndOffset, preset);
        assert.equal(header.general.name, info.metadata.general.name, preset);
        assert.equal(header.general.architecture, info.metadata.general.architecture, preset);
        assert.equal(header.dataEnd, model.bytes, `${preset}: the data of the last tensor ends where the file does`);
      }
    } finally {
      removeTinyModelDir(dir);
    }
  });

  describe("llama.cpp's own vocabulary files (from the llama.cpp source inside node-llama-cpp)", () => {
    let dir: string;
    let files: string[];
    before(function () {
      this.timeout(120_000);
      dir = mkdtempSync(join(tmpdir(), 'fude-llama-vocab-'));
      files = extractVocabFiles(dir);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('reads each one, agreeing with node-llama-cpp, in well under a second', async () => {
      assert.ok(files.length >= 10, `found ${files.length} vocabulary files`);
      for (const file of files) {
        // The best of three: a busy machine can stall any one run.
        let ms = Number.POSITIVE_INFINITY;
        let header!: Awaited<ReturnType<typeof readGgufHeader>>;
        for (let run = 0; run < 3 && ms > 100; run++) {
          const src = await openFileSource(file);
          const started = performance.now();
          header = await readGgufHeader(src).finally(() => src.close());
          ms = Math.min(ms, performance.now() - started);
        }
        const info = await readGgufFileInfo(file, { logWarnings: false });
        assert.equal(header.metadataCount, Object.keys(flatten(info.metadata)).length, file);
        assert.equal(header.general.architecture, info.metadata.general.architecture, file);
        assert.equal(header.general.name, info.metadata.general.name, file);
        assert.equal(header.dataOffset, readFileSync(file).length, `${file}: no tensors, the header is the whole file`);
        assert.ok(ms < 1000, `${file}: ${ms.toFixed(0)} ms`);
      }
    });
  });

  it('knows the block size of every tensor type the loaded llama.cpp knows, and no other', async () => {
    const llama = await openLlama();
    try {
      // node-llama-cpp has no public call for this; its bindings answer what ggml's type_traits say.
      const bindings = (
        llama as unknown as {
          _bindings: {
            getBlockSizeForGgmlType(t: number): number | undefined;
            getTypeSizeForGgmlType(t: number): number | undefined;
          };
        }
      )._bindings;
      for (let type = 0; type < 256; type++) {
        const perBlock = bindings.getBlockSizeForGgmlType(type);
        const bytes = bindings.getTypeSizeForGgmlType(type);
        const live = typeof perBlock === 'number' && perBlock > 0;
        assert.deepEqual(GGML_TYPE_BLOCKS[type], live ? [perBlock, bytes] : undefined, `ggml type ${type}`);
      }
    } finally {
      await llama.dispose();
    }
  });

  it('finds the parts of a split model the way node-llama-cpp does', () => {
    assert.deepEqual(splitGgufParts('/m/model.gguf'), ['/m/model.gguf']);
    assert.deepEqual(
      splitGgufParts('/m/llm-jp-3-172b-Q4_K_M-00002-of-00003.gguf'),
      [1, 2, 3].map((i) => `/m/llm-jp-3-172b-Q4_K_M-0000${i}-of-00003.gguf`),
    );
    assert.deepEqual(
      splitGgufParts('/m/x-00004-of-00003.gguf'),
      ['/m/x-00004-of-00003.gguf'],
      'a part number past the count is no split',
    );
  });
});

/** node-llama-cpp nests metadata by the dots in keys; count its leaves to compare with the header's entry count. */
function flatten(o: object, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(o) as Array<[string, unknown]>) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v, `${prefix}${k}.`, out);
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

/** The GGUF files in llama.cpp's models/ folder, from the git bundle node-llama-cpp ships its llama.cpp source in. */
function extractVocabFiles(dir: string): string[] {
  const bundle = fileURLToPath(
    new URL('../../../../../node_modules/node-llama-cpp/llama/gitRelease.bundle', import.meta.url),
  );
  const repo = join(dir, 'repo');
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { maxBuffer: 64 * 1024 * 1024 });
  execFileSync('git', ['init', '-q', repo]);
  git('fetch', '-q', bundle, 'HEAD');
  const names = git('ls-tree', '-r', '--name-only', 'FETCH_HEAD', 'models/')
    .toString()
    .split('\n')
    .filter((n) => n.endsWith('.gguf'));
  return names
    .map((name) => {
      const out = join(dir, name.replace(/\//g, '_'));
      writeFileSync(out, git('show', `FETCH_HEAD:${name}`));
      return out;
    })
    .filter((f) => readdirSync(dir).includes(f.slice(dir.length + 1)));
}
