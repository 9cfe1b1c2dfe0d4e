// What the completion code needs to know about a language's syntax: its line comment and
// whether a single quote always opens a string (JS, Python) or only a character literal (Rust lifetimes!).

export interface LanguageSyntax {
  readonly lineComment: string;
  /** 'string': '…' is a string; 'char': only 'x' or '\x' is a literal, any other ' is plain text. */
  readonly singleQuote: 'string' | 'char';
  /** A trailing ':' opens a block (Python). */
  readonly colonOpensBlock: boolean;
}

const HASH_COMMENT = new Set([
  'python',
  'shellscript',
  'ruby',
  'perl',
  'r',
  'yaml',
  'toml',
  'dockerfile',
  'makefile',
  'powershell',
  'elixir',
  'julia',
  'coffeescript',
]);
const DASH_COMMENT = new Set(['sql', 'lua', 'haskell', 'elm']);
const CHAR_QUOTE = new Set(['rust', 'go', 'c', 'cpp', 'java', 'csharp', 'kotlin', 'scala', 'swift', 'zig']);

export function languageSyntax(languageId: string | undefined): LanguageSyntax {
  const id = (languageId ?? '').toLowerCase();
  const lineComment = HASH_COMMENT.has(id) ? '#' : DASH_COMMENT.has(id) ? '--' : '//';
  return {
    lineComment,
    singleQuote: CHAR_QUOTE.has(id) ? 'char' : 'string',
    colonOpensBlock: id === 'python',
  };
}
