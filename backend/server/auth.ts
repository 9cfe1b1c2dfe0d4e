// Who may open a socket: a client with the per-launch token, never a browser page.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type UpgradeVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

function digest(s: string): Buffer {
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  return createHash('sha256').update(s, 'utf8').digest();
}

export function tokensEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function checkUpgrade(req: IncomingMessage, token: string): UpgradeVerdict {
  // Browsers always send Origin on WebSocket upgrades; editor clients do not. Refusing it stops any web page
  // from reaching the model through the user's browser.
  if (req.headers.origin !== undefined) return { ok: false, status: 403, reason: 'browser origins are not allowed' };
  const header = req.headers.authorization ?? '';
  const m = /^Bearer (.+)$/.exec(header);
  if (!m || !tokensEqual(m[1].trim(), token))
    return { ok: false, status: 401, reason: 'missing or wrong bearer token' };
  return { ok: true };
}
