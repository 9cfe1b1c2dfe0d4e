import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  baseSettings,
  mergeSettings,
  parseSettingsJson,
  writeMachineSettings,
  writeUserSettings,
} from './user-settings.js';

describe('user-settings', () => {
  it('keeps the quiet base settings and lets the caller add and override', () => {
    const s = mergeSettings({ 'fude.backend.port': 0, 'workbench.startupEditor': 'welcomePage' });
    assert.equal(s['security.workspace.trust.enabled'], false);
    assert.equal(s['telemetry.telemetryLevel'], 'off');
    assert.equal(s['extensions.autoUpdate'], false);
    assert.equal(s['fude.backend.port'], 0);
    assert.equal(s['workbench.startupEditor'], 'welcomePage');
    assert.equal(baseSettings['workbench.startupEditor'], 'none');
  });

  it('parses --settings JSON objects only', () => {
    assert.deepEqual(parseSettingsJson('{"fude.a": 1}'), { 'fude.a': 1 });
    assert.throws(() => parseSettingsJson('[1]'), /JSON object/);
    assert.throws(() => parseSettingsJson('{'), /not valid JSON/);
  });

  it('writes USER_DATA/User/settings.json and USER_DATA/Machine/settings.json', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fude-settings-test-'));
    try {
      const file = await writeUserSettings(dir, { a: 1 });
      assert.equal(file, path.join(dir, 'User', 'settings.json'));
      assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), { a: 1 });
      const machine = await writeMachineSettings(dir, { b: 2 });
      assert.equal(machine, path.join(dir, 'Machine', 'settings.json'));
      assert.deepEqual(JSON.parse(await readFile(machine, 'utf8')), { b: 2 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
