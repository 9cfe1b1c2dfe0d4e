import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  REPO_ROOT,
  checkNls,
  checkRepository,
  compareBundles,
  extractL10nCalls,
  looksUntranslated,
  placeholders,
  type Problem,
} from '../../../scripts/l10n-check.js';

const show = (ps: Problem[]): string => ps.map((p) => `${p.kind}: ${JSON.stringify(p.key)} — ${p.detail}`).join('\n');
const kinds = (ps: Problem[]): string[] => ps.map((p) => p.kind);
const keysOf = (src: string): string[] => extractL10nCalls('x.ts', src).calls.map((c) => c.key);

describe('l10n: the repository', () => {
  it('finds the repository root from the compiled script', () => {
    assert.equal((JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string }).name, 'fude');
  });

  it('has a Japanese translation for every runtime string, current bundles and matching package.nls files', function () {
    this.timeout(10_000); // parses every file under extension/: under 1 s, but the machine is shared
    const { problems, source } = checkRepository();
    assert.ok(Object.keys(source.bundle).length > 0, 'no vscode.l10n.t strings found under extension/');
    assert.equal(problems.length, 0, `\n${show(problems)}\n(see node out/scripts/l10n-check.js)`);
  });
});

describe('l10n: extracting l10n.t calls', () => {
  it('finds vscode.l10n.t, a namespace alias and a named import, keyed by the message', () => {
    assert.deepEqual(keysOf(`import * as vscode from 'vscode';\nvscode.l10n.t('Show Log');`), ['Show Log']);
    assert.deepEqual(keysOf(`import * as vs from 'vscode';\nvs.l10n.t("Loading {0}…", m);`), ['Loading {0}…']);
    assert.deepEqual(keysOf(`import { l10n as L } from 'vscode';\nL.t('a'); l10n.t('not bound');`), ['a']);
    assert.deepEqual(keysOf(`import * as l10n from '@vscode/l10n';\nl10n.t('Send');`), ['Send']);
  });

  it('keys the object form with a comment as message/comment, like VS Code does at run time', () => {
    const src = `import * as vscode from 'vscode';\nvscode.l10n.t({ message: 'Stop', args: [], comment: ['verb', ' (button)'] });`;
    assert.deepEqual(keysOf(src), ['Stop/verb (button)']);
  });

  it('turns a tagged template into numbered placeholders', () => {
    assert.deepEqual(keysOf("import * as vscode from 'vscode';\nvscode.l10n.t`Hi ${a} and ${b}`;"), ['Hi {0} and {1}']);
  });

  it('reports an alias of l10n.t, which l10n-dev does not follow, and still extracts the strings it is called with', () => {
    const r = extractL10nCalls(
      'g.ts',
      [
        `import * as vscode from 'vscode';`,
        `function strings() {`,
        `  const t = vscode.l10n.t;`,
        `  return { a: t('Decline'), b: t('Accept {0}', x) };`,
        `}`,
        `const other = (t: (s: string) => string) => t('not l10n');`,
        `register(vscode.l10n.t);`,
      ].join('\n'),
    );
    assert.deepEqual(
      r.calls.map((c) => [c.key, c.viaAlias]),
      [
        ['Decline', true],
        ['Accept {0}', true],
      ],
    );
    assert.deepEqual(
      r.problems.map((p) => p.detail),
      [
        `g.ts:3: l10n-dev's export does not follow the alias "t"; call vscode.l10n.t('…') directly`,
        'g.ts:7: l10n.t used as a value; l10n-dev only extracts direct calls',
      ],
    );
  });

  it('ignores files that do not import vscode or @vscode/l10n', () => {
    assert.deepEqual(keysOf(`const l10n = { t: (s: string) => s };\nl10n.t('x');`), []);
  });

  it('reports messages l10n-dev cannot extract and placeholders without values', () => {
    const r = extractL10nCalls(
      'x.ts',
      [
        `import * as vscode from 'vscode';`,
        'vscode.l10n.t(`Loaded ${name}`);',
        `vscode.l10n.t(msg);`,
        `vscode.l10n.t({ message: 'No comment' });`,
        `vscode.l10n.t('{0} of {1}', a);`,
        `vscode.l10n.t('{0} of {1}', [a, b]);`,
        `vscode.l10n.t('Remove {0}');`, // a template handed on: l10n.t leaves {0} as is
        `vscode.l10n.t('{who}', { who });`,
      ].join('\n'),
    );
    assert.deepEqual(kinds(r.problems), ['not extractable', 'not extractable', 'not extractable', 'missing argument']);
    assert.match(r.problems[0].detail, /^x\.ts:2: /);
    assert.match(r.problems[3].detail, /^x\.ts:5: uses \{1\} but passes 1 value/);
  });
});

