// Defaults are defined once, in the pipeline; the manifest must show the same numbers to the user, and no
// command in the manifest may exist only for tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PIPELINE_SETTINGS, FIRST_SUGGESTION_TARGET_RANGE } from '../../../extension/completion/pipeline.js';
import { REMOTE_DEFAULTS } from '../../../extension/engine/openai/remote-engine.js';

const manifest = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../../package.json', import.meta.url)), 'utf8'),
) as {
  contributes: {
    configuration: {
      properties: Record<string, { default?: unknown; minimum?: number; maximum?: number; scope?: string }>;
    };
    commands: Array<{ command: string; title: string }>;
  };
};
const props = manifest.contributes.configuration.properties;

describe('manifest', () => {
  it('shows the completion defaults the pipeline uses', () => {
    const d = DEFAULT_PIPELINE_SETTINGS;
    assert.equal(props['fude.completion.promptTokens'].default, d.promptTokens);
    assert.equal(props['fude.completion.extraContextTokens'].default, d.extraContextTokens);
    assert.equal(props['fude.completion.maxTokens'].default, d.budget.maxTokens);
    assert.equal(props['fude.completion.timeBudgetMs'].default, d.budget.generateMs);
    assert.equal(props['fude.completion.firstTextTimeoutMs'].default, d.budget.firstTextMs);
    assert.equal(props['fude.completion.firstSuggestionTargetMs'].default, d.firstSuggestionTargetMs);
    assert.equal(props['fude.completion.firstSuggestionTargetMs'].minimum, FIRST_SUGGESTION_TARGET_RANGE.min);
    assert.equal(props['fude.completion.firstSuggestionTargetMs'].maximum, FIRST_SUGGESTION_TARGET_RANGE.max);
  });

  it('shows the remote engine defaults the engine uses', () => {
    assert.equal(props['fude.engine.kind'].default, 'local');
    assert.equal(props['fude.engine.contextSize'].default, REMOTE_DEFAULTS.contextSize);
    assert.equal(props['fude.engine.connectTimeoutMs'].default, REMOTE_DEFAULTS.connectTimeoutMs);
    assert.equal(props['fude.engine.firstTokenTimeoutMs'].default, REMOTE_DEFAULTS.firstTokenTimeoutMs);
    assert.equal(props['fude.engine.idleTimeoutMs'].default, REMOTE_DEFAULTS.idleTimeoutMs);
  });

  it('keeps the settings that pick the server or its trust out of workspace control, and has no key setting', () => {
    for (const key of [
      'fude.engine.kind',
      'fude.engine.baseUrl',
      'fude.engine.model',
      'fude.engine.caFile',
      'fude.backend.draftModelPath',
      'fude.backend.nodePath',
    ]) {
      assert.ok(
        ['machine', 'application'].includes(props[key].scope ?? ''),
        `${key} is ${props[key].scope ?? 'window'}-scoped`,
      );
    }
    assert.deepEqual(
      Object.keys(props).filter((k) => /apiKey|secret|password|verify|insecure/i.test(k)),
      [],
      'the key lives in SecretStorage; TLS verification cannot be turned off',
    );
    const commands = manifest.contributes.commands.map((c) => c.command);
    assert.ok(commands.includes('fude.engine.setApiKey') && commands.includes('fude.engine.clearApiKey'));
  });

  it('contributes no test-only command', () => {
    assert.deepEqual(
      manifest.contributes.commands.filter((c) => /\._|test/i.test(c.command)).map((c) => c.command),
      [],
    );
  });
});
