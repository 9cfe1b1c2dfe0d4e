// The manifest as a person meets it: every command under the Fude category and reachable from the editor's
// context menu (selection actions directly, the rest through the Fude submenu); the palette offering what
// applies now (its "when" clauses over the context keys the extension sets); the walkthrough's steps
// linking commands that exist, with media in both languages.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface MenuItem {
  command?: string;
  submenu?: string;
  when?: string;
}
interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; svg?: string };
  completionEvents?: string[];
}
interface Manifest {
  contributes: {
    commands: { command: string; category?: string; enablement?: string }[];
    menus: Record<string, MenuItem[]>;
    submenus?: { id: string }[];
    walkthroughs?: { id: string; title: string; description: string; steps: WalkthroughStep[] }[];
  };
}

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as unknown;
const manifest = readJson('package.json') as Manifest;
const { commands, menus } = manifest.contributes;

/** Commands reachable from a menu, through its submenus. */
function reachable(menu: string, seen = new Set<string>()): Map<string, string | undefined> {
  const found = new Map<string, string | undefined>();
  if (seen.has(menu)) return found;
  seen.add(menu);
  for (const item of menus[menu] ?? []) {
    if (item.command) found.set(item.command, item.when);
    if (item.submenu) for (const [c, w] of reachable(item.submenu, seen)) found.set(c, w);
  }
  return found;
}

/** Actions on selected code: in the context menu only with a selection. */
const SELECTION_ACTIONS = [
  'fude.docs.explainSelection',
  'fude.docs.translateCommentsToJapanese',
  'fude.docs.translateCommentsToEnglish',
  'fude.chat.askAboutSelection',
];
/** The rest: reachable without a selection (a doc comment needs only the cursor in a function). */
const OTHER_ACTIONS = [
  'fude.docs.writeDocComment',
  'fude.chat.focus',
  'fude.docs.open',
  'fude.selectModel',
  'fude.showTerms',
];

describe('extension manifest', () => {
  it('puts every command under the Fude category', () => {
    assert.deepEqual(
      commands.filter((c) => c.category !== 'Fude').map((c) => c.command),
      [],
    );
  });

  it('reaches every editor action from the editor context menu, selection actions only with a selection', () => {
    const inMenu = reachable('editor/context');
    for (const action of [...SELECTION_ACTIONS, ...OTHER_ACTIONS])
      assert.ok(inMenu.has(action), `${action} is not in the editor context menu`);
    for (const action of SELECTION_ACTIONS) assert.match(inMenu.get(action) ?? '', /editorHasSelection/, action);
    const noSelection = (item: MenuItem) => !/editorHasSelection/.test(item.when ?? '');
    assert.ok(
      (menus['fude.editorContext'] ?? []).some(
        (item) => item.command === 'fude.docs.writeDocComment' && noSelection(item),
      ),
      'Write Japanese Doc Comment is in the Fude submenu without a selection (the sample files point there)',
    );
  });

  it('declares every submenu it uses', () => {
    const declared = new Set((manifest.contributes.submenus ?? []).map((s) => s.id));
    for (const items of Object.values(menus))
      for (const item of items) if (item.submenu) assert.ok(declared.has(item.submenu), item.submenu);
  });
});

type Context = Record<string, string | boolean | undefined>;

/**
 * VS Code's "when" clauses as this manifest uses them: `a && b`, `a || b`, `!key`, `key`, `key == value`,
 * `key != value`, `true`, `false` (|| binds loosest). Unset keys are falsy, as in VS Code.
 */
function holds(when: string | undefined, context: Context): boolean {
  if (when === undefined || when.trim() === '') return true;
  return when.split('||').some((any) =>
    any.split('&&').every((term) => {
      const t = term.trim();
      if (t === 'true' || t === 'false') return t === 'true';
      const compare = /^([\w.]+)\s*(==|!=)\s*([\w.-]+)$/.exec(t);
      if (compare) return (String(context[compare[1]] ?? '') === compare[3]) === (compare[2] === '==');
      if (t.startsWith('!')) return !context[t.slice(1).trim()];
      assert.match(t, /^[\w.]+$/, `a when clause this test cannot read: ${t}`);
      return Boolean(context[t]);
    }),
  );
}

/** The palette's Fude commands in this context. */
function palette(context: Context): Set<string> {
  const entries = menus.commandPalette ?? [];
  return new Set(
    commands
      .map((c) => c.command)
      .filter((id) => {
        const own = entries.filter((e) => e.command === id);
        return own.length === 0 || own.some((e) => holds(e.when, context));
      }),
  );
}

