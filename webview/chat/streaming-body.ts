/**
 * The element of the answer being written: final blocks are appended once and stay (their nodes, buttons and
 * any selection in them survive the next frame); only the open tail's nodes are replaced each frame.
 */
import type { CodeBlock } from '../markdown/code-blocks.js';
import type { StreamRenderer } from '../markdown/stream-render.js';

export class StreamingBody {
  /** Child nodes of `body` that belong to final blocks. */
  private finalNodes = 0;
  private blocks: CodeBlock[] = [];

  /** `decorate` adds what the webview puts on new nodes (the buttons of finished code blocks). */
  constructor(
    readonly body: HTMLElement,
    private readonly renderer: StreamRenderer,
    private readonly decorate: (nodes: Element[]) => void,
  ) {}

  /** The code blocks shown now, by `data-code-index`. */
  get codeBlocks(): CodeBlock[] {
    return this.blocks;
  }

  paint(text: string): void {
    const update = this.renderer.update(text);
    const body = this.body;
    if (update.reset) {
      body.replaceChildren();
      this.finalNodes = 0;
    }
    while (body.childNodes.length > this.finalNodes) body.lastChild!.remove();
    if (update.appended !== '') {
      // Sanitized by DOMPurify inside the stream renderer, one block at a time.
      body.insertAdjacentHTML('beforeend', update.appended);
      this.decorate(Array.from(body.children).slice(this.elementsBefore(this.finalNodes)));
      this.finalNodes = body.childNodes.length;
    }
    if (update.tail !== '') {
      body.insertAdjacentHTML('beforeend', update.tail); // sanitized, as above
      this.decorate(Array.from(body.children).slice(this.elementsBefore(this.finalNodes)));
    }
    this.blocks = update.codeBlocks;
  }

  /** How many element children are among the first `nodes` child nodes. */
  private elementsBefore(nodes: number): number {
    let elements = 0;
    for (let i = 0; i < nodes; i++) if (this.body.childNodes[i].nodeType === 1) elements++;
    return elements;
  }
}
