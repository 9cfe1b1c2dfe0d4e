/**
 * Small typed readers for validating messages that arrive as `unknown`.
 * Each failure throws a FieldError that names the field, so the caller can say
 * exactly what was wrong ("send.text must be a string").
 */

export class FieldError extends Error {}

export interface FieldReader {
  /** A string of at most `max` characters; `nonEmpty` refuses "" and whitespace only. */
  text(name: string, max: number, options?: { nonEmpty?: boolean }): string;
  /** A non-empty identifier made by the extension (conversation, attachment, notice). */
  id(name: string): string;
  /** A safe integer in [min, max]. */
  integer(name: string, min: number, max: number): number;
  /** A list of identifiers, at most `maxItems`. */
  ids(name: string, maxItems: number): string[];
}

const MAX_ID_LENGTH = 128;
const ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;

export function createFieldReader(record: Record<string, unknown>, prefix: string): FieldReader {
  const fail = (name: string, problem: string): never => {
    throw new FieldError(`${prefix}.${name} ${problem}`);
  };
  const checkId = (value: unknown, name: string): string => {
    if (typeof value !== 'string') return fail(name, 'must be a string');
    if (value.length === 0 || value.length > MAX_ID_LENGTH || !ID_PATTERN.test(value)) {
      return fail(name, `must be an identifier of 1 to ${MAX_ID_LENGTH} letters, digits or _.:-`);
    }
    return value;
  };
  return {
    text(name, max, options = {}) {
      const value = record[name];
      if (typeof value !== 'string') return fail(name, 'must be a string');
      if (value.length > max) return fail(name, `must be at most ${max} characters (got ${value.length})`);
      if (options.nonEmpty === true && value.trim() === '') return fail(name, 'must not be empty');
      return value;
    },
    id(name) {
      return checkId(record[name], name);
    },
    integer(name, min, max) {
      const value = record[name];
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return fail(name, 'must be an integer');
      if (value < min || value > max) return fail(name, `must be between ${min} and ${max} (got ${value})`);
      return value;
    },
    ids(name, maxItems) {
      const value = record[name];
      if (!Array.isArray(value)) return fail(name, 'must be an array');
      if (value.length > maxItems) return fail(name, `must have at most ${maxItems} items (got ${value.length})`);
      return value.map((item, i) => checkId(item, `${name}[${i}]`));
    },
  };
}
