import assert from 'node:assert/strict';
import {
  connectionError,
  errorBodyMessage,
  parseRetryAfter,
  RemoteEngineError,
  statusError,
} from '../../../../extension/engine/openai/errors.js';

const where = 'https://gpu:8000';

describe('remote engine errors', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('7'), 7000);
    assert.equal(parseRetryAfter(' 0 '), 0);
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now), 0, 'a date in the past means now');
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
  });

  it("reads the message of each server's error body", () => {
    assert.deepEqual(
      errorBodyMessage(
        '{"error":{"message":"m","type":"invalid_request_error","param":null,"code":"model_not_found"}}',
      ),
      { message: 'm', code: 'model_not_found' },
    );
    assert.deepEqual(
      errorBodyMessage(
        '{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","param":null,"code":404}',
      ),
      { message: 'The model `x` does not exist.', code: 'NotFoundError' },
    );
    assert.deepEqual(errorBodyMessage('{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}'), {
      message: 'Loading model',
      code: 'unavailable_error',
    });
    assert.deepEqual(errorBodyMessage('{"error":"Unauthorized"}'), { message: 'Unauthorized', code: undefined });
    assert.deepEqual(errorBodyMessage('<html>Bad Gateway</html>'), { message: '<html>Bad Gateway</html>' });
    assert.deepEqual(errorBodyMessage(''), {});
  });

  it('gives each status its code, with Retry-After where the server sent it', () => {
    const cases: Array<[number, string]> = [
      [401, 'unauthorized'],
      [403, 'unauthorized'],
      [429, 'rate_limited'],
      [503, 'unavailable'],
      [502, 'unavailable'],
      [400, 'bad_request'],
      [413, 'bad_request'],
      [500, 'server_error'],
    ];
    for (const [status, code] of cases) {
      const e = statusError(status, '{}', '3', where, 'm');
      assert.equal(e.code, code, String(status));
      assert.equal(e.status, status);
      assert.equal(e.retryAfterMs, 3000);
    }
    assert.match(statusError(429, '', '3', where, 'm').message, /Retry after 3 s/);
  });

  it('tells an unknown model from an unknown path on 404', () => {
    assert.equal(
      statusError(404, '{"error":{"message":"x","code":"model_not_found"}}', undefined, where, 'm').code,
      'model_not_found',
    );
    assert.equal(
      statusError(404, '{"object":"error","message":"The model `m` does not exist."}', undefined, where, 'm').code,
      'model_not_found',
    );
    const path = statusError(404, 'Not Found', undefined, where, 'm');
    assert.equal(path.code, 'not_found');
    assert.match(path.message, /\/v1/);
  });

  it("names the TLS problem and the unreachable server from Node's error codes", () => {
    const err = (code: string, message = code) => Object.assign(new Error(message), { code });
    assert.equal(connectionError(err('DEPTH_ZERO_SELF_SIGNED_CERT'), where).tls, 'self_signed');
    assert.equal(connectionError(err('SELF_SIGNED_CERT_IN_CHAIN'), where).tls, 'self_signed');
    assert.equal(connectionError(err('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), where).tls, 'unknown_ca');
    assert.equal(connectionError(err('CERT_HAS_EXPIRED'), where).tls, 'expired');
    assert.equal(connectionError(err('ERR_TLS_CERT_ALTNAME_INVALID'), where).tls, 'hostname');
    assert.equal(connectionError(err('ERR_SSL_WRONG_VERSION_NUMBER'), where).tls, 'protocol');
    const refused = connectionError(err('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'), where);
    assert.equal(refused.code, 'unreachable');
    assert.equal(refused.causeCode, 'ECONNREFUSED');
    assert.equal(connectionError(err('ENOTFOUND'), where).code, 'unreachable');
    assert.equal(connectionError(err('HPE_INVALID_CONSTANT'), where).code, 'bad_response');
  });

  it('keeps the text that arrived before a failure', () => {
    const e = new RemoteEngineError('stream_cut', 'cut').withPartial('途中');
    assert.equal(e.partialText, '途中');
    assert.equal(e.code, 'stream_cut');
    assert.equal(e.withPartial('other').partialText, '途中', 'the first partial text stays');
    assert.equal(new RemoteEngineError('cancelled', 'x').withPartial('').partialText, undefined);
  });
});
