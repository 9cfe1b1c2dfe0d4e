// A quick pick as a promise, whose open state the extension's API can report (the in-editor tests wait for it
// and answer it with VS Code's own quick-open commands, the way a person would with the keyboard).
import * as vscode from 'vscode';

export interface OpenPickState {
  title: string;
  labels: string[];
  details: string[];
  busy: boolean;
}

let open: vscode.QuickPick<vscode.QuickPickItem> | undefined;

export function openPickState(): OpenPickState | undefined {
  if (!open) return undefined;
  const items = open.items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
  return {
    title: open.title ?? '',
    labels: items.map((i) => i.label),
    details: items.map((i) => i.detail ?? ''),
    busy: open.busy,
  };
}

export interface PickOptions<T extends vscode.QuickPickItem> {
  title: string;
  placeholder?: string;
  items: readonly T[];
  /** Runs while the pick is open; may update the items through `update` (e.g. with fit verdicts). */
  whileOpen?: (
    update: (items: readonly T[]) => void,
    setBusy: (busy: boolean) => void,
    signal: AbortSignal,
  ) => Promise<void>;
  matchOnDetail?: boolean;
}

export function pick<T extends vscode.QuickPickItem>(opts: PickOptions<T>): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  qp.title = opts.title;
  qp.placeholder = opts.placeholder;
  qp.items = opts.items;
  qp.matchOnDescription = true;
  qp.matchOnDetail = opts.matchOnDetail ?? false;
  qp.ignoreFocusOut = false;
  const controller = new AbortController();
  return new Promise<T | undefined>((resolve) => {
    let done = false;
    const finish = (v: T | undefined) => {
      if (done) return;
      done = true;
      controller.abort();
      if (open === (qp as unknown as vscode.QuickPick<vscode.QuickPickItem>)) open = undefined;
      resolve(v);
      qp.dispose();
    };
    qp.onDidAccept(() => finish(qp.selectedItems[0] ?? qp.activeItems[0]));
    qp.onDidHide(() => finish(undefined));
    open = qp;
    qp.show();
    if (opts.whileOpen) {
      qp.busy = true;
      void opts
        .whileOpen(
          (items) => {
            if (done) return;
            const active = qp.activeItems[0];
            qp.items = items;
            // Keep the person's place: updating the details must not move the selection.
            const same = active && items.find((i) => i.label === active.label);
            if (same) qp.activeItems = [same];
          },
          (busy) => {
            if (!done) qp.busy = busy;
          },
          controller.signal,
        )
        .finally(() => {
          if (!done) qp.busy = false;
        });
    }
  });
}
