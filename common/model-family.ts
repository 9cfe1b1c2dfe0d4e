// Which prompt-format family a model belongs to, from the names it goes by (GGUF general.name / basename, a
// file name, a served model id, a server's model path). One rule for both sides: the backend reads a GGUF's
// names, the remote engine a server's model id and metadata.
import type { ModelFamily } from '../protocol/messages.js';

const PATTERNS: ReadonlyArray<[RegExp, ModelFamily]> = [
  [/llm[-_ ]?jp/i, 'llm-jp-3'],
  [/fugaku/i, 'fugaku-llm'],
];

/** The first family whose pattern matches any of the names; `generic` when none does. */
export function familyFromNames(names: ReadonlyArray<string | undefined>): ModelFamily {
  const haystacks = names.filter((s): s is string => Boolean(s));
  for (const [re, family] of PATTERNS) {
    if (haystacks.some((h) => re.test(h))) return family;
  }
  return 'generic';
}
