// Which doc comment convention a language uses, and how the neutral parts are written in it.
import type { DocParts } from './doc-parts.js';

export type CommentStyle = 'jsdoc' | 'javadoc' | 'doxygen' | 'python' | 'rust' | 'csharp' | 'go';

const BY_LANGUAGE: Record<string, CommentStyle> = {
  javascript: 'jsdoc',
  javascriptreact: 'jsdoc',
  typescript: 'jsdoc',
  typescriptreact: 'jsdoc',
  java: 'javadoc',
  c: 'doxygen',
  cpp: 'doxygen',
  python: 'python',
  rust: 'rust',
  csharp: 'csharp',
  go: 'go',
};

export function commentStyleFor(languageId: string): CommentStyle | undefined {
  return BY_LANGUAGE[languageId];
}

/**
 * The comment's lines, each starting with `indent`, no trailing newline. `name` is the documented symbol's
 * name (Go doc comments start with it).
 */
export function renderComment(style: CommentStyle, parts: DocParts, indent: string, name = ''): string[] {
  const lines = bodyLines(style, parts, name);
  switch (style) {
    case 'jsdoc':
    case 'javadoc':
    case 'doxygen':
      return [`${indent}/**`, ...lines.map((l) => (l === '' ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`];
    case 'rust':
    case 'csharp':
      return lines.map((l) => (l === '' ? `${indent}///` : `${indent}/// ${l}`));
    case 'go':
      return lines.map((l) => (l === '' ? `${indent}//` : `${indent}// ${l}`));
    case 'python':
      return pythonDocstring(lines, indent);
  }
}

function pythonDocstring(lines: string[], indent: string): string[] {
  if (lines.length === 1) return [`${indent}"""${escapeDocstring(lines[0])}"""`];
  const [first, ...rest] = lines;
  return [
    `${indent}"""${escapeDocstring(first)}`,
    ...rest.map((l) => (l === '' ? '' : `${indent}${escapeDocstring(l)}`)),
    `${indent}"""`,
  ];
}

function escapeDocstring(line: string): string {
  return line.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');
}

/** The comment's text lines in the style's own vocabulary, without comment markers. */
function bodyLines(style: CommentStyle, p: DocParts, name: string): string[] {
  const desc = p.description.length > 0 ? p.description : [''];
  const out: string[] = [];
  const section = (lines: string[]) => {
    if (lines.length === 0) return;
    if (out.length > 0) out.push('');
    out.push(...lines);
  };
  switch (style) {
    case 'jsdoc':
    case 'javadoc': {
      const ret = style === 'jsdoc' ? '@returns' : '@return';
      section(desc.map(closeSafe));
      section([
        ...p.params.map((x) => `@param ${x.name} ${closeSafe(x.text)}`.trimEnd()),
        ...(p.returns ? [`${ret} ${closeSafe(p.returns)}`] : []),
        ...p.throws.map((t) =>
          (style === 'jsdoc'
            ? `@throws ${t.type ? `{${t.type}} ` : ''}${closeSafe(t.text)}`
            : `@throws ${t.type || 'Exception'} ${closeSafe(t.text)}`
          ).trimEnd(),
        ),
      ]);
      return out;
    }
    case 'doxygen':
      section([`@brief ${closeSafe(desc[0])}`.trimEnd(), ...desc.slice(1).map(closeSafe)]);
      section([
        ...p.params.map((x) => `@param ${x.name} ${closeSafe(x.text)}`.trimEnd()),
        ...(p.returns ? [`@return ${closeSafe(p.returns)}`] : []),
        ...p.throws.map((t) => `@throw ${t.type ? `${t.type} ` : ''}${closeSafe(t.text)}`.trimEnd()),
      ]);
      return out;
    case 'python':
      section(desc);
      if (p.params.length > 0) section(['Args:', ...p.params.map((x) => `    ${x.name}: ${x.text}`.trimEnd())]);
      if (p.returns) section(['Returns:', `    ${p.returns}`]);
      if (p.throws.length > 0)
        section(['Raises:', ...p.throws.map((t) => `    ${t.type ? `${t.type}: ` : ''}${t.text}`.trimEnd())]);
      return out;
    case 'rust':
      section(desc);
      if (p.params.length > 0)
        section(['# Arguments', '', ...p.params.map((x) => `* \`${x.name}\` - ${x.text}`.trimEnd())]);
      if (p.returns) section(['# Returns', '', p.returns]);
      if (p.throws.length > 0)
        section(['# Errors', '', ...p.throws.map((t) => `${t.type ? `\`${t.type}\`: ` : ''}${t.text}`)]);
      return out;
    case 'csharp':
      out.push('<summary>', ...desc.map(xml), '</summary>');
      for (const x of p.params) out.push(`<param name="${xml(x.name)}">${xml(x.text)}</param>`);
      if (p.returns) out.push(`<returns>${xml(p.returns)}</returns>`);
      for (const t of p.throws)
        out.push(`<exception cref="${xml(t.type || 'System.Exception')}">${xml(t.text)}</exception>`);
      return out;
    case 'go': {
      // Go doc comments are prose that begins with the name; parameters become a list.
      const [summary, ...more] = desc;
      section([name ? `${name} ${summary}`.trimEnd() : summary, ...more]);
      section(p.params.map((x) => `  - ${x.name}: ${x.text}`.trimEnd()));
      if (p.returns) section([`戻り値: ${p.returns}`]);
      section(p.throws.map((t) => `エラー: ${t.type ? `${t.type}: ` : ''}${t.text}`));
      return out;
    }
  }
}

/** "*\/" inside a block comment would end it early. */
function closeSafe(s: string): string {
  return s.replace(/\*\//g, '*\\/');
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
