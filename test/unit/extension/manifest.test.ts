// The editor actions issue 7 asks for: each under the Fude category, and reachable from the editor's
// context menu (selection actions directly, the rest through the Fude submenu).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface MenuItem { command?: string; submenu?: string; when?: string }
interface Manifest {
  contributes: {
    commands: { command: string; category?: string }[];
    menus: Record<string, MenuItem[]>;
    submenus?: { id: string }[];
  };
}

const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../package.json', import.meta.url)), 'utf8')) as Manifest;
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

const ACTIONS = [
  'fude.docs.explainSelection', 'fude.docs.writeDocComment', 'fude.docs.translateCommentsToJapanese',
  'fude.docs.translateCommentsToEnglish', 'fude.chat.askAboutSelection', 'fude.chat.focus', 'fude.docs.open',
  'fude.selectModel', 'fude.showTerms',
];

describe('extension manifest', () => {
  it('puts every command under the Fude category', () => {
    assert.deepEqual(commands.filter((c) => c.category !== 'Fude').map((c) => c.command), []);
  });

  it('reaches every editor action from the editor context menu, selection actions only with a selection', () => {
    const inMenu = reachable('editor/context');
    for (const action of ACTIONS) assert.ok(inMenu.has(action), `${action} is not in the editor context menu`);
    for (const action of ACTIONS.slice(0, 5)) assert.match(inMenu.get(action) ?? '', /editorHasSelection/, action);
  });

  it('declares every submenu it uses', () => {
    const declared = new Set((manifest.contributes.submenus ?? []).map((s) => s.id));
    for (const items of Object.values(menus)) for (const item of items) if (item.submenu) assert.ok(declared.has(item.submenu), item.submenu);
  });
});
