/** Toolkit controls the panel builds from: a labelled dropdown and an editable text area. */
import { h } from '../shared/dom.js';

/** A toolkit element whose value the panel reads (vscode-dropdown, vscode-text-area). */
export type ValueElement = HTMLElement & { value: string };

let ids = 0;

/** A visible label and a vscode-dropdown with `chosen` selected; the dropdown is what the panel reads. */
export function dropdown(
  label: string,
  options: Array<[value: string, text: string]>,
  chosen: string,
  onChange: () => void,
): { field: HTMLElement; control: ValueElement } {
  const id = `docs-dropdown-${++ids}`;
  const control = h(
    'vscode-dropdown',
    { attrs: { id, 'aria-label': label } },
    ...options.map(([value, text]) =>
      h('vscode-option', { attrs: { value, selected: value === chosen ? '' : undefined }, text }),
    ),
  ) as ValueElement;
  control.value = chosen;
  control.addEventListener('change', onChange);
  return { field: h('div', { class: 'field' }, h('label', { attrs: { for: id }, text: label }), control), control };
}

/** A resizable text area holding `text`, in the editor's font (see docs.css), for a comment or code. */
export function codeArea(text: string, label: string): ValueElement {
  const rows = String(Math.min(30, text.split('\n').length + 1));
  const area = h('vscode-text-area', {
    class: 'editor',
    attrs: { rows, resize: 'vertical', spellcheck: 'false', 'aria-label': label },
  }) as ValueElement;
  area.value = text;
  return area;
}
