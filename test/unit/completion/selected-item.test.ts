// With VS Code's suggestion list open, the inline answer must extend the selected item over its range.
import assert from 'node:assert/strict';
import {
  answerForSelectedItem,
  extendsItem,
  usableItem,
  withSelectedItem,
} from '../../../extension/completion/selected-item.js';
import type { DocumentSnapshot } from '../../../extension/completion/pipeline.js';

const text = 'const list = [1, 2];\nlist.fo\nconsole.log(list);\n';
const cursor = text.indexOf('fo') + 2;
const doc: DocumentSnapshot = { uri: 'file:///a.ts', path: 'a.ts', languageId: 'typescript', text, offset: cursor };
/** The list shows `forEach` for the typed `fo`: it replaces `fo`. */
const item = { start: cursor - 2, end: cursor, text: 'forEach' };

describe('inline completion with the suggestion list open', () => {
  it('asks the model as if the selected item were accepted', () => {
    const asked = withSelectedItem(doc, item);
    assert.equal(asked.text, 'const list = [1, 2];\nlist.forEach\nconsole.log(list);\n');
    assert.equal(asked.text.slice(0, asked.offset), 'const list = [1, 2];\nlist.forEach');
  });

  it("answers with the item's text and the model's continuation, over the item's range (VS Code then shows both)", () => {
    const a = answerForSelectedItem(item, '((n) => console.log(n));');
    assert.deepEqual(a, {
      kind: 'item',
      insertText: 'forEach((n) => console.log(n));',
      start: item.start,
      end: item.end,
    });
    assert.equal(extendsItem(a.kind === 'item' ? a.insertText : '', item), true);
  });

  it('withholds, saying why, when the model has nothing to add to the item', () => {
    assert.deepEqual(answerForSelectedItem(item, ''), { kind: 'withheld', reason: 'nothing-after-item' });
  });

  it('an item whose range ends after the cursor (the rest of a word) is replaced whole', () => {
    const mid = { ...doc, text: 'list.foEach;\n', offset: 7 };
    const it2 = { start: 5, end: 11, text: 'forEach' };
    assert.equal(usableItem(mid, it2), true);
    assert.deepEqual(withSelectedItem(mid, it2), { ...mid, text: 'list.forEach;\n', offset: 12 });
  });

  it('an item range not around the cursor, or reaching another line, cannot be extended', () => {
    assert.equal(usableItem(doc, item), true);
    assert.equal(usableItem(doc, { start: 0, end: cursor, text: 'x' }), false, 'starts on the line above');
    assert.equal(usableItem(doc, { start: cursor + 1, end: cursor + 2, text: 'x' }), false, 'after the cursor');
    assert.equal(
      usableItem(doc, { start: cursor - 2, end: text.length + 5, text: 'x' }),
      false,
      'outside the document',
    );
    assert.equal(extendsItem('forEach', item), false, 'the item alone adds nothing');
    assert.equal(extendsItem('for(', item), false);
  });
});
