import assert from 'node:assert/strict';
import { decideGate, type GateInput, type ReadyModel } from '../../../extension/completion/gate.js';

const model: ReadyModel = { name: 'tiny-coder', fim: true, contextSize: 2048, termsId: null };
const base: GateInput = {
  manual: false,
  enabled: true,
  enabledGlobally: true,
  snoozedUntil: undefined,
  now: 1000,
  backend: { kind: 'ready', model, connected: true },
  termsAccepted: () => false,
  demoModel: false,
  stoppedByUser: false,
};
const gate = (over: Partial<GateInput>) => decideGate({ ...base, ...over });

describe('decideGate', () => {
  it('goes when everything is in order', () => {
    assert.deepEqual(gate({}), { kind: 'go', model });
  });

  it('is off when turned off, globally or for the language, and a language override wins both ways', () => {
    assert.deepEqual(gate({ enabled: false, enabledGlobally: false }), { kind: 'off', reason: 'disabled' });
    assert.deepEqual(gate({ enabled: false }), { kind: 'off', reason: 'language-disabled' });
    assert.equal(gate({ enabled: true, enabledGlobally: false }).kind, 'go');
  });

  it('is off while snoozed, and on again once the time has passed', () => {
    assert.deepEqual(gate({ snoozedUntil: 2000 }), { kind: 'off', reason: 'snoozed' });
    assert.equal(gate({ snoozedUntil: 1000 }).kind, 'go');
  });

  it('an explicit trigger ignores the settings, the snooze and the demo model', () => {
    assert.equal(
      gate({ manual: true, enabled: false, enabledGlobally: false, snoozedUntil: 5000, demoModel: true }).kind,
      'go',
    );
    assert.deepEqual(gate({ demoModel: true }), { kind: 'off', reason: 'demo' });
  });

  it('never goes to a model whose terms are not accepted, not even when triggered by hand', () => {
    const gated = { kind: 'ready' as const, model: { ...model, termsId: 'llm-jp-3-172b-beta1' }, connected: true };
    assert.deepEqual(gate({ backend: gated }), { kind: 'off', reason: 'terms' });
    assert.deepEqual(gate({ backend: gated, manual: true }), { kind: 'off', reason: 'terms' });
    assert.equal(gate({ backend: gated, termsAccepted: (id) => id === 'llm-jp-3-172b-beta1' }).kind, 'go');
  });

  it('starts a stopped backend (first feature that needs it) unless the user stopped it', () => {
    assert.deepEqual(gate({ backend: { kind: 'stopped' } }), { kind: 'start' });
    assert.deepEqual(gate({ backend: { kind: 'stopped' }, stoppedByUser: true }), {
      kind: 'off',
      reason: 'backend-stopped',
    });
    assert.deepEqual(gate({ backend: { kind: 'stopped' }, stoppedByUser: true, manual: true }), { kind: 'start' });
  });

  it('waits for a backend on its way, and does not retry a failed one on typing', () => {
    assert.deepEqual(gate({ backend: { kind: 'loading' } }), { kind: 'wait' });
    assert.deepEqual(gate({ backend: { kind: 'starting' } }), { kind: 'wait' });
    assert.deepEqual(gate({ backend: { kind: 'ready', model, connected: false } }), { kind: 'wait' });
    assert.deepEqual(gate({ backend: { kind: 'failed' } }), { kind: 'off', reason: 'backend-failed' });
    assert.deepEqual(gate({ backend: { kind: 'failed' }, manual: true }), { kind: 'start' });
    // Refused for its terms: say so rather than "backend failed"; a manual trigger goes through the terms gate.
    assert.deepEqual(gate({ backend: { kind: 'failed', termsRefused: true } }), { kind: 'off', reason: 'terms' });
    assert.deepEqual(gate({ backend: { kind: 'failed', termsRefused: true }, manual: true }), { kind: 'start' });
    assert.deepEqual(gate({ backend: { kind: 'restarting' } }), { kind: 'off', reason: 'backend-restarting' });
  });
});