/** Files under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('extension manifest: the palette offers what applies', () => {
  const idle = { editorIsOpen: true, 'fude.modelPhase': 'stopped', 'fude.completion.snoozed': false };

  it('offers Start Backend while the model is not running, Stop and Restart while it is', () => {
    for (const phase of ['ready', 'loading', 'starting']) {
      const shown = palette({ ...idle, 'fude.modelPhase': phase });
      assert.ok(!shown.has('fude.startBackend'), `no Start while ${phase}`);
      assert.ok(shown.has('fude.stopBackend') && shown.has('fude.restartBackend'), `Stop and Restart while ${phase}`);
    }
    const stopped = palette(idle);
    assert.ok(stopped.has('fude.startBackend'));
    assert.ok(!stopped.has('fude.stopBackend') && !stopped.has('fude.restartBackend'), 'nothing to stop or restart');
    const failed = palette({ ...idle, 'fude.modelPhase': 'failed' });
    assert.ok(failed.has('fude.startBackend') && failed.has('fude.restartBackend') && !failed.has('fude.stopBackend'));
    assert.ok(palette({}).has('fude.startBackend'), 'before activation sets the key, Start is offered');
  });

  it('offers editor actions only with an editor open', () => {
    const none = palette({ ...idle, editorIsOpen: false });
    for (const id of [
      'fude.chat.askAboutSelection',
      'fude.chat.attachActiveFile',
      'fude.completion.trigger',
      'fude.docs.writeDocComment',
      'fude.docs.explainSelection',
    ]) {
      assert.ok(!none.has(id), `${id} without an editor`);
      assert.ok(palette(idle).has(id), `${id} with an editor`);
    }
  });

  it('offers Resume only while inline completion is snoozed, and Snooze only while it is not', () => {
    assert.ok(!palette(idle).has('fude.completion.resume'));
    assert.ok(palette(idle).has('fude.completion.snooze'));
    const snoozed = palette({ ...idle, 'fude.completion.snoozed': true });
    assert.ok(snoozed.has('fude.completion.resume') && !snoozed.has('fude.completion.snooze'));
  });

  it('offers Revoke Acceptance only when some terms were accepted', () => {
    assert.ok(!palette(idle).has('fude.revokeTerms'));
    assert.ok(palette({ ...idle, 'fude.terms.anyAccepted': true }).has('fude.revokeTerms'));
  });

  it('has one way to the chat view in the palette (VS Code adds "Focus on Chat View"), plus the editor tab', () => {
    const shown = palette(idle);
    assert.ok(!shown.has('fude.chat.focus'), '"Open Chat" would duplicate VS Code\'s "Fude: Focus on Chat View"');
    assert.ok(shown.has('fude.chat.open'));
  });

  it('uses only context keys VS Code or the extension sets', () => {
    const source = filesUnder(join(ROOT, 'extension'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const set = new Set([...source.matchAll(/'setContext',\s*'([\w.]+)'/g)].map((m) => m[1]));
    const clauses = [
      ...Object.values(menus)
        .flat()
        .map((item) => item.when),
      ...commands.map((c) => c.enablement),
      ...(manifest.contributes.walkthroughs ?? []).flatMap((w) => w.steps.map((s) => (s as { when?: string }).when)),
    ].filter((w): w is string => w !== undefined);
    const used = new Set(
      clauses.flatMap((w) => [...w.matchAll(/\b(fude\.[\w.]+)\s*(?:==|!=|&&|\|\||$)/g)].map((m) => m[1])),
    );
    for (const key of used)
      if (!key.startsWith('fude.chatView'))
        assert.ok(set.has(key), `"${key}" is used in a when clause but the extension never sets it`);
    assert.ok(used.has('fude.modelPhase') && used.has('fude.completion.snoozed') && used.has('fude.terms.anyAccepted'));
  });
});

describe('extension manifest: the walkthrough', () => {
  const walkthroughs = manifest.contributes.walkthroughs ?? [];
  const nls = {
    en: readJson('package.nls.json') as Record<string, string>,
    ja: readJson('package.nls.ja.json') as Record<string, string>,
  };
  const resolve = (value: string, lang: 'en' | 'ja') =>
    value.replace(/^%(.+)%$/, (_, key: string) => nls[lang][key] ?? `MISSING ${key}`);
  const contributed = new Set(commands.map((c) => c.command));

  it('walks through choosing a model, its terms, a first chat, a first completion and a first doc comment', () => {
    assert.equal(walkthroughs.length, 1);
    const steps = walkthroughs[0].steps.map((s) => s.id);
    assert.deepEqual(steps, ['chooseModel', 'acceptTerms', 'firstChat', 'firstCompletion', 'firstDocComment']);
  });

  it('links only commands the extension contributes, in both languages, and each step has one', () => {
    for (const step of walkthroughs[0].steps) {
      for (const lang of ['en', 'ja'] as const) {
        const text = resolve(step.description, lang);
        const linked = [...text.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
        assert.ok(linked.length > 0, `${step.id} (${lang}) links a command`);
        for (const id of linked)
          assert.ok(contributed.has(id), `${step.id} (${lang}) links ${id}, which package.json does not contribute`);
        assert.ok(!/MISSING/.test(resolve(step.title, lang) + text), `${step.id} (${lang}) is translated`);
      }
      for (const event of step.completionEvents ?? []) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        if (command)
          assert.ok(
            contributed.has(command),
            `${step.id} completes on ${command}, which package.json does not contribute`,
          );
      }
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} completes on an event`);
    }
  });

  it("has each step's media in English and Japanese (VS Code picks NAME.nls.ja.md for Japanese)", () => {
    for (const step of walkthroughs[0].steps) {
      const media = step.media.markdown;
      assert.ok(media !== undefined, `${step.id} has markdown media`);
      assert.ok(existsSync(join(ROOT, media)), media);
      const ja = media.replace(/\.md$/, '.nls.ja.md');
      assert.ok(existsSync(join(ROOT, ja)), ja);
      assert.match(readFileSync(join(ROOT, ja), 'utf8'), /[ぁ-んァ-ン一-龯]/, `${ja} is in Japanese`);
    }
  });
});
