import assert from 'node:assert/strict';
import { getTerms } from '../../../common/terms/index.js';
import { TermsAcceptanceStore, type KeyValue } from '../../../extension/terms/acceptance-store.js';
import { parseGateMessage } from '../../../extension/terms/gate-messages.js';
import { gateView } from '../../../extension/terms/gate-view.js';

function memory(): KeyValue & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (k: string) => data.get(k),
    update: async (k, v) => {
      data.set(k, v);
    },
  };
}

describe('terms acceptance store', () => {
  it('records acceptance per id with the text hash and the date', async () => {
    const kv = memory();
    const store = new TermsAcceptanceStore(kv, () => new Date('2026-11-23T09:00:00Z'));
    const a = await store.accept('fugaku-llm', false);
    assert.equal(a.sha256, getTerms('fugaku-llm')!.sha256);
    assert.equal(a.acceptedAt, '2026-11-23T09:00:00.000Z');
    assert.deepEqual(store.acceptedIds(), ['fugaku-llm']);
  });

  it('refuses terms that need individual permission unless the user confirms it', async () => {
    const store = new TermsAcceptanceStore(memory());
    await assert.rejects(store.accept('llm-jp-3-172b-beta1', false), /permission/);
    await store.accept('llm-jp-3-172b-beta1', true);
    assert.deepEqual(store.acceptedIds(), ['llm-jp-3-172b-beta1']);
  });

  it('asks again when the text changed: an acceptance of another hash does not count', async () => {
    const kv = memory();
    const store = new TermsAcceptanceStore(kv);
    await store.accept('fugaku-llm', false);
    const stored = kv.data.get('fude.termsAcceptance') as Record<string, { sha256: string }>;
    stored['fugaku-llm'].sha256 = 'a-hash-of-an-older-text';
    assert.deepEqual(store.acceptedIds(), []);
    assert.equal(store.outdated('fugaku-llm'), true);
    assert.equal(store.current('fugaku-llm'), undefined);
  });

  it('revokes', async () => {
    const store = new TermsAcceptanceStore(memory());
    await store.accept('fugaku-llm', false);
    assert.equal(await store.revoke('fugaku-llm'), true);
    assert.deepEqual(store.acceptedIds(), []);
    assert.equal(await store.revoke('fugaku-llm'), false);
  });

  it('rejects unknown terms', async () => {
    await assert.rejects(new TermsAcceptanceStore(memory()).accept('nope', true), /unknown terms/);
  });
});

describe('terms gate view and messages', () => {
  it('puts the authoritative Japanese text first and lists the prohibited uses with their articles', () => {
    const v = gateView(getTerms('llm-jp-3-172b-beta1')!, 'ja', {});
    assert.equal(v.texts[0].lang, 'ja');
    assert.equal(v.texts[0].role, 'authoritative');
    assert.equal(v.texts[1].lang, 'en');
    assert.equal(v.requiresPermission, true);
    assert.ok(v.prohibited.some((p) => p.label.startsWith('第3条')));
    assert.match(v.accuracyNotice, /第4条/);
  });

  it('says when it holds no authoritative text (Fugaku-LLM)', () => {
    const v = gateView(getTerms('fugaku-llm')!, 'en', {});
    assert.equal(v.hasAuthoritativeText, false);
    assert.equal(v.requiresPermission, false);
    assert.ok(v.links.length > 0);
  });

  it('validates gate messages', () => {
    assert.deepEqual(parseGateMessage({ type: 'accept', permissionConfirmed: true, readToEnd: true }), {
      type: 'accept',
      permissionConfirmed: true,
      readToEnd: true,
    });
    assert.equal(parseGateMessage({ type: 'accept', permissionConfirmed: 'yes', readToEnd: true }), undefined);
    assert.equal(parseGateMessage({ type: 'openLink', url: 'javascript:alert(1)' }), undefined);
    assert.equal(parseGateMessage({ type: 'openLink', url: 'http://insecure.example' }), undefined);
    assert.deepEqual(parseGateMessage({ type: 'openLink', url: 'https://huggingface.co/x' }), {
      type: 'openLink',
      url: 'https://huggingface.co/x',
    });
    assert.equal(parseGateMessage(null), undefined);
    assert.equal(parseGateMessage({ type: 'eval' }), undefined);
  });
});
