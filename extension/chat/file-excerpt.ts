/**
 * Cutting a long file attached from its editor down to what fits, choosing what the question is most
 * likely about: first the declaration around the cursor (or the lines around the cursor when that alone
 * is too long) with a few lines of context, then the file's outline (its imports, then the signatures of
 * the other declarations, nearest first), then more code around the cursor with whatever room is left.
 * The lines left out are marked in the text, so the model sees where code is missing.
 */
import { omittedMarker, splitLines, type Attachment, type LineSpan } from './attachments.js';
import { lineWindow } from './trim-attachment.js';

/** Lines of context kept on each side of the declaration before the outline gets room. */
export const DECLARATION_MARGIN = 10;

/** What an excerpt kept, for the note the chat shows. */
export interface ExcerptSummary {
  /** The code around the cursor that was sent (1-based inclusive). */
  window: LineSpan;
  /** Outline lines sent outside that window. */
  outlineLines: number;
  /** Lines of the file not sent. */
  omitted: number;
  totalLines: number;
}

/** Half-open 0-based [start, end). */
interface Span0 {
  start: number;
  end: number;
}

/** Sorted, merged 1-based spans from 0-based half-open ones. */
function mergeSpans(spans: Span0[]): LineSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: Span0[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    // Adjacent runs join: a marker for zero lines would say nothing.
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged.map((s) => ({ start: s.start + 1, end: s.end }));
}

/** The lines of `spans` with a marker for each run between them (and before the first, after the last). */
export function renderExcerpt(lines: readonly string[], spans: readonly LineSpan[]): string {
  const out: string[] = [];
  let next = 1;
  for (const span of spans) {
    if (span.start > next) out.push(omittedMarker(next, span.start - 1));
    out.push(...lines.slice(span.start - 1, span.end));
    next = span.end + 1;
  }
  if (next <= lines.length) out.push(omittedMarker(next, lines.length));
  return out.join('\n');
}

/** What was kept of an excerpted attachment; undefined for one that is not an excerpt. */
export function summarizeExcerpt(excerpt: Attachment): ExcerptSummary | undefined {
  const spans = excerpt.excerpt;
  if (spans === undefined || spans.length === 0) return undefined;
  const totalLines = excerpt.totalLines ?? spans[spans.length - 1].end;
  const sent = spans.reduce((sum, s) => sum + s.end - s.start + 1, 0);
  const cursor = excerpt.cursor?.line ?? spans[0].start;
  // The window is the longest span holding the cursor; the others are outline lines.
  const window =
    spans.find((s) => s.start <= cursor && cursor <= s.end) ??
    spans.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  return { window, outlineLines: sent - (window.end - window.start + 1), omitted: totalLines - sent, totalLines };
}

/** Largest n in [low, high] with fits(n), assuming fits(low) and that fitting only gets harder as n grows. */
function largest(low: number, high: number, fits: (n: number) => boolean): number {
  let lo = low;
  let hi = high + 1; // first known not to fit (or past the end)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The file whole when it fits `allowance`; else an excerpt chosen around its cursor that fits; null when
 * not even the cursor's line fits. `cost` must grow with the text. A file without a cursor is not for
 * this function (trimToFit takes its top).
 */
export function excerptToFit(file: Attachment, allowance: number, cost: (a: Attachment) => number): Attachment | null {
  if (cost(file) <= allowance) return file;
  const lines = splitLines(file.text);
  const total = lines.length;
  const first = file.startLine ?? 1;
  const clamp = (line: number) => Math.min(Math.max(line - first, 0), Math.max(total - 1, 0));
  const cursor = clamp(file.cursor?.line ?? first);
  const declaration = file.cursor?.declaration;
  const core: Span0 =
    declaration === undefined
      ? { start: cursor, end: cursor + 1 }
      : { start: clamp(declaration.start), end: clamp(declaration.end) + 1 };
  if (core.start > cursor || core.end <= cursor) Object.assign(core, { start: cursor, end: cursor + 1 });
  const coreSize = core.end - core.start;

  // Outline lines in the order they get room: imports as they come, then signatures nearest the cursor first.
  const outline = (file.outline ?? [])
    .map((o) => ({ ...o, at: o.line - first }))
    .filter((o) => o.at >= 0 && o.at < total);
  const priority = [
    ...outline.filter((o) => o.kind === 'import').sort((a, b) => a.at - b.at),
    ...outline.filter((o) => o.kind === 'signature').sort((a, b) => Math.abs(a.at - cursor) - Math.abs(b.at - cursor)),
  ].map((o) => o.at);

  const build = (window: Span0, outlineCount: number): Attachment => {
    const spans = mergeSpans([window, ...priority.slice(0, outlineCount).map((at) => ({ start: at, end: at + 1 }))]);
    const shifted = spans.map((s) => ({ start: s.start + first - 1, end: s.end + first - 1 }));
    return {
      ...file,
      text: renderExcerpt(lines, spans),
      startLine: first,
      totalLines: file.totalLines ?? total + first - 1,
      excerpt: shifted,
    };
  };
  const fits = (a: Attachment) => cost(a) <= allowance;
  /** `size` lines centred on the core (or, smaller than the core, on the cursor inside it). */
  const windowOf = (size: number): Span0 => {
    if (size >= coreSize) return lineWindow(total, size, core);
    const inner = lineWindow(coreSize, size, { start: cursor - core.start, end: cursor - core.start + 1 });
    return { start: core.start + inner.start, end: core.start + inner.end };
  };

  // 1. The declaration; when it alone is too long, as much of it around the cursor as fits.
  if (!fits(build(core, 0))) {
    if (!fits(build(windowOf(1), 0))) return null;
    return build(windowOf(largest(1, coreSize - 1, (n) => fits(build(windowOf(n), 0)))), 0);
  }
  // 2. A few lines of context around it.
  let size = largest(coreSize, Math.min(total, coreSize + 2 * DECLARATION_MARGIN), (n) => fits(build(windowOf(n), 0)));
  // 3. The outline, as much of it as fits.
  const outlineCount = largest(0, priority.length, (m) => fits(build(windowOf(size), m)));
  // 4. More code around the cursor with what is left.
  size = largest(size, total, (n) => fits(build(windowOf(n), outlineCount)));
  return build(windowOf(size), outlineCount);
}
