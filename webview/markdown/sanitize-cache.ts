/**
 * Remembers sanitized HTML by its input. DOMPurify is the larger part of a
 * render in the browser, and while an answer streams only its last block changes.
 */
import type { Sanitize } from './sanitize.js';

export function cachedSanitize(sanitize: Sanitize, limit = 256): Sanitize {
  const cache = new Map<string, string>();
  return (html) => {
    const hit = cache.get(html);
    if (hit !== undefined) {
      cache.delete(html);
      cache.set(html, hit);
      return hit;
    }
    const clean = sanitize(html);
    cache.set(html, clean);
    if (cache.size > limit) cache.delete(cache.keys().next().value as string);
    return clean;
  };
}
