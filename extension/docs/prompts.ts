// The messages for each documentation action. Pure: the same inputs give the same messages, which the
// backend renders per model family (tested as exact text in test/backend/docs-prompts.test.ts).
// Every instruction sits in the user turn: LLM-jp-3's template replaces any system text with its fixed sentence.
import type { ChatMessage } from '../../protocol/messages.js';
import type { CommentStyle } from './comment-style.js';

export type Politeness = 'desu-masu' | 'de-aru';
export type DocLength = 'one-line' | 'short' | 'detailed';

export interface DocStyle {
  politeness: Politeness;
  length: DocLength;
}

export const DEFAULT_STYLE: DocStyle = { politeness: 'desu-masu', length: 'short' };

/** The sentence both instruct formats expect as the system text. */
export const SYSTEM_SENTENCE = '以下は、タスクを説明する指示です。要求を適切に満たす応答を書きなさい。';

export type TranslateDirection = 'to-ja' | 'to-en';

export interface CodeInput {
  code: string;
  /** VS Code language id, e.g. "typescript". */
  languageId: string;
  /** The file's name, for the README/API draft. */
  fileName?: string;
}

const POLITENESS: Record<Politeness, string> = {
  'desu-masu': '文体は「です・ます」調にしてください。',
  'de-aru': '文体は「である」調にしてください。',
};

const LENGTH: Record<DocLength, string> = {
  'one-line': '長さは一行にしてください。',
  short: '長さは二、三文の簡潔なものにしてください。',
  detailed: '詳しく説明してください。',
};

function styleLines(style: DocStyle): string {
  return `${POLITENESS[style.politeness]}${LENGTH[style.length]}`;
}

function codeBlock(input: CodeInput): string {
  return `\`\`\`${input.languageId}\n${input.code.replace(/\s+$/, '')}\n\`\`\``;
}

function messages(user: string): ChatMessage[] {
  return [
    { role: 'system', content: SYSTEM_SENTENCE },
    { role: 'user', content: user },
  ];
}

const GO_NOTE = '一行目は「は」で始めてください(関数名は自動で前に付きます)。';

/**
 * A doc comment in the neutral form (description, then @param/@returns/@throws lines); the extension turns
 * it into the language's convention, so the model never writes comment markers.
 */
export function docCommentMessages(input: CodeInput, style: DocStyle, commentStyle?: CommentStyle): ChatMessage[] {
  return messages(
    [
      '次のコードのドキュメントコメントを日本語で書いてください。',
      '一行目から説明を書き、その後に引数ごとに「@param 引数名 説明」、戻り値があれば「@returns 説明」、投げる例外があれば「@throws 例外名 説明」の行を書いてください。',
      'コメント記号(/** や """ など)やコードは書かないでください。',
      ...(commentStyle === 'go' ? [GO_NOTE] : []),
      styleLines(style),
      '',
      codeBlock(input),
    ].join('\n'),
  );
}

/** Translating an existing doc comment into Japanese, in the same neutral form. */
export function translateDocCommentMessages(existing: string, input: CodeInput, style: DocStyle): ChatMessage[] {
  return messages(
    [
      '次のドキュメントコメントを日本語に翻訳してください。',
      '一行目から説明を書き、その後に「@param 引数名 説明」「@returns 説明」「@throws 例外名 説明」の行を書いてください。コメント記号は書かないでください。',
      styleLines(style),
      '',
      existing.trim(),
      '',
      codeBlock(input),
    ].join('\n'),
  );
}

/** A plain-prose explanation, streamed to the panel. */
export function explainMessages(input: CodeInput, style: DocStyle): ChatMessage[] {
  return messages(
    ['次のコードが何をするのかを日本語で説明してください。', styleLines(style), '', codeBlock(input)].join('\n'),
  );
}

/** The comments of the selection translated, the code kept exactly as it is. */
export function translateCommentsMessages(
  input: CodeInput,
  direction: TranslateDirection,
  style: DocStyle,
): ChatMessage[] {
  const head =
    direction === 'to-ja'
      ? ['次のコードのコメントだけを日本語に翻訳してください。', POLITENESS[style.politeness]]
      : ['次のコードのコメントだけを英語に翻訳してください。'];
  return messages(
    [...head, 'コードは一文字も変えず、コード全体をそのまま返してください。', '', codeBlock(input)].join('\n'),
  );
}

export type DraftKind = 'readme' | 'api';

/** A Japanese README section or API description for a file, in Markdown. */
export function draftMessages(input: CodeInput, kind: DraftKind, style: DocStyle): ChatMessage[] {
  const what =
    kind === 'readme'
      ? 'README の一節を日本語の Markdown で書いてください。見出し、概要、使い方を含めてください。'
      : '公開されている関数・クラスの API 説明を日本語の Markdown で書いてください。それぞれの引数と戻り値を説明してください。';
  return messages(
    [
      `次のファイル${input.fileName ? `「${input.fileName}」` : ''}について、${what}`,
      styleLines(style),
      '',
      codeBlock(input),
    ].join('\n'),
  );
}

/** Sampling for documentation: low temperature, since the text should follow the code, not invent. */
export function docSampling(length: DocLength): { temperature: number; maxTokens: number } {
  return { temperature: 0.2, maxTokens: length === 'one-line' ? 96 : length === 'short' ? 384 : 1024 };
}
