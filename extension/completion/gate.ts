// Whether a completion request may go to the model now, and if not, why: the one place that decides
// on settings, snooze, the backend's state and the model's terms of use. Pure, so it is tested alone.

export interface ReadyModel {
  readonly name: string;
  readonly fim: boolean;
  readonly contextSize: number;
  readonly termsId: string | null;
}

export type BackendView =
  | { readonly kind: 'ready'; readonly model: ReadyModel; readonly connected: boolean }
  | { readonly kind: 'stopped' | 'starting' | 'loading' | 'restarting' }
  /** termsRefused: the backend would not load the model because its terms are not accepted. */
  | { readonly kind: 'failed'; readonly termsRefused?: boolean };

export interface GateInput {
  /** Explicit trigger (command or VS Code's trigger): settings and snooze do not apply. */
  readonly manual: boolean;
  /** `fude.completion.enabled` for the document's language (language overrides applied). */
  readonly enabled: boolean;
  /** `fude.completion.enabled` without language overrides: only says which reason to give. */
  readonly enabledGlobally: boolean;
  readonly snoozedUntil: number | undefined;
  readonly now: number;
  readonly backend: BackendView;
  /** Whether the user accepted these terms (for their current text). */
  readonly termsAccepted: (termsId: string) => boolean;
  /** No model configured: the demo model's output is meaningless, so only explicit triggers use it. */
  readonly demoModel: boolean;
  /** The user stopped the backend: typing must not start it again. */
  readonly stoppedByUser: boolean;
}

export type OffReason =
  | 'disabled'
  | 'language-disabled'
  | 'snoozed'
  | 'terms'
  | 'demo'
  | 'backend-failed'
  | 'backend-stopped'
  | 'backend-restarting';

export type GateDecision =
  | { readonly kind: 'go'; readonly model: ReadyModel }
  /** Start the backend (the first feature that needs the model), then ask again. */
  | { readonly kind: 'start' }
  /** The backend is on its way: wait for it, then ask again. */
  | { readonly kind: 'wait' }
  | { readonly kind: 'off'; readonly reason: OffReason };

export function decideGate(i: GateInput): GateDecision {
  if (!i.manual) {
    // A language override wins both ways ("off everywhere but Python" works too).
    if (!i.enabled) return { kind: 'off', reason: i.enabledGlobally ? 'language-disabled' : 'disabled' };
    if (i.snoozedUntil !== undefined && i.now < i.snoozedUntil) return { kind: 'off', reason: 'snoozed' };
    if (i.demoModel) return { kind: 'off', reason: 'demo' };
  }
  const b = i.backend;
  switch (b.kind) {
    case 'ready':
      // The backend refuses to load such a model; this also covers terms revoked while it runs.
      if (b.model.termsId !== null && !i.termsAccepted(b.model.termsId)) return { kind: 'off', reason: 'terms' };
      return b.connected ? { kind: 'go', model: b.model } : { kind: 'wait' };
    case 'starting':
    case 'loading':
      return { kind: 'wait' };
    case 'restarting':
      return { kind: 'off', reason: 'backend-restarting' };
    case 'failed':
      if (b.termsRefused && !i.manual) return { kind: 'off', reason: 'terms' };
      // Retrying on every keystroke would repeat the failure notice; an explicit trigger retries.
      return i.manual ? { kind: 'start' } : { kind: 'off', reason: 'backend-failed' };
    case 'stopped':
      return i.manual || !i.stoppedByUser ? { kind: 'start' } : { kind: 'off', reason: 'backend-stopped' };
  }
}
