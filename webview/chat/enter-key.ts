/**
 * What Enter does in the chat input. While an IME composition is active, Enter only confirms
 * the conversion: Chrome and VS Code report that keydown with isComposing, Safari fires
 * compositionend first and reports keyCode 229, so all three signals are checked.
 */

export interface EnterKeyEvent {
  key: string;
  keyCode: number;
  isComposing: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** "send": send and prevent the newline; "default": let the textarea (or the IME) have the key. */
export type EnterAction = 'send' | 'default';

export const IME_KEY_CODE = 229;

export function enterAction(event: EnterKeyEvent, composing: boolean): EnterAction {
  if (event.key !== 'Enter') return 'default';
  if (event.isComposing || event.keyCode === IME_KEY_CODE || composing) return 'default';
  if (event.shiftKey || event.altKey) return 'default';
  return 'send';
}

/** Tracks compositionstart/compositionend on an element; `composing()` is true in between. */
export function trackComposition(element: EventTarget): () => boolean {
  let composing = false;
  element.addEventListener('compositionstart', () => {
    composing = true;
  });
  element.addEventListener('compositionend', () => {
    composing = false;
  });
  // A blur ends any composition without always firing compositionend.
  element.addEventListener(
    'blur',
    () => {
      composing = false;
    },
    true,
  );
  return () => composing;
}
