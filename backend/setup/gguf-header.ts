// A bounded reader of GGUF headers (versions 2 and 3): the check a model file passes before node-llama-cpp or
// llama.cpp parses it. Their readers trust the counts a header claims; a file of a few dozen bytes claiming
// 2^62 metadata entries or an array of 10^9 strings made node-llama-cpp spin and grow past a gigabyte.
// Here every count and length is checked against the bytes left in the file before it is used, and against
// the sane limits below, and values are skipped rather than kept (only the short general.* texts are kept),
// so the work is bounded by the limits and memory by one read window, whatever the file claims.
// Format: https://github.com/ggml-org/ggml/blob/master/docs/gguf.md and llama.cpp's ggml/src/gguf.cpp.
import type { ByteSource } from './byte-source.js';

export interface GgufLimits {
  /** Metadata entries. Real models have 20 to 60 (the vocabulary is one array entry); 65,536 is 1000× that. */
  maxMetadataEntries: number;
  /** Tensors. A 405B dense model has about 1,140, unmerged MoE files at most some 13,000; 65,536 is ample. */
  maxTensors: number;
  /**
   * Elements of one array. The largest vocabularies (Gemma's 262,144 tokens, and as many merges) are the
   * longest arrays in real files; 2^21 (about 2.1 million) is 8× that. node-llama-cpp turns every element into
   * a JavaScript value, so this also bounds what it allocates after the check.
   */
  maxArrayLength: number;
  /** Array elements of all arrays together, plus entries and tensor dimensions: the reader's whole work. */
  maxItems: number;
  /**
   * Arrays inside arrays. The format allows them; no model uses them and llama.cpp refuses them, so two
   * levels (an array of arrays) is already generous, and the recursion stays shallow.
   */
  maxArrayDepth: number;
  /** One string's bytes. Chat templates are tens of KB, an embedded tokenizer JSON a few MB; 32 MiB bounds what node-llama-cpp reads into memory. */
  maxStringBytes: number;
  /** A metadata key's bytes: the format's own limit is 65,535, and real keys are dotted names under 64 bytes. */
  maxKeyBytes: number;
  /** Everything before the tensor data. The largest real header we know (a Gemma vocabulary) is 16 MB; 128 MiB. */
  maxHeaderBytes: number;
}

export const GGUF_LIMITS: Readonly<GgufLimits> = Object.freeze({
  maxMetadataEntries: 65_536,
  maxTensors: 65_536,
  maxArrayLength: 2 ** 21,
  maxItems: 2 ** 23,
  maxArrayDepth: 2,
  maxStringBytes: 32 * 1024 * 1024,
  maxKeyBytes: 65_535,
  maxHeaderBytes: 128 * 1024 * 1024,
});

/** llama.cpp's own limits (ggml.h): tensor names are shorter than GGML_MAX_NAME, shapes have GGML_MAX_DIMS. */
const MAX_TENSOR_NAME_BYTES = 63;
const MAX_DIMS = 4;
const DEFAULT_ALIGNMENT = 32;
/** general.* texts longer than this are skipped, not kept: names, labels and architectures are short. */
const MAX_KEPT_TEXT_BYTES = 1024;

/**
 * [elements per block, bytes per block] of each ggml tensor type llama.cpp knows (ggml.c's type_traits; a unit
 * test compares this table with the loaded binary). Missing ids were removed from ggml; llama.cpp refuses them.
 */
export const GGML_TYPE_BLOCKS: Readonly<Record<number, readonly [number, number]>> = Object.freeze({
  0: [1, 4],
  1: [1, 2],
  2: [32, 18],
  3: [32, 20],
  6: [32, 22],
  7: [32, 24],
  8: [32, 34],
  9: [32, 36],
  10: [256, 84],
  11: [256, 110],
  12: [256, 144],
  13: [256, 176],
  14: [256, 210],
  15: [256, 292],
  16: [256, 66],
  17: [256, 74],
  18: [256, 98],
  19: [256, 50],
  20: [32, 18],
  21: [256, 110],
  22: [256, 82],
  23: [256, 136],
  24: [1, 1],
  25: [1, 2],
  26: [1, 4],
  27: [1, 8],
  28: [1, 8],
  29: [256, 56],
  30: [1, 2],
  34: [256, 54],
  35: [256, 66],
  39: [32, 17],
  40: [64, 36],
  41: [128, 18],
  42: [64, 18],
});

