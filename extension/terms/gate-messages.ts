// Messages from the terms gate webview, validated before the extension acts on them.
import { isAllowedWebUrl } from '../../common/link-policy.js';

export type GateMessage =
  | { type: 'ready' }
  | { type: 'accept'; permissionConfirmed: boolean; readToEnd: boolean }
  | { type: 'decline' }
  | { type: 'openLink'; url: string };

export function parseGateMessage(m: unknown): GateMessage | undefined {
  if (typeof m !== 'object' || m === null) return undefined;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'ready':
    case 'decline':
      return { type: o.type };
    case 'accept':
      if (typeof o.permissionConfirmed !== 'boolean' || typeof o.readToEnd !== 'boolean') return undefined;
      return { type: 'accept', permissionConfirmed: o.permissionConfirmed, readToEnd: o.readToEnd };
    case 'openLink':
      // The terms' sources are all https; the opener checks the link is one of them and asks first.
      if (typeof o.url !== 'string' || !/^https:\/\//i.test(o.url) || !isAllowedWebUrl(o.url)) return undefined;
      return { type: 'openLink', url: o.url };
    default:
      return undefined;
  }
}
