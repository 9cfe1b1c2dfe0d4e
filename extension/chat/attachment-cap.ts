/**
 * The most text one attachment may carry (a selection or a file), and cutting to it. A model's context holds
 * a few thousand tokens; holding megabytes in the panel, the prompt and the history helps nobody. The cut
 * keeps whole lines when there are any; a text of one long line (minified code, a log without newlines)
 * keeps its first characters rather than nothing. `totalChars` on the result says it was cut.
 */
import { splitLines, type Attachment } from './attachments.js';

export const MAX_ATTACHMENT_CHARS = 400_000;

export interface AttachmentCut {
  name: string;
  kind: Attachment['kind'];
  keptChars: number;
  totalChars: number;
  keptLines: number;
  totalLines: number;
}

/** Where to cut `text` to at most `max` characters: after the last whole line, else inside the one line. */
export function cutPoint(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const lastNewline = text.lastIndexOf('\n', max - 1);
  if (lastNewline > 0) return lastNewline;
  // One long line: cut at `max`, never between the halves of a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** The attachment within the cap, and what was cut (null when nothing was). Already cut ones are left alone. */
export function capAttachment(
  attachment: Attachment,
  max = MAX_ATTACHMENT_CHARS,
): { attachment: Attachment; cut: AttachmentCut | null } {
  const { text } = attachment;
  if (text.length <= max) {
    if (attachment.totalChars === undefined) return { attachment, cut: null };
    return {
      attachment,
      cut: describeCut(attachment, attachment.totalChars, attachment.totalLines ?? splitLines(text).length),
    };
  }
  const end = cutPoint(text, max);
  const totalLines = attachment.totalLines ?? splitLines(text).length;
  const capped: Attachment = {
    ...attachment,
    text: text.slice(0, end),
    totalChars: attachment.totalChars ?? text.length,
  };
  if (attachment.kind === 'file') Object.assign(capped, { startLine: attachment.startLine ?? 1, totalLines });
  return { attachment: capped, cut: describeCut(capped, capped.totalChars!, totalLines) };
}

function describeCut(attachment: Attachment, totalChars: number, totalLines: number): AttachmentCut {
  return {
    name: attachment.name,
    kind: attachment.kind,
    keptChars: attachment.text.length,
    totalChars,
    keptLines: splitLines(attachment.text).length,
    totalLines,
  };
}
