// How to run fude-models from the extension: with the same Node the backend uses (the editor's own, as plain Node,
// or the one in fude.backend.nodePath). The token goes in the environment, never on the command line.
import { join } from 'node:path';
import type { RuntimeFacts } from '../engine/local/launch.js';

export type CliRuntime = Pick<RuntimeFacts, 'extensionPath' | 'execPath' | 'isElectron' | 'nodePath' | 'env'>;

export interface CliSpec {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export function modelsCliSpec(rt: CliRuntime, args: string[], token?: string): CliSpec {
  const useOwnNode = rt.nodePath === '';
  const env: NodeJS.ProcessEnv = { ...rt.env };
  delete env.HF_TOKEN;
  if (token) env.HF_TOKEN = token;
  if (useOwnNode && rt.isElectron) env.ELECTRON_RUN_AS_NODE = '1';
  else delete env.ELECTRON_RUN_AS_NODE;
  return {
    command: useOwnNode ? rt.execPath : rt.nodePath,
    args: [join(rt.extensionPath, 'bin', 'fude-models.js'), ...args],
    env,
  };
}
