// The documentation assistant's commands: the panel, and the editor actions (explain, doc comment,
// translate comments, README/API drafts). `fude.docs.writeDocComment` takes `{ insert: true }` to skip the
// preview (tests and keybinding users); without it the panel's preview and edit come first.
import * as vscode from 'vscode';
import type { FudeCore } from '../core.js';
import { DocsController } from './docs-controller.js';
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

export function registerDocs(core: FudeCore): vscode.Disposable[] {
  const docs = new DocsController(core);

  const action = (id: string, act: DocAction, wholeFile = false) => vscode.commands.registerCommand(id, async () => {
    await docs.retarget(docs.editor(), wholeFile);
    // What the panel shows at the end (for tests and other extensions).
    return docs.run(act);
  });

  return [
    vscode.window.onDidChangeActiveTextEditor((e) => { if (e) docs.lastEditor = e; }),
    vscode.commands.registerCommand('fude.docs.open', async () => {
      await docs.retarget(docs.editor());
      docs.openPanel();
    }),
    vscode.commands.registerCommand('fude.docs.writeDocComment', async (args?: WriteDocCommentArgs) => {
      const opts = typeof args === 'object' && args !== null ? args : {};
      const target = await docs.retarget(docs.editor());
      if (!opts.insert) return docs.run('docComment');
      if (!target) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select code or place the cursor in a function, class or method, then choose an action.'));
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
}