describe('l10n: comparing bundles', () => {
  it('flags a new source string without a Japanese translation', () => {
    const ps = compareBundles(
      { 'Show Log': 'Show Log', 'New thing': 'New thing' },
      { 'Show Log': 'Show Log', 'New thing': 'New thing' },
      { 'Show Log': 'ログを表示' },
    );
    assert.deepEqual(
      ps.map((p) => [p.kind, p.key]),
      [['missing translation', 'New thing']],
    );
  });

  it('flags stale keys in both bundles and an English bundle that lags the source', () => {
    const ps = compareBundles({ a: 'a' }, { old: 'old' }, { a: 'あ', gone: '消えた' });
    assert.deepEqual(
      ps.map((p) => [p.kind, p.key]),
      [
        ['English bundle out of date', 'a'],
        ['English bundle out of date', 'old'],
        ['stale translation', 'gone'],
      ],
    );
  });

  it('accepts reordered placeholders but not missing, renumbered or extra ones, nor a lost codicon', () => {
    const en = '{0} of {1} layers';
    assert.deepEqual(compareBundles({ [en]: en }, { [en]: en }, { [en]: '{1} 層中 {0} 層' }), []);
    for (const bad of ['{0} 層', '{0} 層中 {2} 層', '{0} {0} {1} 層']) {
      assert.deepEqual(kinds(compareBundles({ [en]: en }, { [en]: en }, { [en]: bad })), ['placeholder mismatch'], bad);
    }
    const icon = '$(check) Done';
    assert.deepEqual(kinds(compareBundles({ [icon]: icon }, { [icon]: icon }, { [icon]: '完了' })), [
      'placeholder mismatch',
    ]);
  });

  it('flags a translation left in English, and empty ones', () => {
    assert.deepEqual(
      kinds(compareBundles({ 'Show Log': 'Show Log' }, { 'Show Log': 'Show Log' }, { 'Show Log': 'Show Log' })),
      ['untranslated'],
    );
    assert.deepEqual(
      kinds(compareBundles({ 'Show Log': 'Show Log' }, { 'Show Log': 'Show Log' }, { 'Show Log': ' ' })),
      ['missing translation'],
    );
    assert.equal(looksUntranslated('Fude: {0}', 'Fude: {0}'), false);
    assert.equal(looksUntranslated('GGUF models', 'GGUF models'), true);
  });

  it('lists placeholders and codicons', () => {
    assert.deepEqual(placeholders('$(loading~spin) {1} {name} {0} {not a placeholder}'), [
      '$(loading~spin)',
      '{0}',
      '{1}',
      '{name}',
    ]);
  });
});

describe('l10n: package.nls files', () => {
  const manifest = {
    description: '%description%',
    contributes: { commands: [{ title: '%command.a%' }], x: ['%list.item%'] },
  };
  const en = { description: 'Runs models', 'command.a': 'Start', 'list.item': 'Item' };
  const ja = { description: 'モデルを動かします', 'command.a': '起動', 'list.item': '項目' };

  it('accepts matching files', () => {
    assert.deepEqual(checkNls(manifest, en, ja), []);
  });

  it('flags keys used by package.json but missing, keys only on one side and unused keys', () => {
    const ps = checkNls(
      { ...manifest, extra: '%command.b%' },
      { ...en, unused: 'Unused' },
      { ...ja, 'only.ja': 'だけ', unused: '未使用' },
    );
    assert.deepEqual(
      ps.map((p) => p.detail),
      [
        'package.json uses %command.b% but package.nls.json lacks it',
        'package.json uses %command.b% but package.nls.ja.json lacks it',
        'in package.nls.json but package.json never uses it',
        'in package.nls.ja.json but not in package.nls.json',
      ],
    );
  });
});

