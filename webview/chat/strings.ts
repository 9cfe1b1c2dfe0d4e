/** The localized strings the extension put into the page; the webview makes no sentence of its own. */
export type Strings = Record<string, string>;

export function readStrings(doc: Document): Strings {
  const element = doc.getElementById('fude-strings');
  try {
    const value: unknown = JSON.parse(element?.textContent ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Strings) : {};
  } catch {
    return {};
  }
}

/** "{0} tokens/s" with ("12.5") -> "12.5 tokens/s". */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? match : String(value);
  });
}

/** A string by key, or the key itself so a missing translation is visible, not blank. */
export function makeT(strings: Strings): (key: string, ...args: Array<string | number>) => string {
  return (key, ...args) => format(strings[key] ?? key, ...args);
}
