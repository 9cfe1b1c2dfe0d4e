// Issue 13: "numeric settings a workspace can set have no upper bound (backend.threads 100000,
// completion.maxTokens over 100000 makes every completion fail with bad_request)", and settings that pick a
// file, start a process or weaken a guard must not be workspace-controlled.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { boundedNumber, SETTING_BOUNDS } from '../../../extension/vscode/setting-bounds.js';

interface Setting {
  type: string | string[];
  minimum?: number;
  maximum?: number;
  scope?: string;
  default?: unknown;
}
const manifest = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../../package.json', import.meta.url)), 'utf8'),
) as {
  capabilities?: {
    untrustedWorkspaces?: { supported: boolean | string; restrictedConfigurations?: string[]; description?: string };
  };
  contributes: { configuration: { properties: Record<string, Setting> } };
};
const props = manifest.contributes.configuration.properties;
const numeric = Object.entries(props).filter(([, s]) => [s.type].flat().some((t) => t === 'integer' || t === 'number'));

describe('settings: bounds and scopes', () => {
  it('gives every numeric setting a minimum and a maximum in the manifest, the same the code clamps to', () => {
    assert.ok(numeric.length >= 10, `${numeric.length} numeric settings`);
    for (const [key, s] of numeric) {
      assert.equal(typeof s.minimum, 'number', `${key} has no minimum`);
      assert.equal(typeof s.maximum, 'number', `${key} has no maximum`);
      assert.deepEqual(
        [s.minimum, s.maximum],
        [SETTING_BOUNDS[key]?.min, SETTING_BOUNDS[key]?.max],
        `${key}: manifest and code disagree`,
      );
      if (typeof s.default === 'number')
        assert.ok(s.default >= s.minimum! && s.default <= s.maximum!, `${key}'s default is out of its bounds`);
    }
    assert.deepEqual(Object.keys(SETTING_BOUNDS).sort(), numeric.map(([k]) => k).sort());
  });

  it("keeps the model file, the family, the notices mode and the backend settings out of a workspace's reach", () => {
    const guarded = [
      'fude.model.path',
      'fude.model.family',
      'fude.notices.mode',
      ...Object.keys(props).filter((k) => k.startsWith('fude.backend.')),
    ];
    for (const key of guarded)
      assert.ok(
        ['machine', 'application'].includes(props[key].scope ?? 'window'),
        `${key} has scope ${props[key].scope ?? 'window'}`,
      );
  });

  it('declares limited support for untrusted workspaces, restricting those settings there too', () => {
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(untrusted?.supported, 'limited');
    assert.ok((untrusted?.description ?? '').length > 0);
    for (const key of [
      'fude.model.path',
      'fude.model.family',
      'fude.notices.mode',
      'fude.backend.nodePath',
      'fude.backend.threads',
    ]) {
      assert.ok(untrusted?.restrictedConfigurations?.includes(key), `${key} is not restricted in untrusted workspaces`);
    }
  });

  it('clamps what is read to the bounds, and falls back to the default for what is not a number', () => {
    assert.equal(boundedNumber('fude.backend.threads', 100_000, 0), SETTING_BOUNDS['fude.backend.threads'].max);
    assert.equal(
      boundedNumber('fude.completion.maxTokens', 150_000, 128),
      SETTING_BOUNDS['fude.completion.maxTokens'].max,
    );
    assert.equal(boundedNumber('fude.completion.maxTokens', -5, 128), 1);
    assert.equal(boundedNumber('fude.completion.maxTokens', 12.7, 128), 12, 'integers stay integers');
    assert.equal(boundedNumber('fude.sampling.temperature', 0.35, 0.7), 0.35);
    for (const bad of ['12', null, undefined, Number.NaN, Number.POSITIVE_INFINITY, {}])
      assert.equal(boundedNumber('fude.backend.threads', bad, 0), 0, JSON.stringify(bad) ?? 'undefined');
  });
});
