// Whether a chat question asks to rewrite the code it carries (fix, refactor, convert, rename...). Such an
// answer copies most of that code, so the backend can predict its tokens from the prompt
// (`predictFrom: 'input'`): the same answer, written faster. A wrong guess costs only a little speed.

/** Verbs that mean "give me this code changed", English and Japanese. */
const REWRITE = [
  /\b(?:refactor|rewrite|re-?write|fix|modify|change|convert|port|rename|clean\s*up|simplify|optimi[sz]e|improve|update|reformat|format|replace|remove|delete|translate|migrate|restructure|tidy)\b/i,
  /\badd\s+(?:types?|type\s+annotations?|type\s+hints?|comments?|docs?|docstrings?|error\s+handling|logging|tests?|validation|null\s+checks?)\b/i,
  /(?:リファクタ|書き換え|書き直|修正|直して|直す|直せ|変更|変換|置き換え|置換|改善|最適化|整理|簡潔に|リネーム|名前を変え|型を付け|型注釈|コメントを付け|追加して|削除して|消して|移植|翻訳|バグを取|整形)/,
];

/** The strongest of them: asked for even when the question also asks why or what. */
const STRONG = [/\b(?:refactor|rewrite|re-?write|fix)\b/i, /(?:リファクタ|書き換え|書き直|修正|直して)/];

/** Questions about the code rather than for a new version of it. */
const EXPLAIN = [
  /^\s*(?:what|why|how|where|when|which|who|explain|describe|is|are|does|do|can you explain)\b/i,
  /(?:説明|とは|なぜ|どうして|どういう|何をして|教えて|意味)/,
];

export interface QuestionParts {
  readonly question: string;
  /** Attached files or selections. */
  readonly attachments: number;
}

export function rewritesAttachedCode(q: QuestionParts): boolean {
  const hasCode = q.attachments > 0 || /```/.test(q.question);
  if (!hasCode) return false;
  if (!REWRITE.some((r) => r.test(q.question))) return false;
  if (EXPLAIN.some((r) => r.test(q.question))) return STRONG.some((r) => r.test(q.question));
  return true;
}
