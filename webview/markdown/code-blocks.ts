/**
 * Code blocks in a chat answer: what the webview needs to put Copy / Insert at
 * cursor / Open as diff buttons on each one, and the wrapper HTML around it.
 */
import type { Token } from 'markdown-it';
import { escapeHtml } from './escape.js';
import { knownLanguage } from './highlight.js';
import type { Highlight } from './highlight-cache.js';

export interface CodeBlock {
  /** Position among the answer's code blocks, from 0; the same index is on the wrapper element. */
  index: number;
  /** Language as the model wrote it after the fence ("" when none), reduced to safe characters. */
  language: string;
  /** The code exactly as written, ending with a newline when the block had one. */
  code: string;
  /** False while the closing fence has not arrived (streaming) or the block was never closed. */
  complete: boolean;
}

const SAFE_LANGUAGE = /^[A-Za-z0-9_+#.-]{1,32}$/;

/** First word of a fence info string, or "" when it holds anything unusual. */
function fenceLanguage(info: string): string {
  const word = info.trim().split(/\s+/, 1)[0] ?? '';
  // Some models write ```{python} or ```.python; keep the name, drop the decoration.
  const bare = word.replace(/^[{.]+|[}]+$/g, '');
  return SAFE_LANGUAGE.test(bare) ? bare : '';
}

function lineCount(text: string): number {
  if (text === '') return 0;
  const parts = text.split('\n').length;
  return text.endsWith('\n') ? parts - 1 : parts;
}

/**
 * markdown-it gives a closed fence one more source line (the closing marker)
 * than an open one, so the map tells us whether the fence was closed.
 */
function isFenceClosed(token: Token): boolean {
  if (token.type !== 'fence') return true;
  if (token.map === null) return true;
  const [start, end] = token.map;
  return end - start === lineCount(token.content) + 2;
}

export function codeBlockFromToken(token: Token, index: number): CodeBlock {
  return {
    index,
    language: token.type === 'fence' ? fenceLanguage(token.info) : '',
    code: token.content,
    complete: isFenceClosed(token),
  };
}

/** Wrapper the webview script finds by class and fills with its buttons. */
export function renderCodeBlock(block: CodeBlock, highlight: Highlight): string {
  const language = escapeHtml(block.language);
  const canonical = knownLanguage(block.language);
  const codeClass = canonical === undefined ? 'hljs' : `hljs language-${canonical}`;
  return (
    `<div class="fude-code" data-code-index="${block.index}" data-lang="${language}"` +
    ` data-complete="${block.complete}">` +
    `<div class="fude-code-header"><span class="fude-code-lang">${language}</span></div>` +
    `<pre><code class="${codeClass}">${highlight(block.code, block.language, block.complete)}</code></pre>` +
    `</div>\n`
  );
}
