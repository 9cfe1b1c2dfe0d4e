import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  addonEntries,
  binaryPackagesIn,
  gpuBackendsIn,
  hostTargetName,
  PACKAGE_TARGETS,
  packageTarget,
} from '../../../scripts/packaging/targets.js';

const lock = JSON.parse(readFileSync(new URL('../../../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { version?: string; os?: string[]; cpu?: string[] }>;
};

describe('package targets', () => {
  it('cover every @node-llama-cpp package in the lock file except the CUDA fallbacks and riscv64, each once', () => {
    const inLock = Object.keys(lock.packages)
      .filter((k) => k.startsWith('node_modules/@node-llama-cpp/'))
      .map((k) => k.split('/').pop()!);
    const carried = PACKAGE_TARGETS.flatMap((p) => p.binaries);
    assert.equal(new Set(carried).size, carried.length, 'no binary in two targets');
    assert.deepEqual(
      [...carried].sort(),
      inLock.filter((n) => !n.endsWith('-cuda-ext') && n !== 'linux-riscv64').sort(),
    );
  });

  it('ask npm for an os/cpu each binary package declares it runs on', () => {
    for (const p of PACKAGE_TARGETS) {
      for (const b of p.binaries) {
        const entry = lock.packages[`node_modules/@node-llama-cpp/${b}`];
        assert.ok(entry.os?.includes(p.os) && entry.cpu?.includes(p.cpu), `${b} installs for ${p.os}/${p.cpu}`);
      }
    }
  });

  it('has every platform of node-llama-cpp at one version in the lock file', () => {
    const version = lock.packages['node_modules/node-llama-cpp'].version;
    for (const p of PACKAGE_TARGETS)
      for (const b of p.binaries) assert.equal(lock.packages[`node_modules/@node-llama-cpp/${b}`].version, version, b);
  });

  it('names targets like VS Code, and explains an unknown one', () => {
    assert.equal(hostTargetName('linux', 'x64'), 'linux-x64');
    assert.equal(hostTargetName('linux', 'arm'), 'linux-armhf');
    assert.equal(packageTarget('darwin-arm64').binaries[0], 'mac-arm64-metal');
    assert.throws(
      () => packageTarget('darwin-universal'),
      /unknown target "darwin-universal": use one of linux-x64, .*win32-arm64/,
    );
  });

  it('reads binary packages, addons and GPU back ends from .vsix entry names', () => {
    const entries = [
      'extension/node_modules/@node-llama-cpp/mac-arm64-metal/package.json',
      'extension/node_modules/@node-llama-cpp/mac-arm64-metal/bins/mac-arm64-metal/llama-addon.node',
      'extension/node_modules/@node-llama-cpp/mac-arm64-metal/bins/mac-arm64-metal/libggml-metal.so',
      'extension/node_modules/@node-llama-cpp/win-x64-cuda/bins/win-x64-cuda/ggml-cuda.dll',
      'extension/node_modules/node-llama-cpp/package.json',
      'extension/node_modules/node-llama-cpp/llama/ggml-vulkan.so.txt',
    ];
    assert.deepEqual(binaryPackagesIn(entries), ['mac-arm64-metal', 'win-x64-cuda']);
    assert.deepEqual(addonEntries(entries, 'mac-arm64-metal'), [entries[1]]);
    assert.deepEqual(gpuBackendsIn(entries), ['CUDA', 'Metal']);
  });
});
