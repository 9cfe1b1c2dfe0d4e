import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { checkUpgrade, tokensEqual } from '../../../../backend/server/auth.js';

const TOKEN = 's3cret-token_0123456789';

/** Only the headers matter to checkUpgrade; node lower-cases header names. */
function upgrade(headers: Record<string, string>): IncomingMessage {
  return { headers } as unknown as IncomingMessage;
}

describe('tokensEqual', () => {
  it('equal tokens', () => {
    assert.equal(tokensEqual(TOKEN, TOKEN), true);
    assert.equal(tokensEqual('', ''), true);
    assert.equal(tokensEqual('日本語トークン', '日本語トークン'), true);
  });

  it('different tokens, including prefixes, other lengths and case', () => {
    assert.equal(tokensEqual(TOKEN, `${TOKEN}x`), false);
    assert.equal(tokensEqual(TOKEN.slice(0, -1), TOKEN), false);
    assert.equal(tokensEqual(TOKEN.toUpperCase(), TOKEN), false);
    assert.equal(tokensEqual('', TOKEN), false);
    assert.equal(tokensEqual('x'.repeat(10_000), TOKEN), false, 'a very long guess does not throw');
  });
});

describe('checkUpgrade', () => {
  it('accepts the right bearer token with no Origin', () => {
    assert.deepEqual(checkUpgrade(upgrade({ authorization: `Bearer ${TOKEN}` }), TOKEN), { ok: true });
    assert.deepEqual(
      checkUpgrade(upgrade({ authorization: `Bearer ${TOKEN}  ` }), TOKEN),
      { ok: true },
      'trailing spaces are not part of the token',
    );
  });

  it('refuses any browser Origin with 403, even with the right token', () => {
    for (const origin of ['https://evil.example', 'null', 'vscode-webview://abc', '']) {
      const v = checkUpgrade(upgrade({ origin, authorization: `Bearer ${TOKEN}` }), TOKEN);
      assert.equal(v.ok, false, origin);
      assert.equal(!v.ok && v.status, 403, origin);
      assert.match(!v.ok ? v.reason : '', /origin/i);
    }
  });

  it('refuses a missing, wrong or malformed Authorization with 401', () => {
    const cases: Array<Record<string, string>> = [
      {},
      { authorization: '' },
      { authorization: TOKEN },
      { authorization: `Basic ${TOKEN}` },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: 'Bearer ' },
      { authorization: 'Bearer    ' },
      { authorization: `Bearer${TOKEN}` },
      { 'x-token': TOKEN },
    ];
    for (const headers of cases) {
      const v = checkUpgrade(upgrade(headers), TOKEN);
      assert.equal(v.ok, false, JSON.stringify(headers));
      assert.equal(!v.ok && v.status, 401, JSON.stringify(headers));
    }
  });
});
