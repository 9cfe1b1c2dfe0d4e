// The messages between the documentation panel's webview and the extension. The webview is untrusted:
// everything it sends is checked here before the extension acts on it.
import type { DocLength, DocStyle, Politeness, TranslateDirection } from './prompts.js';

export type DocAction = 'docComment' | 'explain' | 'translateToJa' | 'translateToEn' | 'readme' | 'api';
const DOC_ACTIONS: readonly DocAction[] = ['docComment', 'explain', 'translateToJa', 'translateToEn', 'readme', 'api'];

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'run'; action: DocAction; style: DocStyle }
  | { type: 'stop' }
  | { type: 'insert'; text: string; replace: boolean }
  | { type: 'translateExisting'; style: DocStyle }
  | { type: 'applyTranslation'; text: string }
  | { type: 'openDraft'; text: string }
  | { type: 'style'; style: DocStyle };

/** What the panel shows for the current result. */
export type ResultKind = 'docComment' | 'prose' | 'code';

export type ExtensionMessage =
  | { type: 'init'; strings: Record<string, string>; style: DocStyle }
  | { type: 'target'; description: string }
  | { type: 'start'; action: DocAction; kind: ResultKind }
  | { type: 'delta'; text: string }
  /** While the model reads a long prompt, before the first words: shown instead of "Writing…". */
  | { type: 'progress'; text: string }
  /** The result in full: for a doc comment, the rendered comment ready to edit. */
  | { type: 'result'; kind: ResultKind; text: string; existing: boolean; warning?: string }
  | { type: 'error'; message: string }
  | { type: 'inserted' };

const POLITENESS: readonly Politeness[] = ['desu-masu', 'de-aru'];
const LENGTHS: readonly DocLength[] = ['one-line', 'short', 'detailed'];
const MAX_TEXT = 200_000;

function isStyle(v: unknown): v is DocStyle {
  const s = v as Partial<DocStyle> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    POLITENESS.includes(s.politeness as Politeness) &&
    LENGTHS.includes(s.length as DocLength)
  );
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_TEXT;
}

/** The message if it is one the panel may send, else undefined. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'stop':
      return { type: m.type };
    case 'run':
      return DOC_ACTIONS.includes(m.action as DocAction) && isStyle(m.style)
        ? { type: 'run', action: m.action as DocAction, style: m.style }
        : undefined;
    case 'insert':
      return isText(m.text) && typeof m.replace === 'boolean'
        ? { type: 'insert', text: m.text, replace: m.replace }
        : undefined;
    case 'translateExisting':
    case 'style':
      return isStyle(m.style) ? { type: m.type, style: m.style } : undefined;
    case 'applyTranslation':
    case 'openDraft':
      return isText(m.text) ? { type: m.type, text: m.text } : undefined;
    default:
      return undefined;
  }
}

export function translateDirection(action: DocAction): TranslateDirection | undefined {
  return action === 'translateToJa' ? 'to-ja' : action === 'translateToEn' ? 'to-en' : undefined;
}
