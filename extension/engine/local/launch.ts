// How to start the backend: which Node, which script, which arguments. Pure, so tests can check it.
import { join } from 'node:path';
import { TOKEN_ENV } from '../../../protocol/messages.js';

export interface LaunchSpec {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export interface ModelSettings {
  modelPath: string;
  family: 'auto' | 'llm-jp-3' | 'fugaku-llm' | 'generic';
  gpu: 'auto' | 'cuda' | 'metal' | 'vulkan' | 'cpu';
  gpuLayers: string;
  contextSize: number;
  threads: number;
  /** A small GGUF of the same vocabulary that drafts chat and documentation answers ('' for none). */
  draftModelPath?: string;
  acceptedTerms: readonly string[];
}

export interface RuntimeFacts {
  extensionPath: string;
  /** The extension host's own executable and whether it is Electron (desktop) or plain Node (server hosts). */
  execPath: string;
  isElectron: boolean;
  /** A Node the user named in `fude.backend.nodePath` ('' for none). */
  nodePath: string;
  hostPid: number;
  env: NodeJS.ProcessEnv;
}

function backendScript(extensionPath: string): string {
  return join(extensionPath, 'out', 'backend', 'main.js');
}

export function launchSpec(model: ModelSettings, rt: RuntimeFacts, token: string): LaunchSpec {
  const useOwnNode = rt.nodePath === '';
  const env: NodeJS.ProcessEnv = { ...rt.env, [TOKEN_ENV]: token };
  // Desktop VS Code runs extensions in Electron; ELECTRON_RUN_AS_NODE makes that binary a plain Node.
  if (useOwnNode && rt.isElectron) env.ELECTRON_RUN_AS_NODE = '1';
  else delete env.ELECTRON_RUN_AS_NODE;
  const args = [
    backendScript(rt.extensionPath),
    '--model',
    model.modelPath,
    '--gpu',
    model.gpu,
    '--gpu-layers',
    model.gpuLayers,
    // The backend exits as soon as this pipe closes or this process goes away: no orphan survives the editor.
    '--exit-with-stdin',
    '--parent-pid',
    String(rt.hostPid),
  ];
  if (model.contextSize > 0) args.push('--context-size', String(model.contextSize));
  if (model.threads > 0) args.push('--threads', String(model.threads));
  if (model.family !== 'auto') args.push('--family', model.family);
  if (model.draftModelPath) args.push('--draft-model', model.draftModelPath);
  for (const id of model.acceptedTerms) args.push('--accept-terms', id);
  return { command: useOwnNode ? rt.execPath : rt.nodePath, args, env };
}
