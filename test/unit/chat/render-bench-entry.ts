// Browser side of render-bench: bundled with esbuild and loaded into Chromium.
import { createMarkdownRenderer } from '../../../webview/markdown/render.js';
import { measure, type BenchResult } from './render-bench-measure.js';

(globalThis as unknown as { fudeBench: (answer: string, chunk: number) => BenchResult }).fudeBench = (answer, chunk) =>
  measure(() => createMarkdownRenderer({ window }), answer, chunk, performance.now.bind(performance));
