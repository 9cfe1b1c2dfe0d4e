import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  choosePort,
  configuredModel,
  parseStartArgs,
  profilePaths,
  readSavedPort,
  readyLines,
  savePort,
} from '../../../scripts/start/profile.js';

describe('npm start profile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fude-profile-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('parses --fresh and --port, and rejects anything else with the usage', () => {
    assert.deepEqual(parseStartArgs([]), { fresh: false, port: undefined });
    assert.deepEqual(parseStartArgs(['--fresh', '--port', '8123']), { fresh: true, port: 8123 });
    assert.deepEqual(parseStartArgs(['--port=9000']), { fresh: false, port: 9000 });
    assert.throws(() => parseStartArgs(['--port', 'x']), /--port needs a number from 1024 to 65535, got "x"/);
    assert.throws(() => parseStartArgs(['--port', '80']), /1024 to 65535/);
    assert.throws(() => parseStartArgs(['--frsh']), /unknown option "--frsh" \(usage: npm start/);
  });

  it("reuses the profile's port unless another is asked for or the start is fresh", () => {
    assert.deepEqual(choosePort({ saved: 8123, fresh: false }), { port: 8123, reason: 'saved' });
    assert.deepEqual(choosePort({ requested: 9000, saved: 8123, fresh: false }), { port: 9000, reason: 'requested' });
    assert.deepEqual(choosePort({ saved: 8123, fresh: true }), { reason: 'new' });
    assert.deepEqual(choosePort({ fresh: false }), { reason: 'new' });
  });

  it('remembers the port in the profile, and a damaged file only forgets it', () => {
    const paths = profilePaths(dir);
    assert.equal(readSavedPort(paths.stateFile), undefined);
    savePort(paths, 8123);
    assert.equal(readSavedPort(paths.stateFile), 8123);
    writeFileSync(paths.stateFile, '{ not json');
    assert.equal(readSavedPort(paths.stateFile), undefined);
  });

  it('finds the configured model in the machine or user settings (JSON with comments), else none', () => {
    const userData = join(dir, 'user-data');
    assert.equal(configuredModel(userData), undefined);
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(join(userData, 'User', 'settings.json'), '{\n  // mine\n  "fude.model.path": "/m/user.gguf",\n}\n');
    assert.equal(configuredModel(userData), '/m/user.gguf');
    mkdirSync(join(userData, 'Machine'), { recursive: true });
    writeFileSync(join(userData, 'Machine', 'settings.json'), '{ "fude.model.path": "/m/machine.gguf" }');
    assert.equal(configuredModel(userData), '/m/machine.gguf');
    writeFileSync(join(userData, 'Machine', 'settings.json'), '{ "fude.model.path": "" }');
    assert.equal(configuredModel(userData), '/m/user.gguf');
  });

  it('prints the address, SSH forwarding, the model in use, what is kept, and how to stop; nothing else', () => {
    const demo = readyLines({ url: 'http://127.0.0.1:8123/?folder=/w', port: 8123, host: 'gpu-box', kept: false });
    assert.equal(demo.length, 5);
    assert.match(demo[0], /http:\/\/127\.0\.0\.1:8123\/\?folder=\/w/);
    assert.match(demo[1], /ssh -L 8123:127\.0\.0\.1:8123 gpu-box/);
    assert.match(demo[2], /demo model/);
    assert.ok(!demo.join('\n').includes('short address'), 'no address without the extension');
    const chosen = readyLines({ url: 'u', port: 8123, host: 'h', model: '/m/llm-jp.gguf', kept: true });
    assert.match(chosen[2], /\/m\/llm-jp\.gguf/);
    assert.ok(!chosen.join('\n').includes('demo model'), 'no demo-model line when a model is configured');
    assert.match(chosen[3], /--fresh/);
  });
});
