// The documentation assistant's commands: the panel, and the editor actions (explain, doc comment,
// translate comments, README/API drafts). `fude.docs.writeDocComment` takes `{ insert: true }` to skip the
// preview (tests and keybinding users); without it the panel's preview and edit come first.
import * as vscode from 'vscode';
import { DocsController } from './docs-controller.js';
import type { DocsModel } from './docs-generate.js';
import { DocsPanel } from './docs-panel.js';
import type { DocAction } from './panel-messages.js';
import type { DocLength, DocStyle, Politeness } from './prompts.js';

export interface WriteDocCommentArgs {
  /** Insert at once instead of previewing in the panel. */
  insert?: boolean;
  /** With `insert`: replace an existing doc comment (translating it) instead of inserting above it. */
  replace?: boolean;
  politeness?: Politeness;
  length?: DocLength;
}

function styleFrom(base: DocStyle, args: WriteDocCommentArgs): DocStyle {
  return { politeness: args.politeness ?? base.politeness, length: args.length ?? base.length };
}

export function registerDocs(
  context: vscode.ExtensionContext,
  model: DocsModel,
): { disposables: vscode.Disposable[]; panel: () => vscode.WebviewPanel | undefined } {
  const docs = new DocsController(context, model);

  const action = (id: string, act: DocAction, wholeFile = false) =>
    vscode.commands.registerCommand(id, async () => {
      await docs.retarget(docs.editor(), wholeFile);
      // What the panel shows at the end (for tests and other extensions).
      return docs.run(act);
    });

  const disposables = [
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e) docs.lastEditor = e;
    }),
    vscode.commands.registerCommand('fude.docs.open', async () => {
      await docs.retarget(docs.editor());
      docs.openPanel();
    }),
    vscode.commands.registerCommand('fude.docs.writeDocComment', async (args?: WriteDocCommentArgs) => {
      const opts = typeof args === 'object' && args !== null ? args : {};
      const target = await docs.retarget(docs.editor());
      if (!opts.insert) return docs.run('docComment');
      if (!target) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Select code or place the cursor in a function, class or method, then choose an action.'),
        );
        return { outcome: 'unsupported' };
      }
      return docs.writeAndInsert(styleFrom(docs.style, opts), Boolean(opts.replace));
    }),
    action('fude.docs.explainSelection', 'explain'),
    action('fude.docs.translateCommentsToJapanese', 'translateToJa'),
    action('fude.docs.translateCommentsToEnglish', 'translateToEn'),
    action('fude.docs.draftReadme', 'readme', true),
    action('fude.docs.draftApi', 'api', true),
    { dispose: () => docs.stop() },
  ];
  return { disposables, panel: () => DocsPanel.open?.panel };
}
