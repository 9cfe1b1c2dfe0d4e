// The Hugging Face token lives in VS Code's SecretStorage only: never in settings, logs or files.
import * as vscode from 'vscode';

const KEY = 'fude.huggingFaceToken';

export class HfTokenStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(): Promise<string | undefined> {
    return (await this.secrets.get(KEY)) || undefined;
  }

  async set(token: string): Promise<void> {
    await this.secrets.store(KEY, token);
  }

  async clear(): Promise<void> {
    await this.secrets.delete(KEY);
  }

  /** Asks for a token (hidden input); stores it when given. Returns it, or undefined when the person cancels. */
  async ask(reason: string): Promise<string | undefined> {
    const token = await vscode.window.showInputBox({
      title: vscode.l10n.t('Fude: Hugging Face token'),
      prompt: `${reason} ${vscode.l10n.t("Create a read token at https://huggingface.co/settings/tokens and accept the model's conditions on its page. Fude keeps the token in VS Code's secret storage.")}`,
      password: true,
      ignoreFocusOut: true,
      placeHolder: 'hf_…',
      validateInput: (v) =>
        v.trim().length < 8 || /\s/.test(v.trim())
          ? vscode.l10n.t('That does not look like a Hugging Face token.')
          : undefined,
    });
    if (!token) return undefined;
    await this.set(token.trim());
    return token.trim();
  }
}
