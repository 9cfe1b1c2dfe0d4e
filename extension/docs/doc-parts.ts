// The neutral form of a doc comment. The model is asked for this one simple form in every language
// (a description, then @param/@returns/@throws lines); each language's renderer turns it into its own
// convention. A small model follows one format far more reliably than seven.

export interface DocParam {
  name: string;
  text: string;
}

export interface DocThrows {
  /** The exception type, when the line names one ("@throws TypeError 説明"). */
  type: string;
  text: string;
}

export interface DocParts {
  /** Description lines; the first is the summary. */
  description: string[];
  params: DocParam[];
  returns?: string;
  throws: DocThrows[];
}

const TAG = /^@(\w+)\s*(.*)$/;

/** Reads the model's answer (or the user's edit of it) in the neutral form. Unknown tags stay as text. */
export function parseDocParts(text: string): DocParts {
  const parts: DocParts = { description: [], params: [], throws: [] };
  const lines = stripFence(text)
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:\/\*\*|\*\/|\*|\/\/\/|\/\/|#)?\s?/, '').trimEnd());
  for (const line of lines) {
    const m = TAG.exec(line.trim());
    if (!m) {
      if (line.trim() !== '' || parts.description.length > 0) parts.description.push(line.trim());
      continue;
    }
    const [, tag, rest] = m;
    const [first = '', ...others] = rest.split(/\s+/);
    const tail = others.join(' ');
    if (tag === 'param' || tag === 'arg' || tag === 'argument') {
      // "@param {string} name text": the JSDoc type is left to the code.
      const [name = '', ...text] = /^\{[^}]*\}$/.test(first) ? others : [first, ...others];
      parts.params.push({ name, text: text.join(' ') });
    } else if (tag === 'returns' || tag === 'return') parts.returns = rest.trim();
    else if (tag === 'throws' || tag === 'throw' || tag === 'exception' || tag === 'raises')
      parts.throws.push(
        isTypeName(first) ? { type: first.replace(/^\{|\}$/g, ''), text: tail } : { type: '', text: rest.trim() },
      );
    else parts.description.push(line.trim());
  }
  while (parts.description.length > 0 && parts.description[parts.description.length - 1] === '')
    parts.description.pop();
  return parts;
}

/** The neutral text of parts: what the preview shows for editing. */
export function formatDocParts(parts: DocParts): string {
  const lines = [...parts.description];
  for (const p of parts.params) lines.push(`@param ${p.name} ${p.text}`.trimEnd());
  if (parts.returns) lines.push(`@returns ${parts.returns}`);
  for (const t of parts.throws) lines.push(`@throws ${t.type} ${t.text}`.replace(/\s+/g, ' ').trim());
  return lines.join('\n');
}

/** An ASCII identifier that starts with a capital or holds a dot: an exception type, not prose. */
function isTypeName(word: string): boolean {
  return /^\{?[A-Z][\w.]*\}?$/.test(word) || /^[\w]+\.[\w.]+$/.test(word);
}

/** Models sometimes wrap the answer in a code fence; keep what is inside. */
function stripFence(text: string): string {
  const m = /```[\w-]*\n([\s\S]*?)```/.exec(text);
  return (m ? m[1] : text).trim();
}
