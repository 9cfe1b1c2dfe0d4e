// Token prediction per request on a lane whose sequence is made once. node-llama-cpp takes a token predictor when a
// sequence is created (context.getSequence({tokenPredictor})), not per evaluation; this predictor sits in that place
// and hands each generation to the predictor its request asked for: input lookup (the answer copies the prompt:
// comment translation, rewriting attached code), a draft model's sequence (--draft-model), or none.
// A prediction only decides which tokens are evaluated together; the sampled tokens are the model's own, so the
// output is the same with and without it (checked at temperature 0 in test/backend/prediction.test.ts).
import { InputLookupTokenPredictor, TokenPredictor, type LlamaContextSequence, type SequenceEvaluateOptions, type Token } from 'node-llama-cpp';

export type PredictionMode = 'none' | 'input' | 'draft';

/**
 * Input lookup settings: a match of at least 2 tokens (one token, such as a space, matches almost anywhere and
 * the wrong guesses cost a batch each), and up to 5 tokens predicted at a time (on a CPU a batch of 6 costs far
 * less than 6 single steps, and a longer guess is wasted more often).
 */
export const INPUT_LOOKUP = { patternLength: { min: 2 }, predictionLength: { max: 5 } } as const;

interface Params {
  targetSequence: LlamaContextSequence;
  stateTokens: Token[];
  evaluateOptions: Readonly<SequenceEvaluateOptions>;
}

export class LanePredictor extends TokenPredictor {
  private readonly input = new InputLookupTokenPredictor(INPUT_LOOKUP);
  private mode: PredictionMode = 'none';
  /** The mode latched at the last reset: a generation keeps its predictor to its end. */
  private active: TokenPredictor | undefined;

  /** @param draft a DraftSequenceTokenPredictor on a draft model's sequence, when one was loaded. */
  constructor(private readonly draft?: TokenPredictor) {
    super();
  }

  get hasDraft(): boolean {
    return this.draft !== undefined;
  }

  /**
   * The predictor for the next generation on this lane: `input` looks the answer up in `inputTokens`; `draft` falls
   * back to none when no draft model was loaded.
   */
  use(mode: PredictionMode, inputTokens: readonly Token[] = []): void {
    this.mode = mode === 'draft' && !this.draft ? 'none' : mode;
    this.input.updateInputTokens(mode === 'input' ? inputTokens.slice() : []);
  }

  private pick(): TokenPredictor | undefined {
    if (this.mode === 'input') return this.input;
    if (this.mode === 'draft') return this.draft;
    return undefined;
  }

  reset(params: Params): Promise<void> | void {
    this.active = this.pick();
    return this.active?.reset(params);
  }

  pushTokens(tokens: Token[]): void {
    this.active?.pushTokens(tokens);
  }

  predictTokens(): Token[] | Promise<Token[]> {
    return this.active?.predictTokens() ?? [];
  }

  override stop(untilPredictionsExhausted?: boolean): Promise<void> | void {
    return this.active?.stop(untilPredictionsExhausted);
  }

  override updateInputTokens(tokens: Token[]): void {
    // Called by node-llama-cpp's own chat and completion classes; the backend calls use() instead.
    this.input.updateInputTokens(tokens);
  }

  override async dispose(): Promise<void> {
    this.input.dispose();
    await this.draft?.dispose();
  }
}
