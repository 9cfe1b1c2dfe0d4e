/**
 * How a selection or a file is written into the user message: a header with
 * the file name and lines, then the text in a fence longer than any backtick
 * run inside it, so code that itself contains fences cannot end the block early.
 */

/** Where the cursor was in an attached file, and the declaration around it (from the editor's document symbols). */
export interface CursorContext {
  /** 1-based line of the cursor. */
  line: number;
  /** The innermost function, method or class around the cursor: 1-based inclusive lines and its name. */
  declaration?: { start: number; end: number; name: string };
}

/** A line of a file's outline: an import, or the first line of a declaration (its signature). */
export interface OutlineLine {
  /** 1-based. */
  line: number;
  kind: 'import' | 'signature';
}

/** 1-based inclusive lines. */
export interface LineSpan {
  start: number;
  end: number;
}

export interface Attachment {
  kind: 'selection' | 'file';
  /** Workspace-relative path, or the file name. */
  name: string;
  /** VS Code language id ("typescript", "plaintext", ...). */
  language: string;
  text: string;
  /** 1-based line of `text`'s first line in its file; 1 when absent. */
  startLine?: number;
  /** Line count of the whole file when `text` is only part of it (a trimmed file). */
  totalLines?: number;
  /** Characters of the whole text when `text` was cut to the attachment limit (attachment-cap.ts). */
  totalChars?: number;
  /** 1-based inclusive lines of the selection inside this file, to trim around it. */
  focus?: { start: number; end: number };
  /** A file attached from its editor: where the cursor was. A file too long to send whole is cut around it. */
  cursor?: CursorContext;
  /** The file's outline (imports, signatures), sent for the parts of a long file that do not fit. */
  outline?: OutlineLine[];
  /**
   * Set when the file was cut to an excerpt: the lines sent (1-based, sorted, disjoint). `text` then holds
   * those lines with a marker line for each run left out, and `totalLines` the file's length.
   */
  excerpt?: LineSpan[];
}

// VS Code ids whose usual markdown fence name differs.
const FENCE_NAMES: Record<string, string> = {
  typescriptreact: 'tsx',
  javascriptreact: 'jsx',
  shellscript: 'bash',
  plaintext: '',
  jsonc: 'json',
};

/** Normalises line ends: CRLF costs tokens and means nothing to the model. */
function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function splitLines(text: string): string[] {
  const normalised = normaliseNewlines(text);
  const lines = normalised.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

export function fenceFor(text: string): string {
  return '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
}

export function fenceLanguage(languageId: string): string {
  const name = FENCE_NAMES[languageId] ?? languageId;
  return /^[A-Za-z0-9_+#.-]{1,40}$/.test(name) ? name : '';
}

/** A file name on one line: controls and line breaks would let a name forge prompt structure. */
function oneLine(name: string): string {
  // eslint-disable-next-line no-control-regex -- the controls are what it removes
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

export function lineRange(attachment: Attachment): { start: number; end: number; count: number } {
  const start = attachment.startLine ?? 1;
  const count = splitLines(attachment.text).length;
  return { start, end: start + Math.max(count, 1) - 1, count };
}

/** Where the cursor is, for the model: "この関数" in a question means the code there. */
function cursorNote(cursor: CursorContext | undefined): string {
  if (cursor === undefined) return '';
  const inside = cursor.declaration ? `、${oneLine(cursor.declaration.name)} の中` : '';
  return `、カーソルは${cursor.line}行目${inside}`;
}

function header(attachment: Attachment): string {
  const name = oneLine(attachment.name);
  const cursor = cursorNote(attachment.cursor);
  if (attachment.excerpt !== undefined)
    return `ファイル: ${name} (抜粋 / 全${attachment.totalLines ?? '?'}行${cursor})`;
  const { start, end } = lineRange(attachment);
  const lines = `${start}〜${end}行目`;
  // A cut text says so, so the model does not take the part for the whole.
  const cut =
    attachment.totalChars !== undefined ? `、先頭${attachment.text.length}文字 / 全${attachment.totalChars}文字` : '';
  if (attachment.kind === 'selection') return `選択範囲: ${name} (${lines}${cut})`;
  if (attachment.totalLines !== undefined && (start !== 1 || end !== attachment.totalLines || cut !== '')) {
    return `ファイル: ${name} (${lines} / 全${attachment.totalLines}行${cut}${cursor})`;
  }
  const notes = `${cut}${cursor}`;
  return notes === '' ? `ファイル: ${name}` : `ファイル: ${name} (${notes.slice(1)})`;
}

/** The marker that stands for a run of lines left out of an excerpt. */
export function omittedMarker(start: number, end: number): string {
  return start === end ? `… (${start}行目を省略)` : `… (${start}〜${end}行目を省略)`;
}

export function formatAttachment(attachment: Attachment): string {
  const text = normaliseNewlines(attachment.text);
  const fence = fenceFor(text);
  const body = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  return `${header(attachment)}\n${fence}${fenceLanguage(attachment.language)}\n${body}${fence}`;
}

export interface UserMessageParts {
  question: string;
  selection: Attachment | null;
  files: Attachment[];
}

/** Files first, then the selection, then the question: the question last is what small models follow best. */
export function buildUserMessage(parts: UserMessageParts): string {
  const blocks = parts.files.map(formatAttachment);
  if (parts.selection !== null) blocks.push(formatAttachment(parts.selection));
  blocks.push(normaliseNewlines(parts.question).trim());
  return blocks.join('\n\n');
}
