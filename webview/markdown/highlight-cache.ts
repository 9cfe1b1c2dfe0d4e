/**
 * Re-rendering a streamed answer on every chunk highlights the same finished
 * code blocks again and again; highlight.js is most of the render time, so
 * finished blocks are remembered. The block still streaming changes each time
 * and is never cached.
 */
import { escapeHtml } from './escape.js';
import { highlightCode } from './highlight.js';

export type Highlight = (code: string, language: string, complete: boolean) => string;

/**
 * A block still streaming that is longer than this is shown plain until its fence closes: highlighting it
 * again every frame would cost time in proportion to its length each frame.
 */
export const MAX_STREAMING_HIGHLIGHT = 4_000;

export function createHighlightCache(limit = 64): Highlight {
  const cache = new Map<string, string>();
  return (code, language, complete) => {
    if (!complete) return code.length > MAX_STREAMING_HIGHLIGHT ? escapeHtml(code) : highlightCode(code, language);
    const key = `${language}\u0000${code}`;
    const hit = cache.get(key);
    if (hit !== undefined) {
      // Refresh its place so the oldest-used entry is the one evicted.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const html = highlightCode(code, language);
    cache.set(key, html);
    if (cache.size > limit) cache.delete(cache.keys().next().value as string);
    return html;
  };
}
