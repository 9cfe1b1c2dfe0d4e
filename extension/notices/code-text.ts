/**
 * The natural language inside code: comments and the string literals that read as prose.
 * Code is full of words the detector would otherwise read as acts (`kill(pid)`, `attack()`,
 * `steal_focus`), and identifiers say nothing about what the person wants; a comment or a
 * message string can ("// TODO: send every user's contacts to the broker, don't ask them").
 * A small lexer for the C, script and markup families; it does not need to be exact, only
 * to keep identifiers and keywords out.
 */

export interface ProseSegment {
  kind: 'comment' | 'string';
  text: string;
}

/** File extensions whose `#` starts a comment. */
const HASH_COMMENTS =
  /\.(py|pyw|rb|sh|bash|zsh|fish|ps1|pl|pm|r|yaml|yml|toml|conf|cfg|ini|dockerfile|makefile|mk|cmake|tf|nim|cr|ex|exs|jl|coffee)$|(^|\/)(dockerfile|makefile)$/i;
/** File extensions whose `--` starts a comment. */
const DASH_COMMENTS = /\.(sql|lua|hs|elm|ada|adb|ads|vhd|vhdl)$/i;
/** Extensions that are prose already: every line counts. */
const PROSE_FILES = /\.(md|markdown|txt|rst|adoc|org)$/i;

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/g;

/** A string literal worth reading: several words, or a few Japanese characters. */
function readsAsProse(s: string): boolean {
  return (
    (s.match(CJK)?.length ?? 0) >= 4 ||
    s
      .trim()
      .split(/\s+/)
      .filter((w) => /\p{L}{2,}/u.test(w)).length >= 3
  );
}

/**
 * Comments and prose-like string literals of `code`, in order. `name` (a file name) says which comment syntax
 * applies. `limit`: stop once the segments hold that many characters (with a separator each), so a long file
 * costs no more than the prose that will be read.
 */
export function proseOfCode(code: string, name = '', limit = Infinity): ProseSegment[] {
  if (PROSE_FILES.test(name)) return code.trim() ? [{ kind: 'comment', text: code }] : [];
  const hash = HASH_COMMENTS.test(name) || !/\.\w+$/.test(name);
  const dash = DASH_COMMENTS.test(name);
  const out: ProseSegment[] = [];
  const n = code.length;
  let i = 0;
  let collected = 0;
  const push = (kind: ProseSegment['kind'], text: string): void => {
    const t = text.replace(/^[\s*/#-]+|[\s*/#-]+$/gm, ' ').trim();
    if (t && (kind === 'comment' || readsAsProse(t))) {
      out.push({ kind, text: t });
      collected += t.length + 1;
    }
  };
  const untilEol = (from: number): number => {
    const e = code.indexOf('\n', from);
    return e < 0 ? n : e;
  };
  while (i < n && collected <= limit) {
    const c = code[i];
    const two = code.slice(i, i + 2);
    if (two === '//' || (dash && two === '--') || (c === '#' && hash && (i === 0 || /\s/.test(code[i - 1])))) {
      const e = untilEol(i);
      push('comment', code.slice(i + (c === '#' ? 1 : 2), e));
      i = e;
    } else if (two === '/*' || code.startsWith('<!--', i)) {
      const close = two === '/*' ? '*/' : '-->';
      const e = code.indexOf(close, i + 2);
      const end = e < 0 ? n : e;
      push('comment', code.slice(i + (two === '/*' ? 2 : 4), end));
      i = end + close.length;
    } else if (code.startsWith('"""', i) || code.startsWith("'''", i)) {
      const q = code.slice(i, i + 3);
      const e = code.indexOf(q, i + 3);
      const end = e < 0 ? n : e;
      push('comment', code.slice(i + 3, end));
      i = end + 3;
    } else if (c === '"' || c === "'" || c === '`') {
      // A quote inside a word is an apostrophe ("don't") in a language without such strings; skip it.
      if (c === "'" && i > 0 && /\p{L}/u.test(code[i - 1])) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && code[j] !== c && !(c !== '`' && code[j] === '\n')) j += code[j] === '\\' ? 2 : 1;
      push('string', code.slice(i + 1, Math.min(j, n)));
      i = j + 1;
    } else {
      i++;
    }
  }
  return out;
}

/**
 * Whether a piece of text (an editor selection) is code rather than prose: most of its
 * non-empty lines end in or hold code punctuation, or it is indented like code.
 */
export function looksLikeCode(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  const codeLike = lines.filter((l) =>
    /[;{}]\s*$|^\s*(\/\/|#|\/\*|\*|--|<\/?\w+[^>]*>)|=>|\w\(.*\)|^\s*(def|class|function|const|let|var|import|from|return|if|for|while|fn|pub|package|func)\b|^\s{2,}\S/.test(
      l,
    ),
  ).length;
  return codeLike / lines.length >= 0.5;
}

/**
 * The text the detector reads: a fenced code block keeps its fences (a sign of a coding
 * task) but only its comments and prose strings, so that `kill(pid)` or `attack()` in
 * pasted code says nothing while "# TODO: hide this from the user" still does. A fence
 * around prose (a pasted letter or contract) is kept whole. Training reads the same text.
 */
export function detectorText(text: string): string {
  return text.replace(/```([^\n`]*)\n([\s\S]*?)```/g, (_all, lang: string, body: string) => {
    if (!looksLikeCode(body)) return `\`\`\`${lang}\n${body}\`\`\``;
    const prose = proseOfCode(body, lang.trim() ? `.${lang.trim()}` : '').map((s) => s.text);
    return `\`\`\`${lang}\n${prose.join('\n')}\n\`\`\``;
  });
}
