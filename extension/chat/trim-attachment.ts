/**
 * Cutting an attachment down to a token allowance at line boundaries,
 * keeping the lines nearest to its focus (the selection) or else the top.
 */
import { splitLines, type Attachment } from "./attachments.js";

/** 0-based [start, end) window of `size` lines out of `total`, centred on the focus when there is one. */
export function lineWindow(total: number, size: number, focus: { start: number; end: number } | null): { start: number; end: number } {
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
  return {
    ...attachment,
    text: lines.slice(start, end).join("\n"),
    startLine: first + start,
    totalLines: attachment.totalLines ?? (attachment.kind === "file" ? lines.length : undefined),
  };
}

/**
 * The largest window of the attachment whose cost fits `allowance`, or null
 * when not even one line fits. `cost` must grow with the text (binary search).
 */
export function trimToFit(attachment: Attachment, allowance: number, cost: (a: Attachment) => number): Attachment | null {
  const lines = splitLines(attachment.text);
  const first = attachment.startLine ?? 1;
  // Focus in 0-based [start, end) coordinates of this text.
  const focus = attachment.focus === undefined ? null : { start: attachment.focus.start - first, end: attachment.focus.end - first + 1 };
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
  return low === 0 ? null : at(low);
}
