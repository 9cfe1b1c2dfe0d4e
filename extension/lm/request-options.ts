// What a language-model request may set (`modelOptions`), checked at the edge. Fude's own names and the
// OpenAI spellings callers already use; an option of the wrong type or out of range is refused with its name,
// never silently dropped. Options Fude does not know are left to the model's defaults and listed for the log.
import type { SamplingFields } from '../../protocol/messages.js';

/** VS Code's LanguageModelChatToolMode: Auto 1, Required 2. */
export const TOOL_MODE_REQUIRED = 2;

interface OptionRule {
  field: keyof SamplingFields;
  ok(value: number): boolean;
}

/** The ranges of the fude.sampling settings, within what the backend takes. */
const int = (v: number) => Number.isInteger(v);
const RULES: Record<string, OptionRule> = {
  temperature: { field: 'temperature', ok: (v) => v >= 0 && v <= 2 },
  topP: { field: 'topP', ok: (v) => v >= 0 && v <= 1 },
  topK: { field: 'topK', ok: (v) => int(v) && v >= 0 && v <= 1_000_000 },
  maxTokens: { field: 'maxTokens', ok: (v) => int(v) && v >= 1 && v <= 1_000_000 },
  repeatPenalty: { field: 'repeatPenalty', ok: (v) => v >= 0 && v <= 3 },
  seed: { field: 'seed', ok: (v) => int(v) && v >= 0 && v <= 2 ** 32 - 1 },
};
const ALIASES: Record<string, string> = {
  top_p: 'topP',
  top_k: 'topK',
  max_tokens: 'maxTokens',
  max_completion_tokens: 'maxTokens',
  repetition_penalty: 'repeatPenalty',
  repeat_penalty: 'repeatPenalty',
};

export type OptionsResult =
  | { ok: true; sampling: SamplingFields; ignored: string[] }
  /** `field`: which rule the value broke (the refusal says what that field takes). */
  | { ok: false; option: string; field: keyof SamplingFields };

export function samplingFromOptions(modelOptions: Readonly<Record<string, unknown>> | undefined): OptionsResult {
  const sampling: SamplingFields = {};
  const ignored: string[] = [];
  for (const [name, value] of Object.entries(modelOptions ?? {})) {
    const rule = RULES[ALIASES[name] ?? name];
    if (rule === undefined) {
      ignored.push(name);
      continue;
    }
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || !rule.ok(value))
      return { ok: false, option: name, field: rule.field };
    sampling[rule.field] = value;
  }
  return { ok: true, sampling, ignored };
}

/** A request that requires a tool call cannot be answered: Fude's models call no tools. */
export function requiresTools(options: { tools?: readonly unknown[]; toolMode?: number }): boolean {
  return options.toolMode === TOOL_MODE_REQUIRED && (options.tools?.length ?? 0) > 0;
}
