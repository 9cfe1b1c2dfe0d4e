// Which node-llama-cpp binaries each platform-specific .vsix carries.
//
// The backend runs node-llama-cpp from the extension's node_modules, and node-llama-cpp loads a prebuilt
// binary from one of its optional packages @node-llama-cpp/<name> (node-llama-cpp's
// dist/bindings/utils/compileLLamaCpp.js names them per platform, arch and GPU). A .vsix for one VS Code
// target carries exactly the packages node-llama-cpp can load there, and none of another platform's.

export type NpmOs = 'linux' | 'darwin' | 'win32';
export type NpmCpu = 'x64' | 'arm64' | 'arm';

export interface PackageTarget {
  /** VS Code's target name (`vsce package --target`). */
  readonly target: string;
  /** npm's --os / --cpu, so `npm ci` installs this platform's optional packages from any machine. */
  readonly os: NpmOs;
  readonly cpu: NpmCpu;
  /** The @node-llama-cpp/* packages the .vsix carries (names without the scope). */
  readonly binaries: readonly string[];
  /** What each GPU binary is, for messages and the README. */
  readonly gpu: readonly string[];
}

const t = (target: string, os: NpmOs, cpu: NpmCpu, binaries: string[], gpu: string[] = []): PackageTarget =>
  Object.freeze({ target, os, cpu, binaries: Object.freeze(binaries), gpu: Object.freeze(gpu) });

/**
 * Every target node-llama-cpp ships binaries for. Left out on purpose: the `*-cuda-ext` packages (357 MB:
 * a second libggml-cuda that node-llama-cpp adds as an extra back end when present, and loads its CUDA
 * build without) and linux-riscv64 (VS Code has no such target).
 */
export const PACKAGE_TARGETS: readonly PackageTarget[] = Object.freeze([
  t('linux-x64', 'linux', 'x64', ['linux-x64', 'linux-x64-cuda', 'linux-x64-vulkan'], ['CUDA', 'Vulkan']),
  t('linux-arm64', 'linux', 'arm64', ['linux-arm64']),
  t('linux-armhf', 'linux', 'arm', ['linux-armv7l']),
  t('darwin-arm64', 'darwin', 'arm64', ['mac-arm64-metal'], ['Metal']),
  t('darwin-x64', 'darwin', 'x64', ['mac-x64']),
  t('win32-x64', 'win32', 'x64', ['win-x64', 'win-x64-cuda', 'win-x64-vulkan'], ['CUDA', 'Vulkan']),
  t('win32-arm64', 'win32', 'arm64', ['win-arm64']),
]);

export function targetNames(): string[] {
  return PACKAGE_TARGETS.map((p) => p.target);
}

/** The target for a VS Code target name; an unknown name throws a message that lists the known ones. */
export function packageTarget(name: string): PackageTarget {
  const found = PACKAGE_TARGETS.find((p) => p.target === name);
  if (!found) throw new Error(`unknown target "${name}": use one of ${targetNames().join(', ')}`);
  return found;
}

/** VS Code's target name for a Node platform and arch (arm → armhf), e.g. the machine's own. */
export function hostTargetName(platform: string, arch: string): string {
  return `${platform}-${arch === 'arm' ? 'armhf' : arch}`;
}

const BINARY_PACKAGE = /^extension\/node_modules\/@node-llama-cpp\/([^/]+)\//;

/** The @node-llama-cpp/* package names a .vsix carries, from its zip entry names (sorted, unique). */
export function binaryPackagesIn(entryNames: readonly string[]): string[] {
  const names = new Set<string>();
  for (const entry of entryNames) {
    const m = BINARY_PACKAGE.exec(entry);
    if (m) names.add(m[1]);
  }
  return [...names].sort();
}

/** The native addon node-llama-cpp loads from a binary package: bins/<folder>/llama-addon.node. */
export function addonEntries(entryNames: readonly string[], binary: string): string[] {
  const prefix = `extension/node_modules/@node-llama-cpp/${binary}/bins/`;
  return entryNames.filter((e) => e.startsWith(prefix) && e.endsWith('/llama-addon.node'));
}

const GPU_LIBRARY =
  /^extension\/node_modules\/@node-llama-cpp\/[^/]+\/bins\/[^/]+\/(?:lib)?ggml-(cuda|vulkan|metal)\.(?:so|dll|dylib)$/;
const GPU_NAMES: Record<string, string> = { cuda: 'CUDA', vulkan: 'Vulkan', metal: 'Metal' };

/** The GPU back ends (CUDA, Vulkan, Metal) whose ggml library a .vsix carries (sorted, unique). */
export function gpuBackendsIn(entryNames: readonly string[]): string[] {
  const found = new Set<string>();
  for (const entry of entryNames) {
    const m = GPU_LIBRARY.exec(entry);
    if (m) found.add(GPU_NAMES[m[1]]);
  }
  return [...found].sort();
}
