// The documentation assistant's state and actions: which code it works on, the request in flight, and what
// Insert, Apply and Open do with the result. Commands and the panel both go through here.
import * as vscode from 'vscode';
import { answerFailureText } from '../vscode/failure-notice.js';
import { codeUnchanged, extractCode } from './answer-text.js';
import { renderComment } from './comment-style.js';
import { parseDocParts } from './doc-parts.js';
import { readingText } from '../vscode/reading-text.js';
import { generateDocs, type BuildMessages, type DocsModel } from './docs-generate.js';
import { fitCode } from './fit-code.js';
import { DocsPanel, panelStrings } from './docs-panel.js';
import { fileTarget, findTarget, type DocTarget } from './doc-target.js';
import { insertComment, type InsertOutcome } from './insert-comment.js';
import {
  translateDirection,
  type DocAction,
  type ExtensionMessage,
  type ResultKind,
  type WebviewMessage,
} from './panel-messages.js';
import {
  DEFAULT_STYLE,
  docCommentMessages,
  draftMessages,
  explainMessages,
  translateCommentsMessages,
  translateDocCommentMessages,
  type CodeInput,
  type DocStyle,
} from './prompts.js';

const STYLE_KEY = 'fude.docs.style';

/** The target's code for a prompt, cut to whole lines from the top when a context size is given. */
function codeInput(target: DocTarget, contextSize?: number, answer = 0): CodeInput {
  const code = contextSize === undefined ? target.code : fitCode(target.code, contextSize, answer).code;
  return { code, languageId: target.document.languageId, fileName: target.document.uri.path.split('/').pop() };
}

/** What a request is about, for the request guard. */
function codeOf(target: DocTarget): { name: string; text: string } {
  return { name: target.document.uri.path.split('/').pop() ?? '', text: target.code };
}

/** A result whose answer stopped at its length limit says so, as the chat does, before any other warning. */
function withCutShort<M extends Extract<ExtensionMessage, { type: 'result' }>>(message: M, cutShort: boolean): M {
  if (!cutShort) return message;
  const cut = vscode.l10n.t(
    'The answer reached its length limit and was cut short, so its end may be missing. A longer Length above gives it more room.',
  );
  return { ...message, warning: message.warning === undefined ? cut : `${cut}\n${message.warning}` };
}

