// Issue 13: "the terms gate opens links without the confirmation chat uses".
import assert from 'node:assert/strict';
import { isAllowedWebUrl } from '../../../common/link-policy.js';
import { getTerms } from '../../../common/terms/index.js';
import { openAfterConfirming } from '../../../extension/vscode/confirmed-link.js';
import { gateLinkOpener } from '../../../extension/terms/gate-links.js';

function prompt(answer: boolean) {
  const asked: string[] = [];
  const opened: string[] = [];
  return {
    asked,
    opened,
    confirm: async (url: string) => {
      asked.push(url);
      return answer;
    },
    open: async (url: string) => {
      opened.push(url);
    },
  };
}

describe('terms gate: links', () => {
  const terms = getTerms('fugaku-llm')!;
  const listed = [...terms.source.modelPages, ...terms.source.licenseFiles];

  it("asks before opening one of the terms' own links, and opens it only on yes", async () => {
    const yes = prompt(true);
    assert.equal(await gateLinkOpener(terms, yes)(listed[0]), 'opened');
    assert.deepEqual([yes.asked, yes.opened], [[listed[0]], [listed[0]]]);
    const no = prompt(false);
    assert.equal(await gateLinkOpener(terms, no)(listed[0]), 'declined');
    assert.deepEqual([no.asked, no.opened], [[listed[0]], []]);
  });

  it('refuses, without asking, a link the terms do not list or the link policy does not allow', async () => {
    for (const url of [
      'https://evil.example/terms',
      'javascript:alert(1)',
      'mailto:a@example.com',
      `${listed[0]}#x`,
      'file:///etc/passwd',
    ]) {
      const p = prompt(true);
      assert.equal(await gateLinkOpener(terms, p)(url), 'refused', url);
      assert.deepEqual([p.asked, p.opened], [[], []], url);
    }
  });

  it('follows the shared link policy: http and https only for the web', async () => {
    assert.equal(isAllowedWebUrl('https://example.com/a'), true);
    assert.equal(isAllowedWebUrl('http://example.com/a'), true);
    for (const url of ['mailto:a@example.com', 'javascript:alert(1)', 'https://user@example.com', 'ftp://example.com'])
      assert.equal(isAllowedWebUrl(url), false, url);
    const p = prompt(true);
    assert.equal(await openAfterConfirming('mailto:a@example.com', p, isAllowedWebUrl), 'refused');
    assert.deepEqual(p.asked, []);
  });
});
