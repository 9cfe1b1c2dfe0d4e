import assert from 'node:assert/strict';
import { ArgsError, isLoopbackHost, parseBackendArgs, USAGE } from '../../../backend/cli-args.js';

const M = ['--model', 'm.gguf'];

function argsError(argv: string[], mentions: RegExp): void {
  assert.throws(
    () => parseBackendArgs(argv),
    (e: unknown) => {
      assert.ok(e instanceof ArgsError, `an ArgsError, got ${String(e)}`);
      assert.match(e.message, mentions);
      return true;
    },
    argv.join(' '),
  );
}

describe('parseBackendArgs', () => {
  it('defaults', () => {
    assert.deepEqual(parseBackendArgs(M), {
      model: 'm.gguf',
      host: '127.0.0.1',
      port: 0,
      gpu: 'auto',
      gpuLayers: 'auto',
      threads: undefined,
      contextSize: undefined,
      completeContextSize: undefined,
      kvCacheType: 'q8_0',
      draftModel: undefined,
      priorities: true,
      mmap: 'auto',
      chunkIntervalMs: 15,
      family: undefined,
      acceptTerms: [],
      allowRemote: false,
      exitWithStdin: false,
      parentPid: undefined,
      queueLimit: 8,
    });
  });

  it('every option', () => {
    const o = parseBackendArgs([
      '--model',
      'モデル.gguf',
      '--host',
      '::1',
      '--port',
      '65535',
      '--gpu',
      'cpu',
      '--gpu-layers',
      '0',
      '--threads',
      '3',
      '--context-size',
      '64',
      '--complete-context-size',
      '128',
      '--kv-cache-type',
      'f16',
      '--draft-model',
      'draft.gguf',
      '--priorities',
      'off',
      '--mmap',
      'on',
      '--chunk-interval-ms',
      '0',
      '--family',
      'fugaku-llm',
      '--accept-terms',
      'a',
      '--accept-terms',
      'b',
      '--allow-remote',
      '--exit-with-stdin',
      '--parent-pid',
      '1234',
      '--queue-limit',
      '0',
    ]);
    assert.deepEqual(o, {
      model: 'モデル.gguf',
      host: '::1',
      port: 65535,
      gpu: 'cpu',
      gpuLayers: 0,
      threads: 3,
      contextSize: 64,
      completeContextSize: 128,
      kvCacheType: 'f16',
      draftModel: 'draft.gguf',
      priorities: false,
      mmap: 'on',
      chunkIntervalMs: 0,
      family: 'fugaku-llm',
      acceptTerms: ['a', 'b'],
      allowRemote: true,
      exitWithStdin: true,
      parentPid: 1234,
      queueLimit: 0,
    });
  });

  it('each choice of --gpu, --gpu-layers and --family', () => {
    for (const gpu of ['auto', 'cuda', 'metal', 'vulkan', 'cpu'])
      assert.equal(parseBackendArgs([...M, '--gpu', gpu]).gpu, gpu);
    assert.equal(parseBackendArgs([...M, '--gpu-layers', 'max']).gpuLayers, 'max');
    assert.equal(parseBackendArgs([...M, '--gpu-layers', 'auto']).gpuLayers, 'auto');
    assert.equal(parseBackendArgs([...M, '--gpu-layers', '33']).gpuLayers, 33);
    for (const family of ['llm-jp-3', 'fugaku-llm', 'generic'])
      assert.equal(parseBackendArgs([...M, '--family', family]).family, family);
    assert.equal(parseBackendArgs([...M, '--model=other.gguf']).model, 'other.gguf', 'the --opt=value form');
  });

  it('a missing --model', () => {
    argsError([], /--model/);
    argsError(['--model', ''], /--model/);
    argsError(['--port', '1'], /--model/);
  });

  it('bad values name their option', () => {
    argsError([...M, '--gpu', 'rocm'], /--gpu .*"rocm"/);
    argsError([...M, '--gpu-layers', '-1'], /--gpu-layers/);
    argsError([...M, '--gpu-layers', 'all'], /--gpu-layers/);
    argsError([...M, '--gpu-layers', '1.5'], /--gpu-layers/);
    argsError([...M, '--family', 'llama'], /--family .*"llama"/);
    argsError([...M, '--port', '65536'], /--port/);
    argsError([...M, '--port', '-1'], /--port/);
    argsError([...M, '--port', 'http'], /--port/);
    argsError([...M, '--threads', '0'], /--threads/);
    argsError([...M, '--threads', '1.5'], /--threads/);
    argsError([...M, '--threads', 'two'], /--threads/);
    argsError([...M, '--context-size', '63'], /--context-size must be an integer >= 64/);
    argsError([...M, '--complete-context-size', '8'], /--complete-context-size must be an integer >= 64/);
    argsError([...M, '--kv-cache-type', 'q4_0'], /--kv-cache-type must be one of f16, q8_0/);
    argsError([...M, '--priorities', 'yes'], /--priorities must be on or off/);
    argsError([...M, '--mmap', 'maybe'], /--mmap must be auto, on or off/);
    argsError([...M, '--chunk-interval-ms', '-1'], /--chunk-interval-ms/);
    argsError([...M, '--parent-pid', '0'], /--parent-pid/);
    argsError([...M, '--queue-limit', '-1'], /--queue-limit/);
  });

  it('unknown options, positionals and missing values are refused (node parseArgs), naming the option', () => {
    argsError([...M, '--verbose'], /--verbose/);
    argsError([...M, 'extra.gguf'], /extra\.gguf/);
    argsError(['--model'], /--model/);
    argsError([...M, '--allow-remote=yes'], /--allow-remote/);
  });

  it('the usage text lists every option', () => {
    for (const opt of [
      '--model',
      '--host',
      '--port',
      '--gpu ',
      '--gpu-layers',
      '--threads',
      '--context-size',
      '--family',
      '--accept-terms',
      '--allow-remote',
      '--exit-with-stdin',
      '--parent-pid',
      '--queue-limit',
      'FUDE_BACKEND_TOKEN',
    ]) {
      assert.ok(USAGE.includes(opt), opt);
    }
  });
});

describe('isLoopbackHost', () => {
  it('loopback addresses', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '127.0.0.2', '127.255.255.254'])
      assert.equal(isLoopbackHost(h), true, h);
  });

  it('everything else', () => {
    for (const h of [
      '0.0.0.0',
      '::',
      '',
      '192.168.1.2',
      '10.0.0.1',
      'example.com',
      '127.0.0.1.example.com',
      'a127.0.0.1',
      '128.0.0.1',
      '127.0.0',
      '[::1]x',
    ]) {
      assert.equal(isLoopbackHost(h), false, h);
    }
  });
});
