// Opens Fude's walkthrough. VS Code's walkthrough service starts lazily, the first time something needs it,
// and then registers extension walkthroughs asynchronously (it waits up to 5 s on an experiment lookup); a
// Welcome page opened before that shows VS Code's own first walkthrough instead of the one asked for
// (microsoft/vscode#232425). So the service is started early (at activation), and an open that comes sooner
// than the registration can take waits for the rest of it.

export interface WalkthroughDeps {
  /** Makes VS Code start its walkthrough service (without opening anything). */
  startService(): Thenable<unknown>;
  /** workbench.action.openWalkthrough for Fude's walkthrough. */
  open(): Thenable<unknown>;
  now(): number;
  wait(ms: number): Promise<void>;
}

/** How long VS Code may take to register extension walkthroughs once its service started. */
export const REGISTRATION_MS = 5_500;

export class WalkthroughOpener {
  private startedAt: number | undefined;

  constructor(private readonly deps: WalkthroughDeps) {}

  /** Starts VS Code's walkthrough service once; later calls do nothing. */
  startService(): void {
    if (this.startedAt !== undefined) return;
    this.startedAt = this.deps.now();
    // The service is what we want; the command's own answer (an error for a step it does not know) is not.
    this.deps.startService().then(undefined, () => undefined);
  }

  async open(): Promise<void> {
    this.startService();
    const left = REGISTRATION_MS - (this.deps.now() - (this.startedAt ?? 0));
    if (left > 0) await this.deps.wait(left);
    await this.deps.open();
  }
}