describe('l10n: a whole checkout', () => {
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'fude-l10n-test-'));
    mkdirSync(join(root, 'extension'));
    mkdirSync(join(root, 'l10n'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ description: '%description%' }));
    writeFileSync(join(root, 'package.nls.json'), JSON.stringify({ description: 'Runs models' }));
    writeFileSync(join(root, 'package.nls.ja.json'), JSON.stringify({ description: 'モデルを動かします' }));
    writeFileSync(join(root, 'l10n/bundle.l10n.json'), JSON.stringify({ 'Show Log': 'Show Log' }));
    writeFileSync(join(root, 'l10n/bundle.l10n.ja.json'), JSON.stringify({ 'Show Log': 'ログを表示' }));
    writeFileSync(join(root, 'extension/a.ts'), `import * as vscode from 'vscode';\nvscode.l10n.t('Show Log');\n`);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes when everything is translated', () => {
    assert.deepEqual(checkRepository(root).problems, []);
  });

  it('fails when someone adds a vscode.l10n.t string without a Japanese translation', () => {
    writeFileSync(join(root, 'extension/b.ts'), `import * as vscode from 'vscode';\nvscode.l10n.t('Open Chat');\n`);
    assert.deepEqual(
      checkRepository(root).problems.map((p) => [p.kind, p.key]),
      [
        ['English bundle out of date', 'Open Chat'],
        ['missing translation', 'Open Chat'],
      ],
    );
  });
});

describe('l10n: what the messages name', () => {
  const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
  const json = (file: string) => JSON.parse(read(file)) as Record<string, string | { message: string }>;
  const values = (file: string) => Object.values(json(file)).map((v) => (typeof v === 'string' ? v : v.message));
  const nls = {
    en: json('package.nls.json') as Record<string, string>,
    ja: json('package.nls.ja.json') as Record<string, string>,
  };
  /** Palette titles by command id, in each language. */
  const titles = (lang: 'en' | 'ja') =>
    new Map(
      Object.entries(nls[lang])
        .filter(([k]) => k.startsWith('command.'))
        .map(([k, v]) => [k, v]),
    );
  const en = titles('en');
  const ja = titles('ja');
  /** "Fude: Title" in English text, 「Fude: タイトル」 in Japanese text: the command keys they name (undefined: no such title). */
  const named = (text: string, lang: 'en' | 'ja') => {
    const pattern = lang === 'en' ? /"Fude: ([^"]+)"/g : /「Fude: ([^」]+)」/g;
    const table = lang === 'en' ? en : ja;
    return [...text.matchAll(pattern)].map((m) => ({ title: m[1], key: [...table].find(([, v]) => v === m[1])?.[0] }));
  };

  it('never names a backend command-line option: the editor says the setting or the command', () => {
    const files = ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.ja.json', 'package.nls.json', 'package.nls.ja.json'];
    const flags = files.flatMap((f) =>
      values(f)
        .filter((v) => /(^|[\s(「"'`])--[a-z][\w-]+/.test(v))
        .map((v) => `${f}: ${v}`),
    );
    assert.deepEqual(flags, []);
  });

  it('names commands as the palette shows them in the language of the sentence', () => {
    for (const [file, lang] of [
      ['l10n/bundle.l10n.json', 'en'],
      ['package.nls.json', 'en'],
      ['l10n/bundle.l10n.ja.json', 'ja'],
      ['package.nls.ja.json', 'ja'],
    ] as const) {
      for (const value of values(file)) {
        for (const n of named(value, lang))
          assert.ok(n.key, `${file}: "${n.title}" is not a command title in ${lang} (in: ${value})`);
      }
    }
  });

  it('gives the sample workspace instructions that work in both display languages', () => {
    const dir = join(REPO_ROOT, 'samples', 'workspace');
    for (const name of readdirSync(dir)) {
      const text = read(join('samples', 'workspace', name));
      const inEn = named(text, 'en');
      const inJa = named(text, 'ja');
      for (const n of inEn) assert.ok(n.key, `${name}: "Fude: ${n.title}" is not an English command title`);
      for (const n of inJa) assert.ok(n.key, `${name}: 「Fude: ${n.title}」 is not a Japanese command title`);
      // Each command named in one language is named in the other too, or the file says a key binding instead.
      assert.deepEqual(
        [...new Set(inEn.map((n) => n.key))].sort(),
        [...new Set(inJa.map((n) => n.key))].sort(),
        `${name} names the same commands in both languages`,
      );
      assert.ok(
        inEn.length > 0 || /Ctrl\+|右クリック|right-click/.test(text),
        `${name} says how to reach Fude in either language`,
      );
    }
  });
});