export class DocsController {
  private target: DocTarget | undefined;
  private declText = '';
  private abort: AbortController | undefined;
  /** The last text editor that had focus: while the panel has it, activeTextEditor is undefined. */
  lastEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly model: DocsModel,
  ) {}

  get style(): DocStyle {
    return this.context.globalState.get<DocStyle>(STYLE_KEY) ?? DEFAULT_STYLE;
  }

  private async setStyle(style: DocStyle): Promise<void> {
    await this.context.globalState.update(STYLE_KEY, style);
  }

  /** The target from the active editor (a whole-file action takes the file). */
  async retarget(editor: vscode.TextEditor | undefined, wholeFile = false): Promise<DocTarget | undefined> {
    if (!editor) return this.target;
    const t = wholeFile ? fileTarget(editor.document) : await findTarget(editor);
    if (t) {
      this.target = t;
      this.declText = t.comment ? editor.document.lineAt(t.comment.declLine).text : '';
    }
    return t;
  }

  editor(): vscode.TextEditor | undefined {
    const e = vscode.window.activeTextEditor ?? this.lastEditor;
    return e && !e.document.isClosed ? e : undefined;
  }

  openPanel(): DocsPanel {
    const panel = DocsPanel.show(
      this.context,
      (m) => void this.onMessage(m),
      () => this.stop(),
    );
    if (this.target) panel.post({ type: 'target', description: this.target.description });
    return panel;
  }

  stop(): void {
    this.abort?.abort();
    this.abort = undefined;
  }

  /** Runs an action on the current target and shows it in the panel; returns what the panel was sent last. */
  async run(action: DocAction, style = this.style): Promise<ExtensionMessage | undefined> {
    const panel = this.openPanel();
    const target = this.target;
    const show = (m: ExtensionMessage) => {
      panel.post(m);
      return m;
    };
    if (!target) return show({ type: 'error', message: panelStrings().noTarget });
    if (action === 'docComment' && !target.comment) {
      return show({
        type: 'error',
        message: vscode.l10n.t(
          'Fude writes doc comments for JavaScript, TypeScript, Python, Rust, C#, Java, Go, C and C++; this file is {0}.',
          target.document.languageId,
        ),
      });
    }
    const { build, kind, predictFrom } = this.prepare(action, target, style);
    this.stop();
    const abort = new AbortController();
    this.abort = abort;
    panel.post({ type: 'start', action, kind });
    const result = await generateDocs(
      this.model,
      build,
      codeOf(target),
      style,
      abort.signal,
      (text) => panel.post({ type: 'delta', text }),
      {
        predictFrom,
        onReading: (view) => panel.post({ type: 'progress', text: readingText(view) }),
      },
    );
    if (this.abort === abort) this.abort = undefined;
    if (!result.ok) {
      if (result.reason === 'failed')
        return show({ type: 'error', message: answerFailureText(result.code ?? 'internal', result.retryAfterMs) });
      return show({ type: 'result', kind, text: '', existing: false });
    }
    return show(withCutShort(this.finish(kind, target, result.text), result.cutShort));
  }

  private prepare(
    action: DocAction,
    target: DocTarget,
    style: DocStyle,
  ): { build: BuildMessages; kind: ResultKind; predictFrom?: 'input' } {
    const direction = translateDirection(action);
    // A translation replaces the whole range, so it is never cut short (too long fails with the backend's message).
    // It copies the code around the comments: the engine predicts those tokens from the input.
    if (direction)
      return {
        build: () => translateCommentsMessages(codeInput(target), direction, style),
        kind: 'code',
        predictFrom: 'input',
      };
    if (action === 'docComment')
      return {
        build: (ctx, answer) => docCommentMessages(codeInput(target, ctx, answer), style, target.comment?.style),
        kind: 'docComment',
      };
    if (action === 'readme' || action === 'api')
      return { build: (ctx, answer) => draftMessages(codeInput(target, ctx, answer), action, style), kind: 'prose' };
    return { build: (ctx, answer) => explainMessages(codeInput(target, ctx, answer), style), kind: 'prose' };
  }

  private finish(kind: ResultKind, target: DocTarget, answer: string) {
    if (kind === 'docComment')
      return {
        type: 'result' as const,
        kind,
        text: this.renderedComment(target, answer),
        existing: Boolean(target.comment?.placement.existing),
      };
    if (kind === 'code') {
      const code = extractCode(answer);
      const warning = codeUnchanged(target.code, code, target.document.languageId)
        ? undefined
        : vscode.l10n.t('The model changed code, not only comments. Check the result before applying it.');
      return { type: 'result' as const, kind, text: code, existing: false, warning };
    }
    return { type: 'result' as const, kind, text: answer, existing: false };
  }

  /** The model's neutral answer as a comment in the target language's convention, indented for its place. */
  renderedComment(target: DocTarget, answer: string): string {
    const c = target.comment!;
    return renderComment(c.style, parseDocParts(answer), c.placement.indent, c.name).join('\n');
  }

  /** For commands with `{ insert: true }`: generate and insert without the preview. */
  async writeAndInsert(
    style: DocStyle,
    replace: boolean,
  ): Promise<{ outcome: InsertOutcome | 'unsupported' | 'not-generated'; comment?: string }> {
    const target = this.target;
    if (!target?.comment) return { outcome: 'unsupported' };
    const existing = target.comment.placement.existing;
    const build: BuildMessages = (ctx, answer) =>
      replace && existing
        ? translateDocCommentMessages(existing.text, codeInput(target, ctx, answer), style)
        : docCommentMessages(codeInput(target, ctx, answer), style, target.comment!.style);
    const abort = new AbortController();
    // Translating the existing comment copies its structure: predicted from the input.
    const result = await generateDocs(
      this.model,
      build,
      codeOf(target),
      style,
      abort.signal,
      undefined,
      replace && existing ? { predictFrom: 'input' } : {},
    );
    if (!result.ok) return { outcome: 'not-generated' };
    const comment = this.renderedComment(target, result.text);
    return { outcome: await insertComment(target, this.declText, comment, replace), comment };
  }

  private async onMessage(m: WebviewMessage): Promise<void> {
    const panel = DocsPanel.open;
    if (!panel) return;
    switch (m.type) {
      case 'ready':
        panel.post({ type: 'init', strings: panelStrings(), style: this.style });
        if (this.target) panel.post({ type: 'target', description: this.target.description });
        return;
      case 'style':
        return this.setStyle(m.style);
      case 'stop':
        return this.stop();
      case 'run':
        await this.setStyle(m.style);
        await this.retarget(this.editor(), m.action === 'readme' || m.action === 'api');
        await this.run(m.action, m.style);
        return;
      case 'translateExisting':
        return this.translateExisting(m.style);
      case 'insert': {
        if (!this.target) return;
        const outcome = await insertComment(this.target, this.declText, m.text, m.replace);
        if (outcome === 'lost')
          void vscode.window.showWarningMessage(
            vscode.l10n.t('Fude: the declaration was not found any more; nothing was inserted.'),
          );
        else panel.post({ type: 'inserted' });
        return;
      }
      case 'applyTranslation':
        return this.applyTranslation(m.text);
      case 'openDraft': {
        const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: m.text });
        await vscode.window.showTextDocument(doc, vscode.ViewColumn.Active);
        return;
      }
    }
  }

  private async translateExisting(style: DocStyle): Promise<void> {
    const panel = this.openPanel();
    const target = this.target;
    const existing = target?.comment?.placement.existing;
    if (!target || !existing) return;
    this.stop();
    const abort = new AbortController();
    this.abort = abort;
    panel.post({ type: 'start', action: 'docComment', kind: 'docComment' });
    const build: BuildMessages = (ctx, answer) =>
      translateDocCommentMessages(existing.text, codeInput(target, ctx, answer), style);
    const result = await generateDocs(
      this.model,
      build,
      codeOf(target),
      style,
      abort.signal,
      (text) => panel.post({ type: 'delta', text }),
      {
        predictFrom: 'input',
        onReading: (view) => panel.post({ type: 'progress', text: readingText(view) }),
      },
    );
    if (!result.ok) return panel.post({ type: 'result', kind: 'docComment', text: '', existing: true });
    panel.post(
      withCutShort(
        { type: 'result', kind: 'docComment', text: this.renderedComment(target, result.text), existing: true },
        result.cutShort,
      ),
    );
  }

  private async applyTranslation(text: string): Promise<void> {
    const target = this.target;
    if (!target || target.document.isClosed) return;
    if (target.document.getText(target.range) !== target.code) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Fude: the selection changed since the translation was made; nothing was applied.'),
      );
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(target.document.uri, target.range, text);
    await vscode.workspace.applyEdit(edit);
    DocsPanel.open?.post({ type: 'inserted' });
  }
}
