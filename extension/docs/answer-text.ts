// Reading the model's answers: the code inside a fenced block, and whether a comment translation kept the
// code itself untouched (compared with comments and whitespace removed).

/** The first fenced block's content, or the whole answer when there is none. */
export function extractCode(answer: string): string {
  const m = /```[^\n]*\n([\s\S]*?)(?:```|$)/.exec(answer);
  return (m ? m[1] : answer).replace(/\n$/, '');
}

export type CommentSyntax = 'c' | 'hash';

function commentSyntaxFor(languageId: string): CommentSyntax {
  return [
    'python',
    'shellscript',
    'ruby',
    'perl',
    'r',
    'yaml',
    'toml',
    'powershell',
    'makefile',
    'dockerfile',
  ].includes(languageId)
    ? 'hash'
    : 'c';
}

/** The code with its comments and all whitespace removed; strings are kept as they are (docstrings aside). */
function codeSkeleton(text: string, syntax: CommentSyntax): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const two = text.slice(i, i + 2);
    if (ch === '"' || ch === "'" || ch === '`') {
      const end = stringEnd(text, i);
      // Python's triple-quoted strings are its docstrings: documentation, translated like comments.
      const docstring = syntax === 'hash' && text.startsWith(ch.repeat(3), i);
      if (!docstring) out += text.slice(i, end);
      i = end;
    } else if ((syntax === 'c' && two === '//') || (syntax === 'hash' && ch === '#')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (syntax === 'c' && two === '/*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      if (!/\s/.test(ch)) out += ch;
      i++;
    }
  }
  return out;
}

function stringEnd(text: string, start: number): number {
  const q = text[start];
  // Python triple quotes (docstrings are strings to the skeleton, like any other).
  const triple = text.slice(start, start + 3) === q.repeat(3) ? q.repeat(3) : '';
  let i = start + (triple ? 3 : 1);
  while (i < text.length) {
    if (text[i] === '\\') {
      i += 2;
      continue;
    }
    if (triple ? text.startsWith(triple, i) : text[i] === q) return i + (triple ? 3 : 1);
    if (!triple && q !== '`' && text[i] === '\n') return i;
    i++;
  }
  return text.length;
}

/** True when the translation changed nothing but comments (and whitespace). */
export function codeUnchanged(before: string, after: string, languageId: string): boolean {
  const syntax = commentSyntaxFor(languageId);
  return codeSkeleton(before, syntax) === codeSkeleton(after, syntax);
}
