// The documentation panel's webview script in jsdom, with the real webview UI toolkit: it asks for its
// strings, shows the streamed answer as sanitized markdown, lets the comment be edited before Insert, and
// only ever posts the validated messages.
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { bundleWebviewScript } from '../webview/bundle-script.js';
import { parseWebviewMessage, type ExtensionMessage } from '../../../extension/docs/panel-messages.js';

describe('docs: panel webview (jsdom)', function () {
  this.timeout(60_000);
  let script: string;
  before(async () => {
    script = await bundleWebviewScript('docs');
  });

  function load() {
    const dom = new JSDOM('<!doctype html><html><body><div id="app"></div></body></html>', {
      runScripts: 'outside-only',
      pretendToBeVisual: true,
    });
    const posted: unknown[] = [];
    const w = dom.window as unknown as { acquireVsCodeApi: () => unknown; eval(code: string): unknown };
    // postMessage clones; so does this (and it brings the object into this realm for deepEqual).
    w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => posted.push(JSON.parse(JSON.stringify(m))) });
    w.eval(script);
    const send = (m: ExtensionMessage) => dom.window.dispatchEvent(new dom.window.MessageEvent('message', { data: m }));
    return { dom, doc: dom.window.document, posted, send };
  }

  const strings = Object.fromEntries(
    [
      'title',
      'target',
      'noTarget',
      'politeness',
      'desuMasu',
      'deAru',
      'length',
      'oneLine',
      'short',
      'detailed',
      'docComment',
      'explain',
      'translateToJa',
      'translateToEn',
      'readme',
      'api',
      'stop',
      'insert',
      'replace',
      'translateExisting',
      'existing',
      'apply',
      'openDraft',
      'working',
      'editHint',
      'outputNotice',
      'inserted',
    ].map((k) => [k, `<${k}>`]),
  );

  it('says ready, builds its controls from the strings, and runs actions with the chosen style', () => {
    const { doc, posted, send } = load();
    assert.deepEqual(posted, [{ type: 'ready' }]);
    send({ type: 'init', strings, style: { politeness: 'de-aru', length: 'detailed' } });
    send({ type: 'target', description: 'greet in a.ts' });
    assert.match(doc.querySelector('.target')!.textContent, /greet in a\.ts/);
    const buttons = [...doc.querySelectorAll('.actions vscode-button')];
    assert.deepEqual(
      buttons.map((b) => b.textContent),
      ['<docComment>', '<explain>', '<translateToJa>', '<translateToEn>', '<readme>', '<api>'],
    );
    (buttons[1] as HTMLElement).click();
    assert.deepEqual(posted.at(-1), {
      type: 'run',
      action: 'explain',
      style: { politeness: 'de-aru', length: 'detailed' },
    });
    for (const m of posted) assert.ok(parseWebviewMessage(m), `${JSON.stringify(m)} passes the extension's validation`);
  });

  it('uses toolkit dropdowns for style and length; a change posts the new style', () => {
    const { doc, posted, send } = load();
    send({ type: 'init', strings, style: { politeness: 'de-aru', length: 'detailed' } });
    const [politeness, length] = [...doc.querySelectorAll('.styles vscode-dropdown')] as Array<
      HTMLElement & { value: string }
    >;
    assert.deepEqual([politeness.value, length.value], ['de-aru', 'detailed']);
    assert.deepEqual(
      [...length.querySelectorAll('vscode-option')].map((o) => o.textContent),
      ['<oneLine>', '<short>', '<detailed>'],
    );
    assert.equal(doc.querySelector(`label[for="${length.id}"]`)?.textContent, '<length>');
    length.value = 'one-line';
    length.dispatchEvent(new doc.defaultView!.Event('change'));
    assert.deepEqual(posted.at(-1), { type: 'style', style: { politeness: 'de-aru', length: 'one-line' } });
  });

  it('shows a progress ring and Stop while working, hides them after the result, and sets no style attribute (CSP)', () => {
    const { doc, posted, send } = load();
    send({ type: 'init', strings, style: { politeness: 'desu-masu', length: 'short' } });
    const ring = doc.querySelector('vscode-progress-ring') as HTMLElement;
    const stop = doc.querySelector('vscode-button.stop') as HTMLElement;
    assert.ok(ring.hidden && stop.hidden);
    send({ type: 'start', action: 'translateToEn', kind: 'code' });
    assert.ok(!ring.hidden && !stop.hidden);
    assert.equal(doc.querySelector('.status-text')?.textContent, '<working>');
    // A long prompt: how far the model has read it replaces "Writing…" until the first words.
    send({ type: 'progress', text: 'Reading 1,200 of 3,400 tokens, about 9 s left…' });
    assert.equal(doc.querySelector('.status-text')?.textContent, 'Reading 1,200 of 3,400 tokens, about 9 s left…');
    stop.click();
    assert.deepEqual(posted.at(-1), { type: 'stop' });
    send({ type: 'delta', text: '// hello' });
    assert.equal(doc.querySelector('.output pre')?.textContent, '// hello');
    assert.equal(doc.querySelector('.status-text')?.textContent, '<working>');
    send({ type: 'progress', text: 'late' });
    assert.equal(
      doc.querySelector('.status-text')?.textContent,
      '<working>',
      'progress after the first words is ignored',
    );
    send({ type: 'result', kind: 'code', text: '// hello\nx = 1', existing: false, warning: 'changed code' });
    assert.ok(ring.hidden && stop.hidden);
    assert.ok(doc.querySelector('.status')?.classList.contains('warning'));
    assert.equal((doc.querySelector('vscode-text-area') as HTMLElement & { value: string }).value, '// hello\nx = 1');
    (doc.querySelector('.result-buttons vscode-button') as HTMLElement).click();
    assert.deepEqual(posted.at(-1), { type: 'applyTranslation', text: '// hello\nx = 1' });
    const all = (root: Document | ShadowRoot): Element[] =>
      [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? all(e.shadowRoot) : [])]);
    // jsdom has no ElementInternals, so the toolkit adds hidden form proxies, hidden through CSSOM (which the CSP
    // allows); Chromium needs no proxies. Anything else with a style attribute would be refused by the CSP.
    const styled = all(doc).filter(
      (e) => e.hasAttribute('style') && e.getAttribute('slot') !== 'form-associated-proxy',
    );
    assert.deepEqual(
      styled.map((e) => e.tagName),
      [],
      'the CSP refuses style attributes',
    );
  });

  it('renders streamed prose as sanitized markdown', () => {
    const { doc, send } = load();
    send({ type: 'init', strings, style: { politeness: 'desu-masu', length: 'short' } });
    send({ type: 'start', action: 'explain', kind: 'prose' });
    send({ type: 'delta', text: '## 説明\n<img src=x onerror="alert(1)"><script>alert(2)</script>' });
    send({ type: 'delta', text: '\n\n`code` です。' });
    const out = doc.querySelector('.output')!;
    assert.equal(out.querySelector('h2')?.textContent, '説明');
    assert.equal(out.querySelector('script'), null);
    assert.ok(![...out.querySelectorAll('*')].some((e) => e.hasAttribute('onerror')), 'no event handler survives');
    assert.equal(out.querySelector('code')?.textContent, 'code');
  });

  it('shows the comment for editing; Insert sends the edited text; an existing comment offers replace and translate', () => {
    const { doc, posted, send } = load();
    send({ type: 'init', strings, style: { politeness: 'desu-masu', length: 'short' } });
    send({ type: 'start', action: 'docComment', kind: 'docComment' });
    send({ type: 'result', kind: 'docComment', text: '/**\n * 挨拶文を返します。\n */', existing: true });
    const area = doc.querySelector('vscode-text-area') as HTMLElement & { value: string };
    assert.equal(area.value, '/**\n * 挨拶文を返します。\n */');
    area.value = '/** 編集済み */';
    const labels = [...doc.querySelectorAll('.result-buttons vscode-button')] as HTMLElement[];
    assert.deepEqual(
      labels.map((b) => b.textContent),
      ['<insert>', '<replace>', '<translateExisting>'],
    );
    labels[0].click();
    assert.deepEqual(posted.at(-1), { type: 'insert', text: '/** 編集済み */', replace: false });
    labels[1].click();
    assert.deepEqual(posted.at(-1), { type: 'insert', text: '/** 編集済み */', replace: true });
    labels[2].click();
    assert.deepEqual(posted.at(-1), { type: 'translateExisting', style: { politeness: 'desu-masu', length: 'short' } });
  });

  it('after Insert says so, takes the buttons and the edit hint away, and keeps the text read-only', () => {
    const { doc, send } = load();
    send({ type: 'init', strings, style: { politeness: 'desu-masu', length: 'short' } });
    send({ type: 'start', action: 'docComment', kind: 'docComment' });
    send({ type: 'result', kind: 'docComment', text: '/** 挨拶文を返します。 */', existing: false });
    assert.ok(doc.querySelector('.hint'));
    send({ type: 'inserted' });
    assert.equal(doc.querySelector('.status-text')?.textContent, '<inserted>');
    assert.equal(doc.querySelectorAll('.result-buttons vscode-button').length, 0);
    assert.equal(doc.querySelector('.hint'), null);
    assert.ok(doc.querySelector('vscode-text-area')?.hasAttribute('readonly'));
  });
});
