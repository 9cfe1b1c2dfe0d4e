// Browser side of stream-bench: bundled with esbuild and loaded into Chromium.
import { StreamingBody } from '../../../webview/chat/streaming-body.js';
import { createMarkdownRenderer } from '../../../webview/markdown/render.js';
import { createStreamRenderer } from '../../../webview/markdown/stream-render.js';
import {
  paintEveryChunk,
  streamInto,
  type ChunkResult,
  type Painter,
  type StreamResult,
} from './stream-bench-measure.js';

/** The first release's painter: the whole answer parsed, sanitized and set as innerHTML every frame. */
/** Reading offsetHeight makes the browser lay the page out, which is what a paint costs. */
function readLayout(body: HTMLElement): number {
  return body.offsetHeight;
}

function fullPainter(body: HTMLElement): Painter {
  const renderer = createMarkdownRenderer({ window });
  return {
    paint: (text) => {
      body.innerHTML = renderer.render(text).html;
    },
    layout: () => {
      readLayout(body);
    },
  };
}

/** The webview's painter now: final blocks kept, only the open tail parsed and replaced. */
function incrementalPainter(body: HTMLElement): Painter {
  const streaming = new StreamingBody(body, createStreamRenderer({ window }), () => undefined);
  return {
    paint: (text) => streaming.paint(text),
    layout: () => {
      readLayout(body);
    },
  };
}

const painters: Record<string, (body: HTMLElement) => Painter> = { full: fullPainter, incremental: incrementalPainter };

function freshBody(): HTMLElement {
  document.body.replaceChildren();
  const body = document.createElement('div');
  document.body.append(body);
  return body;
}

const api = {
  stream: (kind: string, answer: string, rate: number): Promise<StreamResult> =>
    streamInto(
      painters[kind](freshBody()),
      answer,
      rate,
      () => performance.now(),
      () => new Promise((r) => requestAnimationFrame(() => r())),
    ),
  chunks: (kind: string, answer: string, chunk: number): ChunkResult =>
    paintEveryChunk(painters[kind](freshBody()), answer, chunk, () => performance.now()),
};
(globalThis as unknown as { fudeStream: typeof api }).fudeStream = api;
