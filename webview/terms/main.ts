// The terms gate's page. Everything is built with textContent: nothing from the data is parsed as HTML.
// Accept is enabled only after the terms were scrolled to the end and the required boxes are ticked. The
// page scrolls as one (no inner scroll box): reaching the end of the terms text on the page is what counts.
import type { GateView } from '../../extension/terms/gate-view.js';
import type { GateMessage } from '../../extension/terms/gate-messages.js';
import { openChannel } from '../shared/channel.js';

const vscodeApi = openChannel<GateMessage, { type: string; view?: GateView }>();

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { text?: string; cls?: string; attrs?: Record<string, string> } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.text !== undefined) e.textContent = props.text;
  if (props.cls) e.className = props.cls;
  for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

function render(view: GateView): void {
  const s = view.strings;
  const app = document.getElementById('app')!;
  app.replaceChildren();
  app.append(el('h1', { text: view.title }), el('p', { text: s.intro }));

  const switcher = el('div', { cls: 'switcher', attrs: { role: 'group' } });
  const texts = el('div', { cls: 'texts both', attrs: { id: 'texts' } });
  // The end of the terms text: Accept waits until it has been on screen.
  const end = el('div', { cls: 'texts-end', attrs: { id: 'texts-end', 'aria-hidden': 'true' } });
  const modes: Array<[string, string]> = [
    ['both', s.showBoth],
    ['ja', s.showJa],
    ['en', s.showEn],
  ];
  const hasLang = (l: string) => view.texts.some((t) => t.lang === l);
  for (const [mode, label] of modes) {
    if (mode !== 'both' && !hasLang(mode)) continue;
    const b = el('button', { text: label, attrs: { 'data-mode': mode, type: 'button' } });
    b.addEventListener('click', () => {
      texts.className = `texts ${mode}`;
      for (const other of switcher.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === b));
      checkScrolled();
    });
    if (mode === 'both') b.setAttribute('aria-pressed', 'true');
    switcher.append(b);
  }
  if (switcher.childElementCount > 2) app.append(switcher);

  if (!view.hasAuthoritativeText) app.append(el('p', { cls: 'warning', text: s.noAuthoritative }));
  for (const t of view.texts) {
    const roleText = t.role === 'authoritative' ? s.authoritative : t.role === 'reference' ? s.reference : s.unofficial;
    texts.append(
      el(
        'section',
        { cls: `text lang-${t.lang}`, attrs: { lang: t.lang } },
        el('h2', { text: roleText }),
        el('pre', { text: t.text }),
      ),
    );
  }
  app.append(texts, end);

  const list = el('ul');
  for (const p of view.prohibited)
    list.append(el('li', {}, el('strong', { text: p.label }), document.createTextNode(` ${p.summary}`)));
  app.append(
    el('h2', { text: s.prohibitedHeading }),
    list,
    el('h2', { text: s.accuracyHeading }),
    el('p', { text: view.accuracyNotice }),
  );

  const links = el('ul');
  for (const url of view.links) {
    const a = el('a', { text: url, attrs: { href: '#', role: 'link' } });
    a.addEventListener('click', (e) => {
      e.preventDefault();
      vscodeApi.post({ type: 'openLink', url });
    });
    links.append(el('li', {}, a));
  }
  app.append(el('h2', { text: s.linksHeading }), links);

  const agree = el('input', { attrs: { type: 'checkbox', id: 'agree' } });
  const permission = el('input', { attrs: { type: 'checkbox', id: 'permission' } });
  const boxes = el('div', { cls: 'boxes' }, el('label', {}, agree, document.createTextNode(` ${s.agree}`)));
  if (view.requiresPermission) boxes.append(el('label', {}, permission, document.createTextNode(` ${s.permission}`)));
  const hint = el('p', { cls: 'hint', text: s.scrollHint, attrs: { id: 'hint' } });
  const accept = el('button', { text: s.accept, attrs: { id: 'accept', type: 'button', disabled: '' } });
  const decline = el('button', { text: s.decline, cls: 'secondary', attrs: { id: 'decline', type: 'button' } });
  // The choices stay at the bottom of the window while the page scrolls under them.
  const footer = el(
    'div',
    { cls: 'footer', attrs: { role: 'group' } },
    boxes,
    hint,
    el('div', { cls: 'actions' }, accept, decline),
  );
  app.append(footer);

  let readToEnd = false;
  const update = () => {
    const ok = readToEnd && agree.checked && (!view.requiresPermission || permission.checked);
    accept.toggleAttribute('disabled', !ok);
    hint.hidden = readToEnd;
  };
  function checkScrolled(): void {
    // The end counts once it shows above the pinned footer.
    if (end.getBoundingClientRect().top <= window.innerHeight - footer.offsetHeight + 4) readToEnd = true;
    update();
  }
  window.addEventListener('scroll', checkScrolled, { passive: true });
  window.addEventListener('resize', checkScrolled);
  agree.addEventListener('change', update);
  permission.addEventListener('change', update);
  accept.addEventListener('click', () => {
    if (!accept.hasAttribute('disabled'))
      vscodeApi.post({ type: 'accept', permissionConfirmed: permission.checked, readToEnd });
  });
  decline.addEventListener('click', () => vscodeApi.post({ type: 'decline' }));
  checkScrolled();
}

vscodeApi.onMessage((m) => {
  if (m.type === 'show' && m.view) render(m.view);
});
vscodeApi.post({ type: 'ready' });
