/**
 * Streaming a long answer into the chat webview, as it happens: text arrives at the model's speed, and each
 * animation frame paints what has arrived. Shared by the Node and browser sides of stream-bench.
 */

/** Paints the answer so far into its element (what MessagesView does once a frame). */
export interface Painter {
  paint(text: string): void;
  /** Forces style and layout, which the browser would do after the frame's script (part of the frame's cost). */
  layout?(): void;
}

export interface StreamResult {
  chars: number;
  /** How long the model took to write it (chars / rate). */
  generationMs: number;
  /** From the first character until the whole answer was on screen. */
  streamedMs: number;
  ratio: number;
  frames: number;
  longestFrameMs: number;
  averageFrameMs: number;
}

export async function streamInto(
  painter: Painter,
  answer: string,
  charsPerSecond: number,
  now: () => number,
  nextFrame: () => Promise<void>,
): Promise<StreamResult> {
  const generationMs = (answer.length / charsPerSecond) * 1000;
  const frames: number[] = [];
  const start = now();
  let shown = 0;
  while (shown < answer.length) {
    await nextFrame();
    const arrived = Math.min(answer.length, Math.floor(((now() - start) / 1000) * charsPerSecond));
    if (arrived === shown) continue;
    const frameStart = now();
    painter.paint(answer.slice(0, arrived));
    painter.layout?.();
    frames.push(now() - frameStart);
    shown = arrived;
  }
  const streamedMs = now() - start;
  return {
    chars: answer.length,
    generationMs: Math.round(generationMs),
    streamedMs: Math.round(streamedMs),
    ratio: Number((streamedMs / generationMs).toFixed(2)),
    frames: frames.length,
    longestFrameMs: Number(Math.max(...frames).toFixed(1)),
    averageFrameMs: Number((frames.reduce((a, b) => a + b, 0) / frames.length).toFixed(1)),
  };
}

export interface ChunkResult {
  chunks: number;
  chunkChars: number;
  /** Painting (and laying out) every chunk one after the other: the answer streams no faster than this. */
  totalMs: number;
  longestMs: number;
}

/** Every `chunk` characters painted in turn: the work a frame-per-delta webview does, without the clock. */
export function paintEveryChunk(painter: Painter, answer: string, chunk: number, now: () => number): ChunkResult {
  const times: number[] = [];
  for (let end = chunk; end < answer.length + chunk; end += chunk) {
    const start = now();
    painter.paint(answer.slice(0, Math.min(end, answer.length)));
    painter.layout?.();
    times.push(now() - start);
  }
  return {
    chunks: times.length,
    chunkChars: chunk,
    totalMs: Math.round(times.reduce((a, b) => a + b, 0)),
    longestMs: Number(Math.max(...times).toFixed(1)),
  };
}
