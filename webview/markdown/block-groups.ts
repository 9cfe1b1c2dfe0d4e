/**
 * Splits markdown-it's token stream into top-level blocks (a paragraph, a list,
 * a table, a code block). While an answer streams, every block but the last is
 * already final, so each block's sanitized HTML can be remembered.
 */
import type { Token } from 'markdown-it';

export function topLevelBlocks(tokens: Token[]): Token[][] {
  const blocks: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    current.push(token);
    depth += token.nesting;
    if (depth === 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}
