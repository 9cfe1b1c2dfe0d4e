// Where prefix-only completion should stop: both the backend and the remote engine (for servers that take no
// suffix) use this rule.

/**
 * The first non-blank line of the suffix: generating it means the completion has reached existing text.
 * Only when it holds a letter or digit: a bare ")" or "}" would also cut nested code at its first inner
 * bracket; the editor's own filters trim those cases.
 */
export function suffixStop(suffix: string | undefined): string | undefined {
  const line = suffix
    ?.split('\n')
    .find((l) => l.trim() !== '')
    ?.trim();
  return line && /[\p{L}\p{N}]/u.test(line) ? line : undefined;
}
