/**
 * Markdown for an answer that is still being written, parsed incrementally: top-level blocks that can no
 * longer change are rendered and sanitized once and kept; each update parses only the text after them (in
 * practice the last open block). Re-parsing the whole answer every frame made a 100,000-character answer
 * take minutes to stream, with frames over a second.
 *
 * When is a block final? Markdown decides a line's meaning from that line and what came before, so once a
 * later block has started on a COMPLETE line (its newline has arrived), every block before it is settled:
 * a partial line can still turn out to be something else ("#" a heading, "#x" more paragraph), a complete
 * one cannot. What later text can still change (a reference definition after its use, `[x][r]` … `[r]: url`)
 * is only cosmetic: the answer is rendered whole once it is done.
 *
 * Every piece handed out is sanitized on its own, like `render()`'s blocks: DOMPurify's output is complete
 * elements with escaped text, so appending clean pieces cannot form new markup.
 */
import type { Token } from 'markdown-it';
import { createMarkdownIt, type RenderEnv } from './markdown-setup.js';
import { createSanitizer, type PurifierSource } from './sanitize.js';
import { cachedSanitize } from './sanitize-cache.js';
import { createHighlightCache } from './highlight-cache.js';
import { topLevelBlocks } from './block-groups.js';
import type { CodeBlock } from './code-blocks.js';

export interface StreamUpdate {
  /** The element's content is stale (the text does not continue the last one): empty it first. */
  reset: boolean;
  /** HTML of blocks that just became final: append it after the final part; it never changes again. */
  appended: string;
  /** HTML of the open part after the final blocks: it replaces the previous tail. */
  tail: string;
  /** Every code block so far, final ones first; indices match `data-code-index`. */
  codeBlocks: CodeBlock[];
}

export interface StreamRenderer {
  /** `text` is the whole answer so far; it normally extends the previous one. */
  update(text: string): StreamUpdate;
}

type References = NonNullable<RenderEnv['references']>;

/** Offsets where each line starts, with markdown-it's line breaks (\r\n, \r, \n). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function createStreamRenderer(source: PurifierSource): StreamRenderer {
  const md = createMarkdownIt();
  const sanitize = cachedSanitize(createSanitizer(source));
  const highlight = createHighlightCache();
  /** The final part: its text, its reference definitions, its code blocks. */
  let final = '';
  let references: References = {};
  let finalBlocks: CodeBlock[] = [];

  const envOf = (): RenderEnv & { references: References } => ({
    codeBlocks: [...finalBlocks],
    highlight,
    references: { ...references },
  });
  const renderBlocks = (blocks: Token[][], env: RenderEnv) =>
    blocks.map((block) => sanitize(md.renderer.render(block, md.options, env))).join('');

  return {
    update(text) {
      let reset = false;
      if (!text.startsWith(final)) {
        final = '';
        references = {};
        finalBlocks = [];
        reset = true;
      }
      // A lone \r may be the first half of \r\n: wait for the next character before reading its line.
      const open = text.slice(final.length, text.endsWith('\r') ? -1 : undefined);
      let env = envOf();
      let blocks = topLevelBlocks(md.parse(open, env));
      const starts = lineStarts(open);
      // The last line is complete only if the text ends with a line break; only blocks starting before it count.
      const partialLine = starts.length - 1;
      let settled = 0;
      while (settled + 1 < blocks.length && (blocks[settled + 1][0].map?.[0] ?? partialLine) < partialLine) settled++;
      let appended = '';
      if (settled > 0) {
        const boundary = starts[blocks[settled][0].map![0]];
        const segment = open.slice(0, boundary);
        // Parsed on its own, so its reference definitions are exactly those of the final part.
        const finalEnv = envOf();
        appended = renderBlocks(topLevelBlocks(md.parse(segment, finalEnv)), finalEnv);
        final += segment;
        references = finalEnv.references;
        finalBlocks = finalEnv.codeBlocks;
        env = envOf();
        blocks = topLevelBlocks(md.parse(open.slice(boundary), env));
      }
      const tail = renderBlocks(blocks, env);
      return { reset, appended, tail, codeBlocks: env.codeBlocks };
    },
  };
}