/** What is wrong with a file, in words a person can check against the file; `offset` is where it was found. */
export class GgufFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly notGguf = false,
  ) {
    super(message);
  }
}

export interface GgufHeader {
  version: number;
  tensorCount: number;
  metadataCount: number;
  alignment: number;
  /** The general.* metadata that are short texts (architecture, name, basename, size_label, finetune, …), without the prefix. */
  general: Record<string, string>;
  /** Where the tensor data starts. */
  dataOffset: number;
  /** Where the last tensor's data ends: a lower bound for the file's size. */
  dataEnd: number;
}

/** GGUF value type ids; the file gives them as plain numbers, compared with these. */
const T = {
  U8: 0,
  I8: 1,
  U16: 2,
  I16: 3,
  U32: 4,
  I32: 5,
  F32: 6,
  Bool: 7,
  String: 8,
  Array: 9,
  U64: 10,
  I64: 11,
  F64: 12,
} as const;
const TYPE_NAMES = [
  'uint8',
  'int8',
  'uint16',
  'int16',
  'uint32',
  'int32',
  'float32',
  'bool',
  'string',
  'array',
  'uint64',
  'int64',
  'float64',
];
/** Bytes of a fixed-size value; 0 for strings and arrays. */
const FIXED_SIZE = [1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8];
/** The fewest bytes one element of each type can take: a string is at least its 8-byte length, an array its type and length. */
const MIN_SIZE = [1, 1, 2, 2, 4, 4, 4, 1, 8, 12, 8, 8, 8];
/** An entry is at least a 1-byte key with its length, a type and a 1-byte value; a tensor info at least an empty name, a dimension count, a type and an offset. */
const MIN_ENTRY_BYTES = 8 + 1 + 4 + 1;
const MIN_TENSOR_INFO_BYTES = 8 + 4 + 4 + 8;

/** Reads in steps of this size: few round trips for a remote source, one small buffer for a local file. */
const WINDOW = 1 << 20;

class Cursor {
  pos = 0;
  private buf: Uint8Array = new Uint8Array(0);
  private view: DataView = new DataView(this.buf.buffer);
  private start = 0;

  constructor(private readonly src: ByteSource) {}

  get size(): number {
    return this.src.size;
  }

  get left(): number {
    return this.src.size - this.pos;
  }

  /** True when the next `n` bytes are in the window, so reading them needs no await. */
  has(n: number): boolean {
    return this.pos >= this.start && this.pos + n <= this.start + this.buf.length;
  }

