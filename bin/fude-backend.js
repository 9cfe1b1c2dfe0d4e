#!/usr/bin/env node
// The backend is compiled TypeScript (npm run build, also run by npm install through "prepare").
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../out/backend/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(
    'fude-backend: error[bad_arguments]: the backend is not built yet; run "npm run build" in the Fude folder first\n',
  );
  process.exit(2);
}
await import(main.href);
