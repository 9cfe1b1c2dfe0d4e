// Keeps the code a documentation prompt quotes within the model's context (LLM-jp-3 has 4096 tokens,
// Fugaku-LLM 2048): whole lines from the top, with room left for the instructions and the answer.
import { roughTokenCount } from '../completion/token-estimate.js';

/** Tokens the instructions and the template's markers take, on the safe side. */
export const INSTRUCTION_TOKENS = 256;

/** The answer's token limit: the action's own, but never more than a quarter of the context. */
export function answerTokens(contextSize: number, wanted: number): number {
  return Math.max(32, Math.min(wanted, Math.floor(contextSize / 4)));
}

export interface FittedCode {
  code: string;
  truncated: boolean;
}

export function fitCode(code: string, contextSize: number, answer: number): FittedCode {
  const budget = Math.max(64, contextSize - answer - INSTRUCTION_TOKENS);
  if (roughTokenCount(code) <= budget) return { code, truncated: false };
  const kept: string[] = [];
  let used = 0;
  for (const line of code.split('\n')) {
    const cost = roughTokenCount(line) + 1;
    if (used + cost > budget) break;
    kept.push(line);
    used += cost;
  }
  return { code: kept.join('\n'), truncated: true };
}
