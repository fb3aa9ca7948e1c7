// The page's corrections compare spellings as the analyser does (www/corrections.js, evenedOut):
// the characters it drops must be the ones src/text.rs drops, or a corrected entity lists a
// spelling twice. The Rust list is read from its match arm, so the two cannot drift apart.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { evenedOut } from '../../www/corrections.js';

const source = readFileSync(new URL('../../src/text.rs', import.meta.url), 'utf8');

/** The code points of the match arm that ends `=> Change::Drop` in src/text.rs. */
function droppedByRust() {
  const arm = source.match(/fn change\([^)]*\)[^{]*\{\s*match ch \{([^=]*(?:=[^>][^=]*)*)=> Change::Drop/);
  assert.ok(arm, 'src/text.rs: no match arm ending "=> Change::Drop" in fn change');
  const codes = new Set();
  const point = (hex) => parseInt(hex, 16);
  const entries = arm[1].split('|').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const found = entry.match(/^'\\u\{([0-9a-fA-F]+)\}'(?:\.\.='\\u\{([0-9a-fA-F]+)\}')?$/);
    assert.ok(found, `src/text.rs: cannot read ${JSON.stringify(entry)} in the Drop arm; write '\\u{..}' or a range of them`);
    const [, from, to] = found;
    for (let c = point(from); c <= point(to ?? from); c++) codes.add(c);
  }
  return codes;
}

test('the page drops the invisible characters the analyser drops, and no others', () => {
  const rust = droppedByRust();
  for (let c = 0; c <= 0x10ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // lone surrogates: not characters
    const dropped = evenedOut(`a${String.fromCodePoint(c)}b`) === 'ab';
    assert.equal(dropped, rust.has(c), `U+${c.toString(16).padStart(4, '0')}: the page ${dropped ? 'drops' : 'keeps'} it, src/text.rs ${rust.has(c) ? 'drops' : 'keeps'} it`);
  }
});
