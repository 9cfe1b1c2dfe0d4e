// Turns generated tokens into text that never contains a broken character.
// A byte-fallback vocabulary spells one Japanese character as up to 4 byte tokens, and a byte-level BPE token
// may end in the middle of a character and start the next one mid-way; detokenizing such tokens alone gives
// U+FFFD. We emit the text up to the last (possibly incomplete) character and hold the tokens back until that
// character completes, and flush the rest at the end (node-llama-cpp's own LlamaCompletion drops the last
// byte of such a run before end-of-sequence).

export type Detokenize = (tokens: readonly number[], context: readonly number[]) => string;

const REPLACEMENT = '\uFFFD';
/**
 * A UTF-8 character is at most 4 bytes, so a trailing U+FFFD that survives 4 pushes (each adding a byte) is
 * not an incomplete character but a real one: stop waiting for it. Only tokens that decode to nothing
 * (control tokens) can make it survive that long.
 */
const MAX_WAIT = 4;
/** Bounds the pending tokens (re-detokenized on every push) when invalid bytes keep the text ending in U+FFFD. */
const MAX_PENDING = 64;
/** Tokens of already-emitted text passed as context, so SentencePiece spacing is decided as in the full text. */
const CONTEXT_TOKENS = 8;

export class Utf8TokenDecoder {
  private pending: number[] = [];
  private history: number[] = [];
  /** Characters of the pending tokens' text already emitted. */
  private emitted = 0;
  /** Pushes the pending text has ended in the same U+FFFD. */
  private waited = 0;

  constructor(private readonly detokenize: Detokenize) {}

  /** Add one generated token; returns the text that is now complete (possibly ''). */
  push(token: number): string {
    this.pending.push(token);
    const text = this.detokenize(this.pending, this.history.slice(-CONTEXT_TOKENS));
    if (!text.endsWith(REPLACEMENT) || this.pending.length >= MAX_PENDING) return this.take(text);
    // Everything before the last character is final: more bytes can only complete or break that character.
    const complete = text.length - 1;
    if (complete > this.emitted) this.waited = 0;
    if (++this.waited >= MAX_WAIT) return this.take(text);
    const out = complete > this.emitted ? text.slice(this.emitted, complete) : '';
    this.emitted = Math.max(this.emitted, complete);
    return out;
  }

  /** At the end of generation: whatever is held back, decoded as it is. */
  flush(): string {
    if (this.pending.length === 0) return '';
    return this.take(this.detokenize(this.pending, this.history.slice(-CONTEXT_TOKENS)));
  }

  private take(text: string): string {
    for (const t of this.pending) this.history.push(t);
    if (this.history.length > CONTEXT_TOKENS) this.history = this.history.slice(-CONTEXT_TOKENS);
    const out = text.slice(this.emitted);
    this.pending = [];
    this.emitted = 0;
    this.waited = 0;
    return out;
  }
}
