// Reads golden case files (format in golden/README.md).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const CURSOR = '█';

export interface GoldenCase {
  readonly name: string;
  readonly description: string;
  readonly language: string;
  readonly indentUnit?: string;
  readonly tabSize?: number;
  readonly prefix: string;
  readonly suffix: string;
  readonly model: string;
  readonly expected: string;
}

const SECTIONS = ['document', 'model', 'expected'] as const;
type Section = (typeof SECTIONS)[number];

function parseIndent(value: string): string {
  if (value === 'tab') return '\t';
  const m = /^(\d+) spaces?$/.exec(value);
  if (!m) throw new Error(`indent must be "tab" or "N spaces", got "${value}"`);
  return ' '.repeat(Number(m[1]));
}

export function parseGoldenCase(name: string, source: string): GoldenCase {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const meta = new Map<string, string>();
  const comments: string[] = [];
  const bodies = new Map<Section, string[]>();
  let current: Section | undefined;
  for (const line of lines) {
    const header = /^--- (\w+)$/.exec(line);
    if (header) {
      const section = header[1] as Section;
      if (!SECTIONS.includes(section)) throw new Error(`${name}: unknown section "${header[1]}"`);
      if (bodies.has(section)) throw new Error(`${name}: section "${section}" twice`);
      current = section;
      bodies.set(section, []);
    } else if (current) {
      bodies.get(current)!.push(line);
    } else if (line.startsWith('#')) {
      comments.push(line.replace(/^#\s?/, ''));
    } else if (line.trim() !== '') {
      const m = /^([\w-]+):\s*(.*)$/.exec(line);
      if (!m) throw new Error(`${name}: expected "key: value" before the first section, got "${line}"`);
      meta.set(m[1], m[2].trim());
    }
  }
  // The newline before a header separates; so does the file's final newline after the last section.
  const last = [...bodies.values()].pop();
  if (last && last.length > 0 && last[last.length - 1] === '') last.pop();
  const body = (s: Section): string => {
    const b = bodies.get(s);
    if (!b) throw new Error(`${name}: missing section "--- ${s}"`);
    return b.join('\n');
  };
  const document = body('document');
  const at = document.indexOf(CURSOR);
  if (at === -1 || document.indexOf(CURSOR, at + 1) !== -1)
    throw new Error(`${name}: the document must hold exactly one ${CURSOR}`);
  const language = meta.get('language');
  if (!language) throw new Error(`${name}: missing "language:"`);
  return {
    name,
    description: comments.join(' ').trim(),
    language,
    indentUnit: meta.has('indent') ? parseIndent(meta.get('indent')!) : undefined,
    tabSize: meta.has('tab-size') ? Number(meta.get('tab-size')) : undefined,
    prefix: document.slice(0, at),
    suffix: document.slice(at + CURSOR.length),
    model: body('model'),
    expected: body('expected'),
  };
}

export function goldenDir(): string {
  // Compiled to out/test/unit/completion/; the cases stay in the source tree.
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../../../test/unit/completion/golden');
}

export function loadGoldenCases(dir = goldenDir()): GoldenCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.golden'))
    .sort()
    .map((f) => parseGoldenCase(f, readFileSync(path.join(dir, f), 'utf8')));
}
