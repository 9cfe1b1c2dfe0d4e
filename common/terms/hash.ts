import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of a terms text, over its exact UTF-8 bytes. No normalisation:
 * the hash records precisely the text a person was shown and accepted.
 */
export function termsHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
