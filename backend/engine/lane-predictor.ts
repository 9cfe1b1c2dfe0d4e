// Token prediction by a draft model per request on a lane whose sequence is made once. node-llama-cpp takes a token
// predictor when a sequence is created (context.getSequence({tokenPredictor})), not per evaluation; this predictor
// sits in that place and hands each generation to the draft model's sequence (--draft-model) or to none. Input lookup
// (the answer copies the prompt) does not come through here: engine/lookup-decode.ts runs it.
// A prediction only decides which tokens are evaluated together; the sampled tokens are the model's own, so the
// output is the same with and without it (checked at temperature 0 in test/backend/prediction.test.ts).
import { TokenPredictor, type LlamaContextSequence, type SequenceEvaluateOptions, type Token } from 'node-llama-cpp';

export type PredictionMode = 'none' | 'draft';

interface Params {
  targetSequence: LlamaContextSequence;
  stateTokens: Token[];
  evaluateOptions: Readonly<SequenceEvaluateOptions>;
}

export class LanePredictor extends TokenPredictor {
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

  /** The predictor for the next generation on this lane: `draft` falls back to none when no draft model was loaded. */
  use(mode: PredictionMode): void {
    this.mode = mode === 'draft' && !this.draft ? 'none' : mode;
  }

  private pick(): TokenPredictor | undefined {
    return this.mode === 'draft' ? this.draft : undefined;
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
    // Called by node-llama-cpp's own chat and completion classes; a draft model predicts from the state, not the input.
    this.active?.updateInputTokens?.(tokens);
  }

  override async dispose(): Promise<void> {
    await this.draft?.dispose();
  }
}
