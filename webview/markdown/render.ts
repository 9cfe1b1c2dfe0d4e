/**
 * Model output (markdown, possibly cut off mid-stream) to sanitized HTML for
 * the chat webview, plus the code blocks it contains.
 *
 * Cheap enough to call again on every streamed chunk: the whole answer is
 * parsed again, which keeps partial constructs (an unclosed fence) correct,
 * while finished blocks reuse their highlighted and sanitized HTML.
 */
import { createMarkdownIt, type RenderEnv } from './markdown-setup.js';
import { createSanitizer, type PurifierSource } from './sanitize.js';
import { cachedSanitize } from './sanitize-cache.js';
import { createHighlightCache } from './highlight-cache.js';
import { topLevelBlocks } from './block-groups.js';
import type { CodeBlock } from './code-blocks.js';

export type { CodeBlock } from './code-blocks.js';
export type { PurifierSource } from './sanitize.js';

export interface RenderedMarkdown {
  html: string;
  codeBlocks: CodeBlock[];
}

export interface MarkdownRenderer {
  render(markdown: string): RenderedMarkdown;
}

export function createMarkdownRenderer(source: PurifierSource): MarkdownRenderer {
  const md = createMarkdownIt();
  // Each block is sanitized on its own: DOMPurify's output is complete elements
  // with escaped text, so joining clean blocks cannot form new markup.
  const sanitize = cachedSanitize(createSanitizer(source));
  const highlight = createHighlightCache();
  return {
    render(markdown) {
      const env: RenderEnv = { codeBlocks: [], highlight };
      const tokens = md.parse(markdown, env);
      const html = topLevelBlocks(tokens)
        .map((block) => sanitize(md.renderer.render(block, md.options, env)))
        .join('');
      return { html, codeBlocks: env.codeBlocks };
    },
  };
}
