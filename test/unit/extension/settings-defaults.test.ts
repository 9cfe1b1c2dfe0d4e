// Defaults are defined once, in the pipeline; the manifest must show the same numbers to the user, and no
// command in the manifest may exist only for tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PIPELINE_SETTINGS, FIRST_SUGGESTION_TARGET_RANGE } from '../../../extension/completion/pipeline.js';

const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../package.json', import.meta.url)), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown; minimum?: number; maximum?: number }> }; commands: Array<{ command: string }> };
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

  it('contributes no test-only command', () => {
    assert.deepEqual(manifest.contributes.commands.filter((c) => /\._|test/i.test(c.command)).map((c) => c.command), []);
  });
});
