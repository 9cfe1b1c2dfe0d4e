/** The measurements of render-bench, shared by its Node and browser sides. */

export interface BenchResult {
  /** A 5 KB answer rendered by a fresh renderer (nothing cached). */
  coldMedian: number;
  /** Re-rendering the whole answer after each chunk, as the webview does while streaming. */
  streamAverage: number;
  streamMax: number;
  /** The render after the last chunk (the whole answer). */
  streamLast: number;
  renders: number;
}

interface Renderer {
  render(markdown: string): unknown;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function measure(
  create: () => Renderer,
  answer: string,
  chunk: number,
  now: () => number,
  runs = 30,
): BenchResult {
  for (let i = 0; i < 10; i++) create().render(answer); // warm-up: JIT, highlight.js grammar compilation
  const cold: number[] = [];
  for (let i = 0; i < runs; i++) {
    const renderer = create();
    const start = now();
    renderer.render(answer);
    cold.push(now() - start);
  }
  const renderer = create();
  const stream: number[] = [];
  for (let end = chunk; end < answer.length + chunk; end += chunk) {
    const start = now();
    renderer.render(answer.slice(0, end));
    stream.push(now() - start);
  }
  return {
    coldMedian: median(cold),
    streamAverage: stream.reduce((a, b) => a + b, 0) / stream.length,
    streamMax: Math.max(...stream),
    streamLast: stream[stream.length - 1],
    renders: stream.length,
  };
}
