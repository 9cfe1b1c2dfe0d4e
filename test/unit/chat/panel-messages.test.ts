import assert from 'node:assert/strict';
import { LIMITS, parseWebviewMessage, type WebviewMessage } from '../../../extension/chat/panel-messages.js';

function ok(value: unknown): WebviewMessage {
  const result = parseWebviewMessage(value);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.message;
}

function error(value: unknown): string {
  const result = parseWebviewMessage(value);
  assert.equal(result.ok, false, `accepted ${JSON.stringify(value)}`);
  return result.ok ? '' : result.error;
}

describe('panel messages: parseWebviewMessage', () => {
  it('accepts every well-formed message', () => {
    const valid: WebviewMessage[] = [
      { type: 'ready' },
      { type: 'send', text: 'この関数を説明して', attachments: ['sel-1', 'file-2'] },
      { type: 'stop' },
      { type: 'newChat' },
      { type: 'selectConversation', conversationId: 'c1' },
      { type: 'deleteConversation', conversationId: 'c1' },
      { type: 'renameConversation', conversationId: 'c1', title: '新しい題名' },
      { type: 'regenerate', conversationId: 'c1' },
      { type: 'editAndResend', conversationId: 'c1', messageIndex: 2, text: '言い直し' },
      { type: 'copyCode', code: 'const a = 1;\n', language: 'ts' },
      { type: 'insertCode', code: 'x', language: '' },
      { type: 'diffCode', code: 'y', language: 'python' },
      { type: 'openLink', url: 'https://example.jp/docs' },
      { type: 'attachActiveFile' },
      { type: 'attachOpenFile' },
      { type: 'removeAttachment', attachmentId: 'file-2' },
      { type: 'noticeChoice', noticeId: 'notice-7', choice: 'continue' },
      { type: 'showTerms' },
    ];
    for (const message of valid) assert.deepEqual(ok(message), message);
  });

  it('drops fields it does not know', () => {
    assert.deepEqual(ok({ type: 'stop', extra: '<script>', __proto__: { polluted: true } }), { type: 'stop' });
    assert.deepEqual(ok({ type: 'openLink', url: 'https://a.example', target: '_self' }), {
      type: 'openLink',
      url: 'https://a.example',
    });
  });

  it('refuses what is not a message object', () => {
    assert.equal(error(null), 'message must be an object');
    assert.equal(error('ready'), 'message must be an object');
    assert.equal(error([{ type: 'ready' }]), 'message must be an object');
    assert.equal(error({}), 'message.type must be a string');
    assert.equal(error({ type: 'runCommand' }), 'message.type "runCommand" is not a known message');
    assert.equal(error({ type: 'toString' }), 'message.type "toString" is not a known message');
    assert.equal(error({ type: '__proto__' }), 'message.type "__proto__" is not a known message');
  });

  it('names the bad field', () => {
    assert.equal(error({ type: 'send', attachments: [] }), 'send.text must be a string');
    assert.equal(error({ type: 'send', text: '  \n', attachments: [] }), 'send.text must not be empty');
    assert.equal(error({ type: 'send', text: 'q' }), 'send.attachments must be an array');
    assert.match(
      error({ type: 'send', text: 'q', attachments: ['ok', 3] }),
      /^send\.attachments\[1\] must be a string$/,
    );
    assert.match(
      error({ type: 'send', text: 'q', attachments: ['a b'] }),
      /^send\.attachments\[0\] must be an identifier/,
    );
    assert.match(
      error({ type: 'selectConversation', conversationId: '' }),
      /^selectConversation\.conversationId must be an identifier/,
    );
    assert.match(
      error({ type: 'renameConversation', conversationId: 'c', title: 'x'.repeat(LIMITS.title + 1) }),
      /^renameConversation\.title must be at most 200 characters \(got 201\)$/,
    );
    assert.equal(
      error({ type: 'editAndResend', conversationId: 'c', messageIndex: 1.5, text: 't' }),
      'editAndResend.messageIndex must be an integer',
    );
    assert.match(
      error({ type: 'editAndResend', conversationId: 'c', messageIndex: -1, text: 't' }),
      /^editAndResend\.messageIndex must be between 0/,
    );
    assert.equal(
      error({ type: 'editAndResend', conversationId: 'c', messageIndex: '1', text: 't' }),
      'editAndResend.messageIndex must be an integer',
    );
    assert.equal(error({ type: 'copyCode', code: 'x' }), 'copyCode.language must be a string');
    assert.equal(error({ type: 'diffCode', language: 'ts' }), 'diffCode.code must be a string');
    assert.equal(error({ type: 'removeAttachment' }), 'removeAttachment.attachmentId must be a string');
    assert.equal(error({ type: 'noticeChoice', noticeId: 'n' }), 'noticeChoice.choice must be a string');
  });

  it('refuses oversized input', () => {
    assert.match(
      error({ type: 'send', text: 'あ'.repeat(LIMITS.text + 1), attachments: [] }),
      /^send\.text must be at most/,
    );
    assert.match(
      error({
        type: 'send',
        text: 'q',
        attachments: Array.from({ length: LIMITS.attachments + 1 }, (_, i) => `a${i}`),
      }),
      /^send\.attachments must have at most 50 items/,
    );
    assert.match(
      error({ type: 'insertCode', code: 'x'.repeat(LIMITS.code + 1), language: '' }),
      /^insertCode\.code must be at most/,
    );
  });

  it('refuses links the extension must never open', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'command:workbench.action.quit',
      'vscode://settings',
      '//evil.example',
      ' https://a.example',
    ]) {
      assert.equal(error({ type: 'openLink', url }), 'openLink.url must be an http, https or mailto URL', url);
    }
    assert.equal(error({ type: 'openLink', url: 42 }), 'openLink.url must be a string');
  });
});
