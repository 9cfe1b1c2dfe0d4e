// The one stderr line the backend prints before exiting with EXIT_BAD_SETUP. Human-readable first,
// with a stable code in brackets so the extension can turn it into an action (choose a file, fewer GPU layers...).

export type SetupErrorCode =
  | 'bad_arguments'
  | 'model_missing'
  | 'model_invalid'
  | 'model_too_big'
  | 'terms_not_accepted'
  /** A release of a family with terms (e.g. another LLM-jp-3 172B) whose terms Fude does not hold: refused, not warned. */
  | 'terms_unregistered'
  | 'no_gpu_binary'
  | 'load_failed';

export const SETUP_ERROR_CODES: readonly SetupErrorCode[] = [
  'bad_arguments', 'model_missing', 'model_invalid', 'model_too_big', 'terms_not_accepted', 'terms_unregistered', 'no_gpu_binary', 'load_failed',
];

const PREFIX = 'fude-backend: error';

export function formatSetupError(code: SetupErrorCode, message: string): string {
  // Any line break (\r alone too: readline splits on it) becomes one space; trimmed so parsing gives it back.
  return `${PREFIX}[${code}]: ${message.replace(/\s*[\r\n\u2028\u2029]\s*/g, ' ').trim()}`;
}

export function parseSetupError(line: string): { code: SetupErrorCode; message: string } | undefined {
  const m = /^fude-backend: error\[([a-z_]+)\]: (.*)$/.exec(line.trim());
  if (!m || !SETUP_ERROR_CODES.includes(m[1] as SetupErrorCode)) return undefined;
  return { code: m[1] as SetupErrorCode, message: m[2] };
}
