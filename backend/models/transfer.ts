// The bytes of one download: resume what a part file holds, request the rest (Range), retry dropped connections
// and busy servers with backoff (Retry-After respected), write and hash at once, then verify and rename.
import { createHash, type Hash } from 'node:crypto';
import { rename } from 'node:fs/promises';
import { formatBytes } from '../setup/format-bytes.js';
import { DISK_MARGIN_BYTES, freeBytes as statfsFree } from './disk-space.js';
import type { DownloadEvent, DownloadOptions, DownloadResult } from './downloader.js';
import { firstLine, ModelsError } from './errors.js';
import { fileSink, writeError } from './file-sink.js';
import { GGUF_HEADER_BYTES, isPageContentType, sniffGguf, sniffGgufFile } from './gguf-sniff.js';
import { ConnectionError, httpGet, readSome, type GetResponse } from './http-get.js';
import {
  hashFilePrefix,
  partPath,
  partSize,
  readPartMeta,
  removePart,
  writePartMeta,
  type PartMeta,
} from './part-file.js';
import { backoffMs, parseRetryAfter } from './retry-after.js';
import { etaSeconds, SpeedMeter } from './speed.js';

/** A status the retries may wait out. */
class Retryable extends Error {
  constructor(
    readonly code: 'rate_limited' | 'server_error',
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

function contentRange(h: GetResponse['headers']): { start: number; total: number | null } | undefined {
  const m = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec((h['content-range'] ?? '').trim());
  if (!m) return undefined;
  return { start: Number(m[1]), total: m[2] === '*' ? null : Number(m[2]) };
}

function unsatisfiedTotal(h: GetResponse['headers']): number | null {
  const m = /^bytes \*\/(\d+)$/.exec((h['content-range'] ?? '').trim());
  return m ? Number(m[1]) : null;
}

function validatorOf(h: GetResponse['headers']): string | undefined {
  const v = h.etag ?? h['last-modified'] ?? '';
  // A weak ETag cannot be used in If-Range.
  return v === '' || v.startsWith('W/') ? undefined : v;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface TransferArgs {
  opts: DownloadOptions;
  target: string;
  url: string;
  tokenOrigins: string[];
  givenSha?: string;
  emit: (e: DownloadEvent) => void;
}

export class Transfer {
  private readonly part: string;
  private offset = 0;
  private hash: Hash = createHash('sha256');
  private total: number | null = null;
  private meta!: PartMeta;

  constructor(private readonly a: TransferArgs) {
    this.part = partPath(a.target);
  }

  private get opts(): DownloadOptions {
    return this.a.opts;
  }

  async run(): Promise<DownloadResult> {
    await this.prepare();
    try {
      await this.loop();
    } catch (e) {
      // Nothing useful was written, or it belongs to another version of the file: leave nothing behind.
      // A part with good bytes stays, to be resumed.
      const wrongFile = e instanceof ModelsError && (e.code === 'checksum_mismatch' || e.code === 'size_mismatch');
      if (this.offset === 0 || wrongFile) await removePart(this.a.target).catch(() => undefined);
      throw e;
    }
    return this.finish();
  }

  /** Picks up what an earlier attempt (maybe another process) left, if it is the same download. */
  private async prepare(): Promise<void> {
    const { target, url, givenSha, emit } = this.a;
    this.offset = await partSize(target);
    const old = await readPartMeta(target);
    if (
      this.offset > 0 &&
      (!old || old.url !== url || (givenSha && old.expectedSha256 && old.expectedSha256 !== givenSha))
    ) {
      emit({
        event: 'notice',
        kind: 'restart_changed',
        message: `${this.part} belongs to another download; starting this one from the beginning.`,
      });
      await removePart(target);
      this.offset = 0;
    }
    if (this.offset > 0 && !(await sniffGgufFile(this.part)).ok) {
      await removePart(target);
      this.offset = 0;
    }
    if (this.offset > 0) {
      emit({
        event: 'notice',
        kind: 'resume',
        message: `Resuming ${this.part} from ${formatBytes(this.offset)} (checking the bytes already there first).`,
      });
      this.hash = await hashFilePrefix(this.part, this.offset);
    }
    this.meta =
      old && this.offset > 0
        ? { ...old }
        : { version: 1, source: this.opts.source, url, startedAt: new Date().toISOString() };
    if (givenSha) this.meta.expectedSha256 = givenSha;
    if (this.opts.expectedSize !== undefined) this.meta.expectedSize = this.opts.expectedSize;
    if (this.opts.catalogId) this.meta.catalogId = this.opts.catalogId;
    await writePartMeta(target, this.meta).catch((e: unknown) => {
      throw new ModelsError('io', `Cannot write beside ${target}: ${firstLine(e)}`);
    });
  }

  private cancelled(): ModelsError {
    return this.offset > 0
      ? new ModelsError(
          'cancelled',
          `The download was cancelled; ${formatBytes(this.offset)} kept in ${this.part}. Download again to resume.`,
          { path: this.part, bytes: this.offset },
        )
      : new ModelsError('cancelled', 'The download was cancelled before any data arrived.');
  }

  /** Attempts until the body is complete; failures in a row without progress are bounded. */
  private async loop(): Promise<void> {
    const retries = this.opts.retries ?? 5;
    let failures = 0;
    for (;;) {
      const attemptStart = this.offset;
      try {
        if (await this.attempt()) return;
      } catch (e) {
        if (this.opts.signal?.aborted) throw this.cancelled();
        if (!(e instanceof ConnectionError || e instanceof Retryable)) throw e;
        if (this.offset > attemptStart) failures = 0;
        failures++;
        const kept = this.offset > 0 ? { path: this.part, bytes: this.offset } : undefined;
        const code = e instanceof Retryable ? e.code : 'network';
        if (failures > retries) {
          throw new ModelsError(
            code,
            `Gave up after ${retries} retries (${e.message}). ${kept ? `${formatBytes(this.offset)} are kept in ${this.part}; download again to resume.` : 'Check the network or the address and try again.'}`,
            kept,
          );
        }
        const asked = e instanceof Retryable ? e.retryAfterMs : undefined;
        if (asked !== undefined && asked > (this.opts.maxRetryAfterMs ?? 120_000)) {
          throw new ModelsError(
            code,
            `${e.message}; the server asks to wait ${Math.ceil(asked / 1000)} s. Try again after ${new Date(Date.now() + asked).toLocaleTimeString()}.`,
            kept,
          );
        }
        const wait = asked ?? backoffMs(failures, this.opts.backoffBaseMs ?? 1000, this.opts.backoffMaxMs ?? 30_000);
        this.a.emit({
          event: 'notice',
          kind: 'retry',
          message: `${e.message}; retry ${failures} of ${retries} in ${(wait / 1000).toFixed(wait < 10_000 ? 1 : 0)} s${asked !== undefined ? ' (as the server asked)' : ''}.`,
        });
        try {
          await sleep(wait, this.opts.signal);
        } catch {
          throw this.cancelled();
        }
      }
    }
  }

  /** One request. True when the body is complete (or already was); false to ask again at once. */
  private async attempt(): Promise<boolean> {
    const { url, target, emit } = this.a;
    const headers: Record<string, string> = {};
    if (this.offset > 0) {
      headers.range = `bytes=${this.offset}-`;
      if (this.meta.validator) headers['if-range'] = this.meta.validator;
    }
    const res = await httpGet(url, {
      headers,
      token: this.opts.token,
      tokenOrigins: this.a.tokenOrigins,
      signal: this.opts.signal,
      idleTimeoutMs: this.opts.idleTimeoutMs,
    });
    await this.checkStatus(res);
    if (res.status === 416) {
      const t = unsatisfiedTotal(res.headers);
      if (t !== null && t === this.offset) return true; // the part was already complete
      emit({
        event: 'notice',
        kind: 'restart_changed',
        message: `The server cannot continue ${this.part} (HTTP 416); starting again from the beginning.`,
      });
      await this.restartFromZero(true);
      return false;
    }
    const range = res.status === 206 ? contentRange(res.headers) : undefined;
    if (res.status === 206 && (!range || range.start !== this.offset)) {
      res.body.destroy();
      emit({
        event: 'notice',
        kind: 'restart_changed',
        message: 'The server answered another byte range than asked for; starting again from the beginning.',
      });
      await this.restartFromZero(true);
      return false;
    }
    if (this.offset > 0 && res.status === 200) {
      // The body is the whole file from byte 0: the server ignores Range, or the file changed (If-Range).
      const changed = headers['if-range'] !== undefined && validatorOf(res.headers) !== headers['if-range'];
      emit(
        changed
          ? {
              event: 'notice',
              kind: 'restart_changed',
              message: `The file on the server changed since ${formatBytes(this.offset)} were downloaded; starting again from 0.`,
            }
          : {
              event: 'notice',
              kind: 'restart_no_range',
              message: `The server does not support resuming (it sent the whole file); starting again from 0 instead of ${formatBytes(this.offset)}.`,
            },
      );
      await this.restartFromZero(false);
    }
    this.learnSizes(res, range);
    await writePartMeta(target, this.meta).catch(() => undefined);
    await this.checkFreeSpace(res);
    emit({
      event: 'start',
      url,
      target,
      totalBytes: this.total,
      resumedFromBytes: this.offset,
      expectedSha256: this.meta.expectedSha256 ?? null,
    });
    await this.receive(res);
    if (this.total !== null && this.offset < this.total)
      throw new ConnectionError(`the connection closed at ${formatBytes(this.offset)} of ${formatBytes(this.total)}`);
    if (this.total !== null && this.offset > this.total) {
      await removePart(target);
      throw new ModelsError(
        'size_mismatch',
        `${url} sent more bytes than it announced (${this.offset} > ${this.total}); the download was deleted.`,
      );
    }
    return true;
  }

  /** Turns HTTP failures into errors: for the user (401/403/404/other 4xx) or for the retries (408/429/5xx). */
  private async checkStatus(res: GetResponse): Promise<void> {
    const { url } = this.a;
    const status = res.status;
    if (status === 200 || status === 206 || status === 416) {
      if (status === 416) res.body.resume();
      return;
    }
    if (status === 401 || status === 403) {
      res.body.resume();
      throw new ModelsError(
        'auth_required',
        this.opts.token
          ? `The Hugging Face token was refused for ${url} (HTTP ${status}). Check that the token is valid and that you accepted the repository's conditions on its page.`
          : `${url} needs a Hugging Face token (HTTP ${status}): the repository is gated or private. Accept its conditions on huggingface.co, create a read token, and give it to Fude (or set HF_TOKEN for fude-models).`,
      );
    }
    if (status === 404) {
      res.body.resume();
      throw new ModelsError(
        'not_found',
        `${url} was not found (HTTP 404). Check the repository, file name and revision.`,
      );
    }
    if (status === 429 || status === 408 || (status >= 500 && status <= 599)) {
      const body = (await readSome(res.body, 200)).trim().replace(/\s+/g, ' ');
      const after = parseRetryAfter(res.headers['retry-after']);
      if (status === 429) throw new Retryable('rate_limited', 'the server limits requests (HTTP 429)', after);
      throw new Retryable(
        'server_error',
        `the server failed (HTTP ${status}${body ? `: ${body.slice(0, 80)}` : ''})`,
        after,
      );
    }
    const body = (await readSome(res.body, 200)).trim().replace(/\s+/g, ' ');
    throw new ModelsError(
      'bad_input',
      `${url} answered HTTP ${status}${body ? ` (${body.slice(0, 120)})` : ''}; nothing was saved.`,
    );
  }

  /** The total size from the response, and the SHA-256 and size Hugging Face published for the file. */
  private learnSizes(res: GetResponse, range: { total: number | null } | undefined): void {
    const length = Number(res.headers['content-length']);
    this.total = range ? range.total : Number.isSafeInteger(length) && length >= 0 ? this.offset + length : null;
    if (this.total === null && res.linked.size !== undefined) this.total = res.linked.size;
    if (res.linked.sha256 && this.meta.expectedSha256 !== undefined && res.linked.sha256 !== this.meta.expectedSha256) {
      res.body.destroy();
      throw new ModelsError(
        'checksum_mismatch',
        `The server says ${this.a.url} has SHA-256 ${res.linked.sha256}, not the expected ${this.meta.expectedSha256}: the file was changed at the source. Nothing more was downloaded; check the source.`,
      );
    }
    if (res.linked.sha256 && this.meta.expectedSha256 === undefined) this.meta.expectedSha256 = res.linked.sha256;
    if (res.linked.size !== undefined && this.meta.expectedSize === undefined) this.meta.expectedSize = res.linked.size;
    const validator = validatorOf(res.headers);
    if (validator) this.meta.validator = validator;
    const expected = this.meta.expectedSize;
    if (this.total !== null && expected !== undefined && this.total !== expected) {
      res.body.destroy();
      throw new ModelsError(
        'size_mismatch',
        `${this.a.url} is ${this.total} bytes on the server but ${expected} were expected; nothing more was downloaded. The file may have changed: check the source.`,
      );
    }
  }

  private async checkFreeSpace(res: GetResponse): Promise<void> {
    const size = this.total ?? this.meta.expectedSize;
    const need = size === undefined ? 0 : size - this.offset;
    if (need <= 0) return;
    const free = await (this.opts.freeBytes ?? statfsFree)(this.opts.dir).catch(() => Number.POSITIVE_INFINITY);
    if (free >= need + DISK_MARGIN_BYTES) return;
    res.body.destroy();
    throw new ModelsError(
      'disk_full',
      `Not enough free disk space in ${this.opts.dir}: the download needs ${formatBytes(need)} more (plus ${formatBytes(DISK_MARGIN_BYTES)} to spare) but ${formatBytes(free)} is free. Free some space or choose another models folder.`,
      this.offset > 0 ? { path: this.part, bytes: this.offset } : undefined,
    );
  }

  private async restartFromZero(dropPart: boolean): Promise<void> {
    if (dropPart) {
      await removePart(this.a.target);
      delete this.meta.validator;
      await writePartMeta(this.a.target, this.meta).catch(() => undefined);
    }
    this.offset = 0;
    this.hash = createHash('sha256');
  }

  /** Streams the body into the part file and the hash; the first bytes are judged before any is written. */
  private async receive(res: GetResponse): Promise<void> {
    const { target, emit } = this.a;
    const every = this.opts.progressIntervalMs ?? 250;
    const meter = new SpeedMeter();
    const sink = await (this.opts.openSink ?? fileSink)(this.part, this.offset);
    let head: Buffer | undefined = this.offset === 0 ? Buffer.alloc(0) : undefined;
    let lastReport = 0;
    const report = (force: boolean) => {
      const now = Date.now();
      if (!force && now - lastReport < every) return;
      lastReport = now;
      meter.add(this.offset);
      const bps = meter.bytesPerSecond();
      emit({
        event: 'progress',
        receivedBytes: this.offset,
        totalBytes: this.total,
        bytesPerSecond: Math.round(bps),
        etaSeconds: etaSeconds(this.offset, this.total, bps),
      });
    };
    const write = async (chunk: Buffer) => {
      try {
        await sink.write(chunk);
      } catch (e) {
        throw writeError(e, target, this.part, this.offset);
      }
      this.hash.update(chunk);
      this.offset += chunk.length;
    };
    meter.add(this.offset);
    try {
      for await (const raw of res.body) {
        const chunk = raw as Buffer;
        if (head === undefined) {
          await write(chunk);
        } else {
          // Hold the first bytes until the GGUF header can be judged: an error page never reaches the disk.
          head = Buffer.concat([head, chunk]);
          if (head.length < GGUF_HEADER_BYTES) continue;
          this.checkHead(head, res);
          const first = head;
          head = undefined;
          await write(first);
        }
        report(false);
      }
      if (head !== undefined && head.length > 0) {
        this.checkHead(head, res);
        await write(head);
      }
    } catch (e) {
      res.body.destroy();
      if (e instanceof ModelsError) throw e;
      if (this.opts.signal?.aborted) throw this.cancelled();
      throw new ConnectionError(
        `the connection dropped at ${formatBytes(this.offset)}${this.total !== null ? ` of ${formatBytes(this.total)}` : ''} (${(e as NodeJS.ErrnoException).code ?? firstLine(e)})`,
      );
    } finally {
      report(true);
      await sink.sync().catch(() => undefined); // a failed flush shows up in the verification
      await sink.close().catch(() => undefined);
    }
  }

  private checkHead(head: Buffer, res: GetResponse): void {
    const sniff = sniffGguf(head);
    if (sniff.ok) return;
    const ct = res.headers['content-type'] ?? '';
    const page = isPageContentType(ct) ? ` (content type ${ct})` : '';
    throw new ModelsError(
      'not_gguf',
      `${this.a.url} sent ${sniff.what}${page}, not a GGUF model; nothing was saved. The link may point to a web page instead of the file, or the server returned an error page.`,
    );
  }

  /** Verifies size and SHA-256, then (and only then) gives the file its name. */
  private async finish(): Promise<DownloadResult> {
    const { target, url, givenSha, emit } = this.a;
    emit({ event: 'verifying', path: this.part });
    const sizeBytes = this.offset;
    const digest = this.hash.digest('hex');
    const expectedSize = this.meta.expectedSize;
    const expectedSha = this.meta.expectedSha256;
    if (expectedSize !== undefined && sizeBytes !== expectedSize) {
      await removePart(target);
      throw new ModelsError(
        'size_mismatch',
        `The download of ${url} is ${sizeBytes} bytes but ${expectedSize} were expected; it was deleted. The file on the server may have changed: check the source and try again.`,
      );
    }
    if (expectedSha !== undefined && digest !== expectedSha) {
      await removePart(target);
      throw new ModelsError(
        'checksum_mismatch',
        `The SHA-256 of the download of ${url} is ${digest}, not the expected ${expectedSha}; it was deleted and nothing was saved as ${target}. The file on the server may have changed, or the download was corrupted: check the source and try again.`,
      );
    }
    const sniff = await sniffGgufFile(this.part);
    if (!sniff.ok) {
      await removePart(target);
      throw new ModelsError('not_gguf', `${url} is ${sniff.what}, not a GGUF model; nothing was saved.`);
    }
    try {
      await rename(this.part, target);
    } catch (e) {
      throw new ModelsError('io', `Cannot rename ${this.part} to ${target}: ${firstLine(e)}`, {
        path: this.part,
        bytes: sizeBytes,
      });
    }
    await removePart(target);
    return {
      path: target,
      sizeBytes,
      sha256: digest,
      checkedAgainst: givenSha ? 'given' : expectedSha ? 'server' : 'none',
      alreadyPresent: false,
      url,
    };
  }
}
