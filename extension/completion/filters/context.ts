// What the post-processing filters know about the cursor, computed once per request.
import { languageSyntax, type LanguageSyntax } from '../language.js';
import { detectIndentUnit, indentWidth, isBlank } from '../text.js';

export interface FilterContext {
  /** Text of the cursor line before / after the cursor. */
  readonly linePrefix: string;
  readonly lineSuffix: string;
  /** Non-blank text after the cursor on its line: the suggestion must stay on one line. */
  readonly midLine: boolean;
  /** A few lines after the cursor line, as they are in the document. */
  readonly linesBelow: readonly string[];
  /** The first non-blank line after the cursor line, if any. */
  readonly lineBelow: string | undefined;
  /** '\t' or some spaces: the document's indentation style. */
  readonly indentUnit: string;
  readonly tabSize: number;
  /** Indent width of the cursor line. */
  readonly cursorIndent: number;
  readonly syntax: LanguageSyntax;
}

export interface FilterContextInput {
  readonly prefix: string;
  readonly suffix: string;
  readonly languageId?: string;
  /** From the editor's settings when known; otherwise guessed from the text. */
  readonly indentUnit?: string;
  readonly tabSize?: number;
}

const LINES_BELOW = 8;

export function makeFilterContext(input: FilterContextInput): FilterContext {
  const prefix = input.prefix.replace(/\r\n/g, '\n');
  const suffix = input.suffix.replace(/\r\n/g, '\n');
  const linePrefix = prefix.slice(prefix.lastIndexOf('\n') + 1);
  const suffixLines = suffix.split('\n', LINES_BELOW + 1);
  const lineSuffix = suffixLines[0] ?? '';
  const linesBelow = suffixLines.slice(1);
  const tabSize = input.tabSize ?? 4;
  return {
    linePrefix,
    lineSuffix,
    midLine: !isBlank(lineSuffix),
    linesBelow,
    lineBelow: linesBelow.find((l) => !isBlank(l)),
    indentUnit: input.indentUnit ?? detectIndentUnit(prefix.slice(-4000) + suffix.slice(0, 2000)),
    tabSize,
    cursorIndent: indentWidth(linePrefix, tabSize),
    syntax: languageSyntax(input.languageId),
  };
}
