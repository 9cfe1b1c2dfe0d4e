/** The documentation panel's webview (bundled to media/dist/docs.js). Plain elements styled with theme variables. */
import { createMarkdownRenderer } from "../markdown/render.js";
import type { DocAction, ExtensionMessage, ResultKind, WebviewMessage } from "../../extension/docs/panel-messages.js";
import type { DocLength, DocStyle, Politeness } from "../../extension/docs/prompts.js";

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const api = acquireVsCodeApi();
const post = (m: WebviewMessage) => api.postMessage(m);

const ACTIONS: DocAction[] = ["docComment", "explain", "translateToJa", "translateToEn", "readme", "api"];
const renderer = createMarkdownRenderer({ window: window as never });

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function option(select: HTMLSelectElement, value: string, label: string): void {
  const o = el("option", undefined, label);
  o.value = value;
  select.append(o);
}

class DocsApp {
  private s: Record<string, string> = {};
  private readonly target = el("div", "target");
  private readonly politeness = el("select");
  private readonly length = el("select");
  private readonly actions = el("div", "actions");
  private readonly status = el("div", "status");
  private readonly output = el("div", "output");
  private readonly buttons = el("div", "result-buttons");
  private readonly notice = el("div", "notice");
  private readonly stop = el("button", "secondary");
  private kind: ResultKind = "prose";
  private streamed = "";
  private editor: HTMLTextAreaElement | undefined;

  constructor(private readonly root: HTMLElement) {
    window.addEventListener("message", (e: MessageEvent) => {
      const m = e.data as ExtensionMessage;
      if (typeof m === "object" && m !== null && typeof m.type === "string") this.onMessage(m);
    });
    post({ type: "ready" });
  }

  private styleNow(): DocStyle {
    return { politeness: this.politeness.value as Politeness, length: this.length.value as DocLength };
  }

  private build(style: DocStyle): void {
    const s = this.s;
    this.root.replaceChildren();
    this.politeness.replaceChildren();
    this.length.replaceChildren();
    option(this.politeness, "desu-masu", s.desuMasu);
    option(this.politeness, "de-aru", s.deAru);
    option(this.length, "one-line", s.oneLine);
    option(this.length, "short", s.short);
    option(this.length, "detailed", s.detailed);
    this.politeness.value = style.politeness;
    this.length.value = style.length;
    for (const sel of [this.politeness, this.length]) sel.addEventListener("change", () => post({ type: "style", style: this.styleNow() }));
    const label = (text: string, control: HTMLElement) => { const l = el("label", undefined, text); l.append(control); return l; };
    const styles = el("div", "styles");
    styles.append(label(s.politeness, this.politeness), label(s.length, this.length));
    this.actions.replaceChildren(...ACTIONS.map((a) => {
      const b = el("button", a === "docComment" ? "primary" : "secondary", s[a]);
      b.addEventListener("click", () => post({ type: "run", action: a, style: this.styleNow() }));
      return b;
    }));
    this.stop.textContent = s.stop;
    this.stop.hidden = true;
    this.stop.addEventListener("click", () => post({ type: "stop" }));
    this.notice.textContent = s.outputNotice;
    this.target.textContent = s.noTarget;
    this.root.append(this.target, styles, this.actions, this.status, this.stop, this.output, this.buttons, this.notice);
  }

  private onMessage(m: ExtensionMessage): void {
    switch (m.type) {
      case "init":
        this.s = m.strings;
        return this.build(m.style);
      case "target":
        this.target.textContent = `${this.s.target}: ${m.description}`;
        return;
      case "start":
        this.kind = m.kind;
        this.streamed = "";
        this.editor = undefined;
        this.output.replaceChildren();
        this.buttons.replaceChildren();
        this.status.textContent = this.s.working;
        this.stop.hidden = false;
        return;
      case "delta":
        this.streamed += m.text;
        if (this.kind === "prose") this.showMarkdown(this.streamed);
        else this.output.replaceChildren(el("pre", "streaming", this.streamed));
        return;
      case "result":
        this.stop.hidden = true;
        this.status.textContent = m.warning ?? "";
        this.status.classList.toggle("warning", Boolean(m.warning));
        return this.showResult(m.kind, m.text, m.existing);
      case "error":
        this.stop.hidden = true;
        this.status.textContent = m.message;
        this.status.classList.add("warning");
        return;
      case "inserted":
        this.status.textContent = "";
        return;
    }
  }

  private showMarkdown(text: string): void {
    const body = el("div", "markdown");
    body.innerHTML = renderer.render(text).html; // sanitized by DOMPurify inside render()
    this.output.replaceChildren(body);
  }

  private button(text: string, cls: string, onClick: () => void): HTMLButtonElement {
    const b = el("button", cls, text);
    b.addEventListener("click", onClick);
    return b;
  }

  private showResult(kind: ResultKind, text: string, existing: boolean): void {
    this.buttons.replaceChildren();
    if (text === "") return this.output.replaceChildren();
    if (kind === "prose") {
      this.showMarkdown(text);
      this.buttons.append(this.button(this.s.openDraft, "secondary", () => post({ type: "openDraft", text })));
      return;
    }
    const area = el("textarea", "editor");
    area.value = text;
    area.rows = Math.min(30, text.split("\n").length + 1);
    area.spellcheck = false;
    this.editor = area;
    this.output.replaceChildren(...(kind === "docComment" ? [el("div", "hint", existing ? this.s.existing : this.s.editHint)] : []), area);
    if (kind === "code") {
      this.buttons.append(this.button(this.s.apply, "primary", () => post({ type: "applyTranslation", text: area.value })));
      return;
    }
    this.buttons.append(this.button(this.s.insert, "primary", () => post({ type: "insert", text: area.value, replace: false })));
    if (existing) {
      this.buttons.append(
        this.button(this.s.replace, "secondary", () => post({ type: "insert", text: area.value, replace: true })),
        this.button(this.s.translateExisting, "secondary", () => post({ type: "translateExisting", style: this.styleNow() })),
      );
    }
  }
}

const root = document.getElementById("app");
if (root) new DocsApp(root);
