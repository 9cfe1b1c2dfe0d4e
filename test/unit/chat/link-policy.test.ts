import assert from 'node:assert/strict';
import { isAllowedLinkUrl } from '../../../common/link-policy.js';

describe('link policy', () => {
  it('allows http, https and mailto in any case', () => {
    for (const url of [
      'https://example.com',
      'http://example.com/a?b=c#d',
      'HTTPS://EXAMPLE.COM',
      'mailto:a@example.com',
      'MailTo:a@example.com',
    ]) {
      assert.equal(isAllowedLinkUrl(url), true, url);
    }
  });

  it('refuses every other scheme and every disguise', () => {
    const refused = [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      '\u0000javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'vbscript:x',
      'data:text/html,x',
      'data:image/png;base64,AA',
      'file:///etc/passwd',
      'ftp://example.com',
      '//example.com',
      '/relative',
      'relative.html',
      '#anchor',
      '%6Aavascript:alert(1)',
      'ｈｔｔｐｓ://example.com',
      'https:example.com',
      'https:/example.com',
      'http://',
      'https://user:pw@example.com',
      'https://github.com@evil.example',
      'https://a.example/"onmouseover=x',
      'https://a.example/ x',
      'https://a.example/<x>',
      '',
      `https://a.example/${'x'.repeat(3000)}`,
    ];
    for (const url of refused) assert.equal(isAllowedLinkUrl(url), false, JSON.stringify(url));
  });
});
