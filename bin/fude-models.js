#!/usr/bin/env node
// The model manager's command line (compiled TypeScript: npm run build, also run by npm install through "prepare").
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/backend/models/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    'fude-models: error[bad_input]: the model manager is not built yet; run "npm run build" in the Fude folder first\n',
  );
  process.exit(2);
}
const { main } = await import(cli.href);
await main();
