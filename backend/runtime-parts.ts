// The parts of the backend that load node-llama-cpp (about a second of start-up on a small machine), imported
// by main.ts only after the model file's header passed its bounded check.
export { loadModelHost } from './engine/model-host.js';
export { RequestRegistry } from './server/request-registry.js';
export { startServer } from './server/ws-server.js';
export { acquireRuntime, physicalCores } from './setup/llama-runtime.js';
export { checkModelFile } from './setup/model-file.js';
export { describeLayout, estimateDraft, planResources } from './setup/resource-plan.js';
