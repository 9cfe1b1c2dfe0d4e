// Fude: Get Started shows Fude's walkthrough, not VS Code's: VS Code's walkthrough service is started early,
// and an open that comes before it can have registered Fude's walkthrough waits for the rest of that time.
import assert from 'node:assert/strict';
import { REGISTRATION_MS, WalkthroughOpener } from '../../../extension/vscode/open-walkthrough.js';

function fakes() {
  let clock = 1_000;
  const calls: string[] = [];
  return {
    calls,
    advance(ms: number) {
      clock += ms;
    },
    deps: {
      startService: async () => {
        calls.push('start');
        throw new Error('Attempting to access step which does not exist');
      },
      open: async () => {
        calls.push(`open@${clock}`);
      },
      now: () => clock,
      wait: async (ms: number) => {
        calls.push(`wait ${ms}`);
        clock += ms;
      },
    },
  };
}

describe('WalkthroughOpener', () => {
  it('starts the service once, and an open long after does not wait', async () => {
    const f = fakes();
    const opener = new WalkthroughOpener(f.deps);
    opener.startService();
    opener.startService();
    f.advance(60_000);
    await opener.open();
    assert.deepEqual(f.calls, ['start', 'open@61000']);
  });

  it('an open right after the start waits for the registration', async () => {
    const f = fakes();
    const opener = new WalkthroughOpener(f.deps);
    opener.startService();
    f.advance(2_000);
    await opener.open();
    assert.deepEqual(f.calls, ['start', `wait ${REGISTRATION_MS - 2_000}`, `open@${1_000 + REGISTRATION_MS}`]);
  });

  it('an open with no earlier start starts the service and waits the whole time', async () => {
    const f = fakes();
    await new WalkthroughOpener(f.deps).open();
    assert.deepEqual(f.calls, ['start', `wait ${REGISTRATION_MS}`, `open@${1_000 + REGISTRATION_MS}`]);
  });
});
