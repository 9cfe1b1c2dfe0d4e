// The in-editor suite's entry: VS Code (or code-server via the payload URL) calls run() inside the
// extension host, exactly as @vscode/test-electron does. Bundled by esbuild to dist/test/vscode/index.cjs.
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // FUDE_TEST_GREP runs only the tests whose titles match (the host inherits the runner's environment).
  const grep = process.env.FUDE_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  // Define describe/it before the suites load; the suites are bundled and loaded lazily below.
  mocha.suite.emit('pre-require', globalThis, 'fude-vscode-suite', mocha);
  await import('./core.test.js');
  await import('./terms.test.js');
  await import('./completion.test.js');
  await import('./chat.test.js');
  await import('./docs.test.js');
  await import('./models.test.js');
  await import('./remote.test.js');
  // Feature suites go above this line; shutdown deactivates the extension and must stay last.
  await import('./shutdown.test.js');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} in-editor test(s) failed`);
}