  /** Brings the next `n` bytes (a small n) into the window, or says the file ends before them. */
  async need(n: number, what: () => string): Promise<void> {
    if (this.has(n)) return;
    if (n > this.left) throw truncated(this, n, what());
    const bytes = await this.src.read(this.pos, Math.max(n, Math.min(WINDOW, this.left)));
    if (bytes.length < n) throw truncated(this, n, what());
    this.buf = bytes;
    this.start = this.pos;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u32(): number {
    const v = this.view.getUint32(this.pos - this.start, true);
    this.pos += 4;
    return v;
  }

  /** Exact up to 2^53; above that rounded, but still above every limit, which is all a check needs. */
  u64(): number {
    const at = this.pos - this.start;
    const v = this.view.getUint32(at + 4, true) * 2 ** 32 + this.view.getUint32(at, true);
    this.pos += 8;
    return v;
  }

  take(n: number): Uint8Array {
    const at = this.pos - this.start;
    this.pos += n;
    return this.buf.subarray(at, at + n);
  }

  /** Moves past `n` bytes without reading them (they must lie inside the file). */
  skip(n: number, what: () => string): void {
    if (n > this.left) throw truncated(this, n, what());
    this.pos += n;
  }
}

function truncated(c: Cursor, n: number, what: string): GgufFormatError {
  return new GgufFormatError(
    `truncated header: ${what} at byte ${c.pos} needs ${amount(n)} bytes but only ${amount(Math.max(0, c.left))} are left in the file (${amount(c.size)} bytes)`,
    c.pos,
  );
}

/** A count as a person reads it; beyond 2^53 the double is rounded, so say "about". */
function amount(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : `about ${n.toExponential(2)}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Reads and checks a GGUF header from `src`; throws GgufFormatError on the first thing that is wrong. */
export async function readGgufHeader(src: ByteSource, limits: GgufLimits = GGUF_LIMITS): Promise<GgufHeader> {
  return new HeaderReader(new Cursor(src), limits).read();
}

class HeaderReader {
  private items = 0;
  private readonly general: Record<string, string> = {};
  private alignment = DEFAULT_ALIGNMENT;

  constructor(
    private readonly c: Cursor,
    private readonly limits: GgufLimits,
  ) {}

  private fail(message: string): never {
    throw new GgufFormatError(message, this.c.pos);
  }

  private count(n: number, where: () => string): void {
    this.items += n;
    if (this.items > this.limits.maxItems)
      this.fail(
        `${where()}: the header holds more than ${this.limits.maxItems} values in all (arrays, entries and tensor shapes together); real models have a few million at most`,
      );
    if (this.c.pos > this.limits.maxHeaderBytes)
      this.fail(
        `${where()}: the header is longer than ${this.limits.maxHeaderBytes} bytes; real model headers are tens of MB at most`,
      );
  }

  async read(): Promise<GgufHeader> {
    const c = this.c;
    if (c.size < 4) throw new GgufFormatError(`the file is ${c.size} bytes long, too short for a GGUF header`, 0, true);
    await c.need(4, () => 'the magic');
    const magic = c.take(4);
    if (String.fromCharCode(...magic) !== 'GGUF') {
      throw new GgufFormatError(
        `it starts with ${JSON.stringify(String.fromCharCode(...magic))}, expected "GGUF"`,
        0,
        true,
      );
    }
    await c.need(4 + 8 + 8, () => 'the version and counts');
    const version = c.u32();
    if ((version & 0xffff) === 0 && version !== 0)
      this.fail(`version field ${version}: a big-endian GGUF, which this machine cannot load`);
    if (version === 1) this.fail('GGUF version 1 is no longer supported by llama.cpp; convert the model again');
    if (version !== 2 && version !== 3) this.fail(`GGUF version ${version} is not one this backend reads (2 or 3)`);
    const tensorCount = c.u64();
    const metadataCount = c.u64();
    this.checkCount('tensors', tensorCount, this.limits.maxTensors, MIN_TENSOR_INFO_BYTES, c.left);
    this.checkCount(
      'metadata entries',
      metadataCount,
      this.limits.maxMetadataEntries,
      MIN_ENTRY_BYTES,
      c.left - tensorCount * MIN_TENSOR_INFO_BYTES,
    );

    for (let i = 0; i < metadataCount; i++) await this.readEntry(i, metadataCount);
    let dataEnd = 0;
    for (let i = 0; i < tensorCount; i++) dataEnd = Math.max(dataEnd, await this.readTensorInfo(i));
    // llama.cpp pads to the alignment only when there are tensors; a vocabulary-only file may end here.
    this.count(0, () => 'the end of the header');
    const dataOffset = tensorCount > 0 ? Math.ceil(c.pos / this.alignment) * this.alignment : c.pos;
    return {
      version,
      tensorCount,
      metadataCount,
      alignment: this.alignment,
      general: this.general,
      dataOffset,
      dataEnd: dataOffset + dataEnd,
    };
  }

  /** A count must be within its limit and fit in the bytes left at its smallest encoding. */
  private checkCount(what: string, n: number, limit: number, minBytes: number, bytesLeft: number): void {
    if (n > limit)
      this.fail(`the header claims ${amount(n)} ${what}; at most ${limit} are accepted (real models have far fewer)`);
    if (n * minBytes > bytesLeft)
      this.fail(
        `the header claims ${amount(n)} ${what}, which need at least ${amount(n * minBytes)} bytes, but only ${amount(Math.max(0, bytesLeft))} are left in the file`,
      );
  }

  private async readEntry(i: number, total: number): Promise<void> {
    const c = this.c;
    const where = () => `metadata entry ${i + 1} of ${total}`;
    await c.need(8, () => `the key length of ${where()}`);
    const keyBytes = c.u64();
    if (keyBytes === 0) this.fail(`${where()} has an empty key`);
    if (keyBytes > this.limits.maxKeyBytes)
      this.fail(`${where()} has a key of ${amount(keyBytes)} bytes; keys are at most ${this.limits.maxKeyBytes}`);
    await c.need(keyBytes, () => `the key of ${where()}`);
    const key = utf8.decode(c.take(keyBytes));
    const named = () => `metadata entry ${i + 1} ("${clip(key)}")`;
    await c.need(4, () => `the value type of ${named()}`);
    const type = c.u32();
    if (type > T.F64) this.fail(`${named()} has value type ${type}, which is not a GGUF type (0 to 12)`);
    this.count(1, named);
    if (key === 'general.alignment') {
      if (type !== T.U32) this.fail(`${named()} must be a uint32, not ${TYPE_NAMES[type]}`);
      await c.need(4, named);
      const a = c.u32();
      if (a === 0 || (a & (a - 1)) !== 0) this.fail(`${named()} is ${a}, not a power of two`);
      this.alignment = a;
    } else if (key.startsWith('general.') && type === T.String) {
      await this.keepText(key.slice('general.'.length), named);
    } else {
      await this.skipValue(type, 0, named);
    }
  }

  /** Keeps a short general.* text (names, labels); a long one is skipped like any other value. */
  private async keepText(name: string, where: () => string): Promise<void> {
    const c = this.c;
    await c.need(8, () => `the length of ${where()}`);
    const n = c.u64();
    this.checkString(n, where);
    if (n > MAX_KEPT_TEXT_BYTES) return c.skip(n, where);
    if (Object.hasOwn(this.general, name))
      this.fail(`${where()} appears twice; readers would disagree about which one counts`);
    await c.need(n, where);
    this.general[name] = utf8.decode(c.take(n));
  }

  private checkString(n: number, where: () => string): void {
    if (n > this.limits.maxStringBytes)
      this.fail(`${where()} is a string of ${amount(n)} bytes; at most ${this.limits.maxStringBytes} are accepted`);
    if (n > this.c.left)
      this.fail(
        `${where()} is a string of ${amount(n)} bytes, past the end of the file (${amount(this.c.left)} bytes left)`,
      );
  }

  private async skipValue(type: number, depth: number, where: () => string): Promise<void> {
    const c = this.c;
    const fixed = FIXED_SIZE[type];
    if (fixed > 0) return c.skip(fixed, where);
    if (type === T.String) {
      await c.need(8, where);
      const n = c.u64();
      this.checkString(n, where);
      return c.skip(n, where);
    }
    // An array: element type, length, elements.
    if (depth >= this.limits.maxArrayDepth)
      this.fail(`${where()} nests arrays more than ${this.limits.maxArrayDepth} deep`);
    await c.need(12, () => `the array header of ${where()}`);
    const elementType = c.u32();
    const length = c.u64();
    if (elementType > T.F64)
      this.fail(`${where()} is an array of type ${elementType}, which is not a GGUF type (0 to 12)`);
    const kind = `${TYPE_NAMES[elementType]}${elementType === T.Array ? 's' : ' values'}`;
    if (length > this.limits.maxArrayLength)
      this.fail(
        `${where()} is an array of ${amount(length)} ${kind}; at most ${this.limits.maxArrayLength} elements are accepted`,
      );
    if (length * MIN_SIZE[elementType] > c.left) {
      this.fail(
        `${where()} is an array of ${amount(length)} ${kind}, which needs at least ${amount(length * MIN_SIZE[elementType])} bytes, but only ${amount(c.left)} are left in the file`,
      );
    }
    this.count(length, where);
    const elementFixed = FIXED_SIZE[elementType];
    if (elementFixed > 0) return c.skip(length * elementFixed, where);
    if (elementType === T.String) return this.skipStrings(length, where);
    for (let i = 0; i < length; i++) await this.skipValue(T.Array, depth + 1, () => `${where()}[${i}]`);
  }

  /** The hot loop of a real file (vocabularies, merges): awaits only when the window runs out. */
  private async skipStrings(length: number, where: () => string): Promise<void> {
    const c = this.c;
    const max = Math.min(this.limits.maxStringBytes, Number.MAX_SAFE_INTEGER);
    for (let i = 0; i < length; i++) {
      if (!c.has(8)) await c.need(8, () => `${where()}[${i}]`);
      const n = c.u64();
      if (n > max || n > c.left) this.checkString(n, () => `${where()}[${i}]`);
      c.pos += n;
    }
    if (c.pos > this.limits.maxHeaderBytes) this.count(0, where);
  }

  /** Checks one tensor info; returns the end of its data relative to the data section. */
  private async readTensorInfo(i: number): Promise<number> {
    const c = this.c;
    const where = () => `tensor ${i + 1}`;
    await c.need(8, () => `the name length of ${where()}`);
    const nameBytes = c.u64();
    if (nameBytes > MAX_TENSOR_NAME_BYTES)
      this.fail(
        `${where()} has a name of ${amount(nameBytes)} bytes; llama.cpp accepts at most ${MAX_TENSOR_NAME_BYTES}`,
      );
    await c.need(nameBytes + 4, () => `the name and shape of ${where()}`);
    const name = utf8.decode(c.take(nameBytes));
    const named = () => `tensor ${i + 1} ("${name}")`;
    const dims = c.u32();
    if (dims > MAX_DIMS) this.fail(`${named()} has ${amount(dims)} dimensions; llama.cpp accepts at most ${MAX_DIMS}`);
    await c.need(dims * 8 + 4 + 8, () => `the shape, type and offset of ${named()}`);
    let elements = 1;
    const shape: number[] = [];
    for (let d = 0; d < dims; d++) {
      const n = c.u64();
      shape.push(n);
      elements *= n;
    }
    this.count(1 + dims, named);
    if (elements > Number.MAX_SAFE_INTEGER)
      this.fail(`${named()} has shape ${shape.map(amount).join(' × ')}, more elements than any model holds`);
    const type = c.u32();
    const offset = c.u64();
    const block = GGML_TYPE_BLOCKS[type];
    if (!block) this.fail(`${named()} has ggml type ${type}, which this llama.cpp does not know`);
    const [perBlock, blockBytes] = block;
    if ((shape[0] ?? 1) % perBlock !== 0)
      this.fail(`${named()} has rows of ${shape[0]} elements, not a multiple of its type's block of ${perBlock}`);
    if (offset % this.alignment !== 0)
      this.fail(
        `${named()} starts at data offset ${amount(offset)}, not a multiple of the alignment ${this.alignment}`,
      );
    const end = offset + (elements / perBlock) * blockBytes;
    if (end > Number.MAX_SAFE_INTEGER)
      this.fail(`${named()} claims data up to byte ${amount(end)}, more than any file holds`);
    return end;
  }
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
