import type { Timings, Usage } from '../../protocol/messages.js';

/**
 * Generation speed of an answer: tokens after the first over the time after the first, so the
 * prompt's evaluation does not count; null when there is nothing to measure.
 */
export function tokensPerSecond(usage: Usage, timings: Timings): number | null {
  if (usage.outputTokens <= 0) return null;
  const generatingMs = timings.totalMs - timings.firstTokenMs;
  if (usage.outputTokens > 1 && generatingMs > 0) return ((usage.outputTokens - 1) * 1000) / generatingMs;
  return timings.totalMs > 0 ? (usage.outputTokens * 1000) / timings.totalMs : null;
}
