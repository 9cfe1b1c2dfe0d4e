// Completion commands: trigger, turn on/off (globally or for the language), snooze, resume, and the
// status bar menu that offers them.
import * as vscode from 'vscode';
import type { ModelStatusView } from '../../engine/model-status.js';
import type { CompletionController } from './controller.js';
import { readEnabled, setEnabledForLanguage, setEnabledGlobally } from './settings.js';

const SNOOZE_CHOICES = [5, 15, 30, 60, 240];

async function pickSnoozeMinutes(): Promise<number | undefined> {
  const items = SNOOZE_CHOICES.map((m) => ({
    label: m < 60 ? vscode.l10n.t('{0} minutes', m) : vscode.l10n.t('{0} hours', m / 60),
    minutes: m,
  }));
  const pick = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Snooze inline completion for…'),
  });
  return pick?.minutes;
}

/** Asking the demo model for a completion: say why nothing useful comes, and offer the fix. */
function explainDemo(): void {
  const choose = vscode.l10n.t('Choose Model');
  void vscode.window
    .showInformationMessage(
      vscode.l10n.t(
        'Fude: no model is chosen, so inline completion asks the demo model, whose output is meaningless (most often nothing at all). Choose a GGUF model for real suggestions.',
      ),
      choose,
    )
    .then((picked) => (picked === choose ? vscode.commands.executeCommand('fude.selectModel') : undefined));
}

export function registerCompletionCommands(
  controller: CompletionController,
  status: ModelStatusView,
): vscode.Disposable[] {
  const activeLanguage = () => vscode.window.activeTextEditor?.document.languageId;
  const toggle = async (on?: boolean) => {
    const next = on ?? !readEnabled(undefined).enabled;
    await setEnabledGlobally(next);
    if (next && controller.snooze.active) await controller.snooze.resume();
    controller.armSnoozeTimer();
  };
  const toggleLanguage = async (languageId?: string, on?: boolean) => {
    const lang = languageId ?? activeLanguage();
    if (!lang) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Open a file to turn inline completion on or off for its language.'),
      );
      return;
    }
    await setEnabledForLanguage(lang, on ?? !readEnabled(lang).enabled);
    controller.refresh();
  };
  const snooze = async (minutes?: number) => {
    const m = typeof minutes === 'number' ? minutes : await pickSnoozeMinutes();
    if (m === undefined) return;
    const until = await controller.snooze.snooze(m);
    controller.armSnoozeTimer();
    return until;
  };
  const resume = async () => {
    await controller.snooze.resume();
    controller.armSnoozeTimer();
  };
  return [
    vscode.commands.registerCommand('fude.completion.trigger', async () => {
      if (!vscode.window.activeTextEditor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a file to ask for an inline completion.'));
        return;
      }
      if (status.current.isDemo) explainDemo();
      await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
    }),
    vscode.commands.registerCommand('fude.completion.toggle', (on?: boolean) => toggle(on)),
    vscode.commands.registerCommand('fude.completion.toggleLanguage', (languageId?: string, on?: boolean) =>
      toggleLanguage(languageId, on),
    ),
    vscode.commands.registerCommand('fude.completion.snooze', (minutes?: number) => snooze(minutes)),
    vscode.commands.registerCommand('fude.completion.resume', () => resume()),
    vscode.commands.registerCommand('fude.completion.showMenu', async () => {
      const lang = activeLanguage();
      const { enabled, enabledGlobally } = readEnabled(lang);
      type Item = vscode.QuickPickItem & { run: () => unknown };
      const items: Item[] = [];
      if (controller.snooze.active)
        items.push({ label: `$(play) ${vscode.l10n.t('Resume Inline Completion')}`, run: resume });
      items.push(
        enabledGlobally
          ? { label: `$(circle-slash) ${vscode.l10n.t('Turn Off Inline Completion')}`, run: () => toggle(false) }
          : { label: `$(sparkle) ${vscode.l10n.t('Turn On Inline Completion')}`, run: () => toggle(true) },
      );
      if (lang) {
        items.push(
          enabled
            ? {
                label: `$(circle-slash) ${vscode.l10n.t('Turn Off Inline Completion for {0}', lang)}`,
                run: () => toggleLanguage(lang, false),
              }
            : {
                label: `$(sparkle) ${vscode.l10n.t('Turn On Inline Completion for {0}', lang)}`,
                run: () => toggleLanguage(lang, true),
              },
        );
      }
      if (!controller.snooze.active)
        items.push({ label: `$(clock) ${vscode.l10n.t('Snooze Inline Completion…')}`, run: () => snooze() });
      items.push(
        {
          label: `$(sparkle) ${vscode.l10n.t('Trigger Inline Completion')}`,
          run: () => vscode.commands.executeCommand('fude.completion.trigger'),
        },
        { label: `$(output) ${vscode.l10n.t('Show Log')}`, run: () => vscode.commands.executeCommand('fude.showLog') },
      );
      const pick = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Fude inline completion') });
      await pick?.run();
    }),
  ];
}
