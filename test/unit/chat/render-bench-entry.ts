// Browser side of render-bench: bundled with esbuild and loaded into Chromium.
import { createMarkdownRenderer } from "../../../webview/markdown/render.js";

const renderer = createMarkdownRenderer({ window });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function bench(answer: string, chunk: number): { full: number; max: number; perChunk: number; renders: number } {
  for (let i = 0; i < 20; i++) renderer.render(answer);
  const samples: number[] = [];
  for (let i = 0; i < 100; i++) {
    const start = performance.now();
    renderer.render(answer);
    samples.push(performance.now() - start);
  }
  let renders = 0;
  const start = performance.now();
  for (let end = chunk; end < answer.length + chunk; end += chunk) {
    renderer.render(answer.slice(0, end));
    renders++;
  }
  return { full: median(samples), max: Math.max(...samples), perChunk: (performance.now() - start) / renders, renders };
}

(globalThis as unknown as { fudeBench: typeof bench }).fudeBench = bench;
