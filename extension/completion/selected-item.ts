// Inline completion while VS Code's suggestion list is open. VS Code then shows an inline suggestion
// only if it extends the item selected in the list and replaces the same range; anything else is hidden
// without a word. So the model is asked as if the item were accepted, and the answer is the item's
// text followed by the model's continuation, over the item's range (as Copilot does).
import type { DocumentSnapshot } from './pipeline.js';

/** The selected item of the suggestion list: the range it replaces (UTF-16 offsets) and its text. */
export interface SelectedItem {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Why a suggestion was not shown although the model answered. */
export type WithheldReason =
  /** The model had nothing to add after the selected item. */
  | 'nothing-after-item'
  /** The answer does not start with the selected item's text over its range (VS Code would hide it). */
  | 'not-extending-item'
  /** The item replaces text on another line than the cursor's: no inline suggestion can extend it. */
  | 'item-not-usable';

export type SelectedAnswer =
  | { readonly kind: 'item'; readonly insertText: string; readonly start: number; readonly end: number }
  | { readonly kind: 'withheld'; readonly reason: WithheldReason };

/** The item's range is usable: inside the document, ending at or after the cursor, starting on the cursor's line. */
export function usableItem(doc: DocumentSnapshot, item: SelectedItem): boolean {
  if (item.start < 0 || item.end > doc.text.length || item.start > item.end) return false;
  if (item.start > doc.offset || item.end < doc.offset) return false;
  return !doc.text.slice(item.start, doc.offset).includes('\n');
}

/** The document as it would be with the selected item accepted, the cursor after the item's text. */
export function withSelectedItem(doc: DocumentSnapshot, item: SelectedItem): DocumentSnapshot {
  const text = doc.text.slice(0, item.start) + item.text + doc.text.slice(item.end);
  return { ...doc, text, offset: item.start + item.text.length };
}

/**
 * What to give VS Code for the selected item, from the model's continuation after it (`continuation`:
 * the text to insert at the cursor of `withSelectedItem`), or why nothing.
 */
export function answerForSelectedItem(item: SelectedItem, continuation: string): SelectedAnswer {
  if (continuation === '') return { kind: 'withheld', reason: 'nothing-after-item' };
  const insertText = item.text + continuation;
  if (!extendsItem(insertText, item)) return { kind: 'withheld', reason: 'not-extending-item' };
  return { kind: 'item', insertText, start: item.start, end: item.end };
}

/** VS Code's rule: the inline text must start with the selected item's text (it replaces the same range). */
export function extendsItem(insertText: string, item: SelectedItem): boolean {
  return insertText.length > item.text.length && insertText.startsWith(item.text);
}
