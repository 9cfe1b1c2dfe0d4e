// The one stderr line the backend prints for people before exiting with EXIT_BAD_SETUP (programs read the
// typed `setup_error` event on stdout instead: protocol/backend-events.ts).

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
  'bad_arguments',
  'model_missing',
  'model_invalid',
  'model_too_big',
  'terms_not_accepted',
  'terms_unregistered',
  'no_gpu_binary',
  'load_failed',
];

const PREFIX = 'fude-backend: error';

export function formatSetupError(code: SetupErrorCode, message: string): string {
  // Any line break (\r alone too: readline splits on it) becomes one space; trimmed so parsing gives it back.
  return `${PREFIX}[${code}]: ${message.replace(/\s*[\r\n\u2028\u2029]\s*/g, ' ').trim()}`;
}
