// Turns generated tokens into text that never contains a broken character.
// A byte-fallback vocabulary spells one Japanese character as up to 4 byte tokens; detokenizing them one at a
// time gives U+FFFD. We hold tokens back until they decode to whole characters, and flush the rest at the end
// (node-llama-cpp's own LlamaCompletion drops the last byte of such a run before end-of-sequence).

export type Detokenize = (tokens: readonly number[], context: readonly number[]) => string;

const REPLACEMENT = '\uFFFD';
/** A UTF-8 character is at most 4 bytes, so at most 4 byte tokens can be pending for one character. */
const MAX_PENDING = 4;
/** Tokens of already-emitted text passed as context, so SentencePiece spacing is decided as in the full text. */
const CONTEXT_TOKENS = 8;

export class Utf8TokenDecoder {
  private pending: number[] = [];
  private history: number[] = [];

  constructor(private readonly detokenize: Detokenize) {}

  /** Add one generated token; returns the text that is now complete (possibly ''). */
  push(token: number): string {
    this.pending.push(token);
    const text = this.detokenize(this.pending, this.history.slice(-CONTEXT_TOKENS));
    if (text.endsWith(REPLACEMENT) && this.pending.length < MAX_PENDING) return '';
    return this.take(text);
  }

  /** At the end of generation: whatever is held back, decoded as it is. */
  flush(): string {
    if (this.pending.length === 0) return '';
    return this.take(this.detokenize(this.pending, this.history.slice(-CONTEXT_TOKENS)));
  }

  private take(text: string): string {
    this.history.push(...this.pending);
    if (this.history.length > CONTEXT_TOKENS) this.history = this.history.slice(-CONTEXT_TOKENS);
    this.pending = [];
    return text;
  }
}
