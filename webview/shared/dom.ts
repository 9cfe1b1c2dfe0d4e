/** A small element builder: text children are always text nodes, never parsed as HTML. */

type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  /** Attributes (set with setAttribute; values are plain strings). */
  attrs?: Record<string, string | undefined>;
  text?: string;
  hidden?: boolean;
  onClick?: (event: MouseEvent) => void;
}

export function h(tag: string, props: Props = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {}))
    if (value !== undefined) element.setAttribute(name, value);
  if (props.text !== undefined) element.textContent = props.text;
  if (props.hidden) element.hidden = true;
  if (props.onClick) element.addEventListener('click', props.onClick as EventListener);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** A toolkit button. `appearance` is primary, secondary or icon. */
export function button(
  label: string,
  onClick: () => void,
  o: { appearance?: string; title?: string; class?: string; disabled?: boolean } = {},
): HTMLElement {
  const element = h('vscode-button', {
    class: o.class,
    attrs: { appearance: o.appearance ?? 'secondary', title: o.title, 'aria-label': o.title ?? label },
    text: label,
    onClick: (event) => {
      event.stopPropagation();
      onClick();
    },
  });
  if (o.disabled) element.setAttribute('disabled', '');
  return element;
}

export function clear(element: Element): void {
  element.replaceChildren();
}
