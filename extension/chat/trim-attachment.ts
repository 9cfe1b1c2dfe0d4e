/**
 * Cutting an attachment down to a token allowance at line boundaries,
 * keeping the lines nearest to its focus (the selection) or else the top.
 */
import { splitLines, type Attachment } from './attachments.js';

/** 0-based [start, end) window of `size` lines out of `total`, centred on the focus when there is one. */
export function lineWindow(
  total: number,
  size: number,
  focus: { start: number; end: number } | null,
): { start: number; end: number } {
  const clamped = Math.max(0, Math.min(size, total));
  if (focus === null) return { start: 0, end: clamped };
  const focusStart = Math.min(Math.max(focus.start, 0), total);
  const focusLength = Math.max(0, Math.min(focus.end, total) - focusStart);
  // A window smaller than the focus keeps the focus's first lines.
  if (clamped <= focusLength) return { start: focusStart, end: focusStart + clamped };
  const before = Math.floor((clamped - focusLength) / 2);
  const start = Math.max(0, Math.min(focusStart - before, total - clamped));
  return { start, end: start + clamped };
}

/** The attachment reduced to lines [start, end) of its text, with its line numbers kept true. */
function sliceAttachment(attachment: Attachment, start: number, end: number): Attachment {
  const lines = splitLines(attachment.text);
  const first = attachment.startLine ?? 1;
  // The line range in the header says which part this is; a character count would say less.
  const { totalChars: _cut, ...rest } = attachment;
  return {
    ...rest,
    text: lines.slice(start, end).join('\n'),
    startLine: first + start,
    totalLines: attachment.totalLines ?? (attachment.kind === 'file' ? lines.length : undefined),
  };
}

/** The first `chars` characters of line `index` alone: for a line longer than the whole allowance. */
function cutLine(attachment: Attachment, index: number, chars: number): Attachment {
  const line = splitLines(attachment.text)[index] ?? '';
  const whole = sliceAttachment(attachment, index, index + 1);
  // A one-line text that was already cut counts its characters against the whole original.
  const totalChars = index === 0 && attachment.totalChars !== undefined ? attachment.totalChars : line.length;
  const code = line.charCodeAt(chars - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? chars - 1 : chars;
  return { ...whole, text: line.slice(0, end), totalChars };
}

/**
 * The largest window of the attachment whose cost fits `allowance`, or null
 * when not even one line fits. `cost` must grow with the text (binary search).
 */
export function trimToFit(
  attachment: Attachment,
  allowance: number,
  cost: (a: Attachment) => number,
): Attachment | null {
  const lines = splitLines(attachment.text);
  const first = attachment.startLine ?? 1;
  // Focus in 0-based [start, end) coordinates of this text.
  const focus =
    attachment.focus === undefined
      ? null
      : { start: attachment.focus.start - first, end: attachment.focus.end - first + 1 };
  const at = (size: number): Attachment => {
    const window = lineWindow(lines.length, size, focus);
    return sliceAttachment(attachment, window.start, window.end);
  };
  if (cost(at(lines.length)) <= allowance) return attachment;
  let low = 0; // fits (0 lines means "nothing")
  let high = lines.length; // does not fit
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (cost(at(mid)) <= allowance) low = mid;
    else high = mid;
  }
  if (low > 0) return at(low);
  // Not even one line fits: a long line (minified code, a one-line log) gives its first characters.
  const index = lineWindow(lines.length, 1, focus).start;
  const line = lines[index] ?? '';
  let chars = 0;
  let over = line.length + 1;
  while (over - chars > 1) {
    const mid = Math.floor((chars + over) / 2);
    if (cost(cutLine(attachment, index, mid)) <= allowance) chars = mid;
    else over = mid;
  }
  return chars < MIN_LINE_CHARS ? null : cutLine(attachment, index, chars);
}

/** Fewer characters than this of a cut line are not worth sending. */
const MIN_LINE_CHARS = 16;
