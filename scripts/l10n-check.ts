// Checks the translations: runtime strings (vscode.l10n.t -> l10n/bundle.l10n*.json) and the
// manifest (package.json %key% -> package.nls*.json). Usage, after `npx tsc -p .`:
//   node out/scripts/l10n-check.js           report problems, exit 1 if any
//   node out/scripts/l10n-check.js --write   first refresh l10n/bundle.l10n.json from the source
// The pure functions are exported for test/unit/l10n; the unit test uses the TypeScript-based
// extractor (fast), this script also runs the real @vscode/l10n-dev export and checks both agree.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Compiled to out/scripts/, so the repository root is two levels up. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What `npx @vscode/l10n-dev export --outDir ./l10n ./extension` scans. */
export const SOURCE_DIRS = ['extension'];

export type BundleValue = string | { message: string; comment: string[] };
export type Bundle = Record<string, BundleValue>;
export interface Problem {
  kind: string;
  key: string;
  detail: string;
}
/** viaAlias: reached through `const t = vscode.l10n.t`, which l10n-dev's export does not follow. */
export interface L10nCall {
  key: string;
  message: string;
  file: string;
  line: number;
  viaAlias: boolean;
}

// ---- extraction with the TypeScript compiler API -------------------------------------------

/** Local names of the vscode module (for vscode.l10n.t) and of l10n itself (for l10n.t). */
type Bindings = { vscode: Set<string>; l10n: Set<string> };

function l10nBindings(sf: ts.SourceFile): Bindings {
  const vscode = new Set<string>();
  const l10n = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const from = st.moduleSpecifier.text;
    const bindings = st.importClause?.namedBindings;
    if ((from !== 'vscode' && from !== '@vscode/l10n') || !bindings) continue;
    if (ts.isNamespaceImport(bindings)) (from === 'vscode' ? vscode : l10n).add(bindings.name.text);
    else if (from === 'vscode') {
      for (const el of bindings.elements) if ((el.propertyName ?? el.name).text === 'l10n') l10n.add(el.name.text);
    }
  }
  return { vscode, l10n };
}

function isL10nT(callee: ts.Expression, b: Bindings): boolean {
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const obj = callee.expression;
  if (ts.isIdentifier(obj)) return b.l10n.has(obj.text);
  return (
    ts.isPropertyAccessExpression(obj) &&
    obj.name.text === 'l10n' &&
    ts.isIdentifier(obj.expression) &&
    b.vscode.has(obj.expression.text)
  );
}

function stringOf(e: ts.Expression | undefined): string | undefined {
  return e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : undefined;
}

function objectProp(o: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of o.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name)
      return p.initializer;
  }
  return undefined;
}

/** How many positional values reach the placeholders; undefined when it cannot be told (spread, named args). */
function positionalArgCount(rest: readonly ts.Expression[]): number | undefined {
  const only = rest.length === 1 ? rest[0] : undefined;
  if (only && ts.isObjectLiteralExpression(only)) return undefined;
  const list = only && ts.isArrayLiteralExpression(only) ? only.elements : rest;
  return list.some(ts.isSpreadElement) ? undefined : list.length;
}

type Parsed = { key: string; message: string; argCount: number | undefined } | { error: string };

/** The key and message of one `l10n.t(...)` call, or why l10n-dev cannot extract it. */
function parseCall(args: readonly ts.Expression[]): Parsed {
  const [first, ...rest] = args;
  const message = stringOf(first);
  if (message !== undefined) return { key: message, message, argCount: positionalArgCount(rest) };
  if (!first || !ts.isObjectLiteralExpression(first))
    return { error: 'the message must be a plain string literal (pass values as {0}, {1}… arguments)' };
  const msg = stringOf(objectProp(first, 'message'));
  const c = objectProp(first, 'comment');
  const comment = c && ts.isArrayLiteralExpression(c) ? c.elements.map(stringOf) : [stringOf(c)];
  if (msg === undefined || !c || comment.some((s) => s === undefined)) {
    return { error: 'the object form needs a literal message and a literal comment, or l10n-dev skips it' };
  }
  const a = objectProp(first, 'args');
  return { key: `${msg}/${comment.join('')}`, message: msg, argCount: a ? positionalArgCount([a]) : 0 };
}

