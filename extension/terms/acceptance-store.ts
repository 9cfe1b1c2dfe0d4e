// Which terms of use the user accepted: per terms id and text hash, with the date. A changed text hash
// means the user has not accepted the new text and is asked again.
import { getTerms, listTerms } from '../../common/terms/index.js';

export interface Acceptance {
  id: string;
  sha256: string;
  acceptedAt: string;
  /** For terms that need individual permission from the provider: the user said they have it. */
  permissionConfirmed: boolean;
}

/** The part of VS Code's Memento this store needs, so tests can pass a Map-backed fake. */
export interface KeyValue {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

const KEY = 'fude.termsAcceptance';

export class TermsAcceptanceStore {
  constructor(
    private readonly kv: KeyValue,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private all(): Record<string, Acceptance> {
    return (this.kv.get(KEY) as Record<string, Acceptance> | undefined) ?? {};
  }

  /** The acceptance of these terms if it is for their current text. */
  current(id: string): Acceptance | undefined {
    const a = this.all()[id];
    const terms = getTerms(id);
    if (!a || !terms || a.sha256 !== terms.sha256) return undefined;
    if (terms.requiresIndividualPermission && !a.permissionConfirmed) return undefined;
    return a;
  }

  /** True when an older acceptance exists for a text that has since changed. */
  outdated(id: string): boolean {
    const a = this.all()[id];
    const terms = getTerms(id);
    return Boolean(a && terms && a.sha256 !== terms.sha256);
  }

  acceptedIds(): string[] {
    return listTerms()
      .map((t) => t.id)
      .filter((id) => this.current(id) !== undefined);
  }

  async accept(id: string, permissionConfirmed: boolean): Promise<Acceptance> {
    const terms = getTerms(id);
    if (!terms) throw new Error(`unknown terms "${id}"`);
    if (terms.requiresIndividualPermission && !permissionConfirmed) {
      throw new Error(`terms "${id}" require individual permission from the provider`);
    }
    const a: Acceptance = { id, sha256: terms.sha256, acceptedAt: this.now().toISOString(), permissionConfirmed };
    await this.kv.update(KEY, { ...this.all(), [id]: a });
    return a;
  }

  async revoke(id: string): Promise<boolean> {
    const all = this.all();
    if (!(id in all)) return false;
    delete all[id];
    await this.kv.update(KEY, all);
    return true;
  }
}
