/**
 * Syntax highlighting for chat code blocks.
 *
 * Uses highlight.js core with a fixed set of languages so the webview bundle
 * stays small; anything else is shown escaped without colour. No auto-detection:
 * it is slow and would run again on every streamed chunk.
 */
import hljsCore from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import markdown from 'highlight.js/lib/languages/markdown';
import php from 'highlight.js/lib/languages/php';
import plaintext from 'highlight.js/lib/languages/plaintext';
import powershell from 'highlight.js/lib/languages/powershell';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { escapeHtml } from './escape.js';

// Our own instance, so registering languages never touches a global another bundle may share.
const hljs = hljsCore.newInstance();
const LANGUAGES = {
  bash,
  c,
  cpp,
  csharp,
  css,
  diff,
  dockerfile,
  go,
  ini,
  java,
  javascript,
  json,
  kotlin,
  markdown,
  php,
  plaintext,
  powershell,
  python,
  ruby,
  rust,
  shell,
  sql,
  swift,
  typescript,
  xml,
  yaml,
};
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);
// VS Code language ids that differ from highlight.js names and aliases.
hljs.registerAliases(['typescriptreact'], { languageName: 'typescript' });
hljs.registerAliases(['javascriptreact'], { languageName: 'javascript' });
hljs.registerAliases(['jsonc', 'json5'], { languageName: 'json' });
hljs.registerAliases(['toml'], { languageName: 'ini' });
hljs.registerAliases(['text', 'txt'], { languageName: 'plaintext' });

const nameOf = new Map(Object.keys(LANGUAGES).map((name) => [hljs.getLanguage(name), name]));

/** The canonical highlight.js name for a fence language or alias, or undefined when we do not colour it. */
export function knownLanguage(lang: string): string | undefined {
  if (lang === '') return undefined;
  return nameOf.get(hljs.getLanguage(lang.toLowerCase()));
}

/** Highlighted HTML for the inside of a <code> element; escaped plain text for unknown languages. */
export function highlightCode(code: string, lang: string): string {
  const language = knownLanguage(lang);
  if (language === undefined || language === 'plaintext') return escapeHtml(code);
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
