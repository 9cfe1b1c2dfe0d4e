/**
 * Model output (markdown, possibly cut off mid-stream) to sanitized HTML for
 * the chat webview, plus the code blocks it contains.
 *
 * Cheap enough to call again on every streamed chunk: the whole answer is
 * re-rendered, which keeps partial constructs (an unclosed fence) correct.
 */
import { createMarkdownIt, type RenderEnv } from "./markdown-setup.js";
import { createSanitizer, type PurifierSource } from "./sanitize.js";
import { createHighlightCache } from "./highlight-cache.js";
import type { CodeBlock } from "./code-blocks.js";

export type { CodeBlock } from "./code-blocks.js";
export type { PurifierSource } from "./sanitize.js";

export interface RenderedMarkdown {
  html: string;
  codeBlocks: CodeBlock[];
}

export interface MarkdownRenderer {
  render(markdown: string): RenderedMarkdown;
}

export function createMarkdownRenderer(source: PurifierSource): MarkdownRenderer {
  const md = createMarkdownIt();
  const sanitize = createSanitizer(source);
  const highlight = createHighlightCache();
  return {
    render(markdown) {
      const env: RenderEnv = { codeBlocks: [], highlight };
      const html = sanitize(md.render(markdown, env));
      return { html, codeBlocks: env.codeBlocks };
    },
  };
}