/**
 * `const t = vscode.l10n.t` (and any other use of l10n.t as a value) hides the strings from l10n-dev's
 * export. They are reported, and the aliases returned so their strings can still be checked.
 */
function findAliases(
  sf: ts.SourceFile,
  b: Bindings,
  report: (n: ts.Node, why: string) => void,
): { name: string; scope: ts.Node }[] {
  const aliases: { name: string; scope: ts.Node }[] = [];
  const visit = (node: ts.Node): void => {
    const p = node.parent;
    if (
      isL10nT(node as ts.Expression, b) &&
      !((ts.isCallExpression(p) && p.expression === node) || (ts.isTaggedTemplateExpression(p) && p.tag === node))
    ) {
      if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) {
        let scope: ts.Node = p;
        while (!ts.isBlock(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
        aliases.push({ name: p.name.text, scope });
        report(p, `l10n-dev's export does not follow the alias "${p.name.text}"; call vscode.l10n.t('…') directly`);
      } else report(node, 'l10n.t used as a value; l10n-dev only extracts direct calls');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return aliases;
}

/**
 * The l10n.t calls of one file, keyed the way VS Code looks them up at run time
 * (`message`, or `message/comment` when a comment is given), plus anything that cannot be extracted.
 */
export function extractL10nCalls(file: string, contents: string): { calls: L10nCall[]; problems: Problem[] } {
  const calls: L10nCall[] = [];
  const problems: Problem[] = [];
  if (!contents.includes('l10n')) return { calls, problems };
  const sf = ts.createSourceFile(
    file,
    contents,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const b = l10nBindings(sf);
  if (b.vscode.size === 0 && b.l10n.size === 0) return { calls, problems };
  const lineOf = (n: ts.Node): number => sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
  const aliases = findAliases(sf, b, (n, why) =>
    problems.push({ kind: 'not extractable', key: n.getText().slice(0, 80), detail: `${file}:${lineOf(n)}: ${why}` }),
  );
  const visit = (node: ts.Node): void => {
    let parsed: Parsed | undefined;
    let viaAlias = false;
    if (ts.isTaggedTemplateExpression(node) && isL10nT(node.tag, b)) {
      // l10n.t`a ${x} b` is extracted as 'a {0} b'.
      const t = node.template;
      const message = ts.isNoSubstitutionTemplateLiteral(t)
        ? t.text
        : t.head.text + t.templateSpans.map((s, i) => `{${i}}${s.literal.text}`).join('');
      parsed = { key: message, message, argCount: undefined };
    } else if (ts.isCallExpression(node) && isL10nT(node.expression, b)) {
      parsed = parseCall(node.arguments);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      viaAlias = aliases.some((a) => a.name === name && node.pos >= a.scope.pos && node.end <= a.scope.end);
      if (viaAlias) parsed = parseCall(node.arguments);
    }
    if (parsed && 'error' in parsed) {
      problems.push({
        kind: 'not extractable',
        key: node.getText().slice(0, 80),
        detail: `${file}:${lineOf(node)}: ${parsed.error}`,
      });
    } else if (parsed) {
      calls.push({ key: parsed.key, message: parsed.message, file, line: lineOf(node), viaAlias });
      const needed = Math.max(
        0,
        ...placeholders(parsed.message)
          .filter((p) => /^\{\d+\}$/.test(p))
          .map((p) => Number(p.slice(1, -1)) + 1),
      );
      // No values at all is a template handed on (l10n.t then leaves {0} as is), e.g. to a webview.
      if (parsed.argCount !== undefined && parsed.argCount > 0 && parsed.argCount < needed) {
        problems.push({
          kind: 'missing argument',
          key: parsed.key,
          detail: `${file}:${lineOf(node)}: uses {${needed - 1}} but passes ${parsed.argCount} value(s)`,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { calls, problems };
}

/** Source files the way l10n-dev's export finds them: *.{ts,tsx,js,jsx} under the given dirs. */
export function sourceFiles(root: string, dirs: readonly string[] = SOURCE_DIRS): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : /\.(ts|tsx|js|jsx)$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  return dirs
    .filter((d) => existsSync(join(root, d)))
    .flatMap((d) => walk(join(root, d)))
    .sort();
}

/**
 * The English bundle the source asks for, built with the TypeScript extractor; notExported: its keys
 * that l10n-dev's export misses (reached only through an alias, which is reported as a problem).
 */
export function bundleFromSource(
  root: string,
  dirs: readonly string[] = SOURCE_DIRS,
): { bundle: Bundle; notExported: Set<string>; problems: Problem[] } {
  const bundle: Bundle = {};
  const calls: L10nCall[] = [];
  const problems: Problem[] = [];
  for (const f of sourceFiles(root, dirs)) {
    const r = extractL10nCalls(relative(root, f), readFileSync(f, 'utf8'));
    calls.push(...r.calls);
    problems.push(...r.problems);
    for (const c of r.calls)
      bundle[c.key] =
        c.key === c.message ? c.message : { message: c.message, comment: [c.key.slice(c.message.length + 1)] };
  }
  const notExported = new Set(calls.filter((c) => c.viaAlias).map((c) => c.key));
  for (const c of calls) if (!c.viaAlias) notExported.delete(c.key);
  return { bundle, notExported, problems };
}

// ---- comparisons -----------------------------------------------------------------------------

/** `{0}`, `{name}` and codicons like `$(check)`, sorted, so a translation must carry the same multiset. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(?:\d+|[A-Za-z_]\w*)\}|\$\([a-z0-9-]+(?:~[a-z]+)?\)/g)].map((m) => m[0]).sort();
}

export function messageOf(v: BundleValue): string {
  return typeof v === 'string' ? v : v.message;
}

/** Names that stay in English; a string made only of these (and acronyms) needs no Japanese. */
const KEPT_NAMES = new Set(['Fude', 'Fugaku', 'Vulkan', 'Metal', 'Node', 'Code', 'jp', 'js', 'cpp', 'llama']);

/** A translation with no kana/kanji while the English has ordinary words was probably forgotten. */
export function looksUntranslated(english: string, japanese: string): boolean {
  if (/[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]/u.test(japanese)) return false;
  return (english.match(/[A-Za-z][a-z]+/g) ?? []).some((w) => !KEPT_NAMES.has(w));
}

function translationProblems(key: string, english: string, ja: unknown, kind: string): Problem[] {
  if (typeof ja !== 'string' || ja.trim() === '')
    return [{ kind, key, detail: 'the translation is empty or not a string' }];
  const out: Problem[] = [];
  const [pe, pj] = [placeholders(english), placeholders(ja)];
  if (pe.join(' ') !== pj.join(' '))
    out.push({
      kind: 'placeholder mismatch',
      key,
      detail: `English has [${pe.join(' ')}], Japanese has [${pj.join(' ')}]`,
    });
  if (looksUntranslated(english, ja))
    out.push({ kind: 'untranslated', key, detail: `the Japanese text "${ja}" has no Japanese in it` });
  return out;
}

/** Source strings vs the committed English bundle and the Japanese bundle. */
export function compareBundles(
  source: Bundle,
  english: Bundle,
  japanese: Record<string, unknown>,
  notExported: ReadonlySet<string> = new Set(),
): Problem[] {
  const out: Problem[] = [];
  for (const k of Object.keys(source)) {
    if (!(k in english) && !notExported.has(k))
      out.push({
        kind: 'English bundle out of date',
        key: k,
        detail: 'missing from l10n/bundle.l10n.json (run l10n-check --write)',
      });
    if (!(k in japanese))
      out.push({ kind: 'missing translation', key: k, detail: 'add it to l10n/bundle.l10n.ja.json' });
    else out.push(...translationProblems(k, messageOf(source[k]), japanese[k], 'missing translation'));
  }
  for (const k of Object.keys(english))
    if (!(k in source))
      out.push({
        kind: 'English bundle out of date',
        key: k,
        detail: 'no longer in the source (run l10n-check --write)',
      });
  for (const k of Object.keys(japanese))
    if (!(k in source))
      out.push({
        kind: 'stale translation',
        key: k,
        detail: 'no longer in the source; remove it from l10n/bundle.l10n.ja.json',
      });
  return out;
}

/** Every "%key%" string value in package.json. */
export function nlsReferences(manifest: unknown): Set<string> {
  const refs = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const m = /^%(.+)%$/.exec(v);
      if (m) refs.add(m[1]);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(manifest);
  return refs;
}

/** package.json %key% references vs package.nls.json and package.nls.ja.json. */
export function checkNls(manifest: unknown, en: Record<string, unknown>, ja: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  const refs = nlsReferences(manifest);
  for (const k of refs) {
    if (!(k in en))
      out.push({ kind: 'manifest', key: k, detail: 'package.json uses %' + k + '% but package.nls.json lacks it' });
    if (!(k in ja))
      out.push({ kind: 'manifest', key: k, detail: 'package.json uses %' + k + '% but package.nls.ja.json lacks it' });
  }
  for (const k of Object.keys(en)) {
    if (!(k in ja))
      out.push({ kind: 'manifest', key: k, detail: 'in package.nls.json but not in package.nls.ja.json' });
    else out.push(...translationProblems(k, String(en[k]), ja[k], 'manifest'));
    if (!refs.has(k))
      out.push({ kind: 'manifest', key: k, detail: 'in package.nls.json but package.json never uses it' });
  }
  for (const k of Object.keys(ja))
    if (!(k in en))
      out.push({ kind: 'manifest', key: k, detail: 'in package.nls.ja.json but not in package.nls.json' });
  return out;
}

export function readJson<T>(path: string, fallback: T): T {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
}

/** Every check that needs no l10n-dev run: the unit test calls this on the repository. */
export function checkRepository(root: string = REPO_ROOT): {
  problems: Problem[];
  source: ReturnType<typeof bundleFromSource>;
} {
  const src = bundleFromSource(root);
  const problems = [
    ...src.problems,
    ...compareBundles(
      src.bundle,
      readJson<Bundle>(join(root, 'l10n/bundle.l10n.json'), {}),
      readJson(join(root, 'l10n/bundle.l10n.ja.json'), {}),
      src.notExported,
    ),
    ...checkNls(
      readJson(join(root, 'package.json'), {}),
      readJson(join(root, 'package.nls.json'), {}),
      readJson(join(root, 'package.nls.ja.json'), {}),
    ),
  ];
  return { problems, source: src };
}

// ---- the real l10n-dev export and the command line ------------------------------------------

/** Runs `l10n-dev export` into a temporary directory; returns its bundle text ('{}' when it finds no strings). */
export function runL10nDevExport(root: string = REPO_ROOT): string {
  const out = mkdtempSync(join(tmpdir(), 'fude-l10n-'));
  try {
    const cli = join(root, 'node_modules/@vscode/l10n-dev/dist/cli.js');
    execFileSync(process.execPath, [cli, 'export', '--outDir', out, ...SOURCE_DIRS.map((d) => `./${d}`)], {
      cwd: root,
      stdio: 'pipe',
    });
    const file = join(out, 'bundle.l10n.json');
    return existsSync(file) ? readFileSync(file, 'utf8') : '{}';
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function main(argv: readonly string[]): number {
  const t0 = performance.now();
  let exported: string | undefined;
  let exportError = '';
  try {
    exported = runL10nDevExport();
  } catch (e) {
    // l10n-dev throws on some calls (a template with ${…} as the message); say so and go on checking.
    const lines = String((e as { stderr?: Buffer }).stderr ?? e).split('\n');
    exportError = (lines.find((l) => /Error/.test(l)) ?? lines.join(' ')).trim();
  }
  const ms = (performance.now() - t0).toFixed(0);
  if (exported !== undefined && argv.includes('--write')) {
    writeFileSync(join(REPO_ROOT, 'l10n/bundle.l10n.json'), exported);
    console.log('wrote l10n/bundle.l10n.json');
  }
  const { problems, source } = checkRepository();
  if (exported === undefined) problems.push({ kind: 'l10n-dev export failed', key: '', detail: exportError });
  else {
    const fromDev = JSON.parse(exported) as Bundle;
    const differ = [
      ...Object.keys(fromDev).filter((k) => !(k in source.bundle)),
      ...Object.keys(source.bundle).filter((k) => !(k in fromDev) && !source.notExported.has(k)),
    ];
    for (const k of differ)
      problems.push({
        kind: 'extractor disagreement',
        key: k,
        detail: 'l10n-dev and the TypeScript extractor in scripts/l10n-check.ts disagree about this string',
      });
  }
  for (const p of problems) console.log(`${p.kind}: ${JSON.stringify(p.key)}\n    ${p.detail}`);
  console.log(
    `${Object.keys(source.bundle).length} runtime strings (l10n-dev export ${ms} ms), ${problems.length} problem(s)`,
  );
  return problems.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main(process.argv.slice(2));
