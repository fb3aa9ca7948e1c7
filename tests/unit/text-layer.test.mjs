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
  for (const [, from, to] of arm[1].matchAll(/'\\u\{([0-9a-fA-F]+)\}'(?:\.\.='\\u\{([0-9a-fA-F]+)\}')?/g)) {
    for (let c = point(from); c <= point(to ?? from); c++) codes.add(c);
  }
  assert.ok(codes.size >= 10, `src/text.rs: read only ${codes.size} dropped characters`);
  return codes;
}

test('the page drops the invisible characters the analyser drops, and no others', () => {
  const rust = droppedByRust();
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // lone surrogates: not characters
    const dropped = evenedOut(`a${String.fromCharCode(c)}b`) === 'ab';
    assert.equal(dropped, rust.has(c), `U+${c.toString(16).padStart(4, '0')}: the page ${dropped ? 'drops' : 'keeps'} it, src/text.rs ${rust.has(c) ? 'drops' : 'keeps'} it`);
  }
});
