// Renders an analysis as DOM nodes: the highlighted text, the entity list and the timeline.
// Pasted text is data: every piece of it goes in through textContent, never as HTML.

import { TYPE_WORDS } from './describe.js';

export const TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'TIME'];
export const TYPE_NAMES = {
  PERSON: 'People', ORG: 'Organisations', GPE: 'Countries and cities', LOC: 'Places', FAC: 'Facilities',
  NORP: 'Nationalities and groups', EVENT: 'Events', TIME: 'Dates and times',
};

/** Creates an element with text content, a class, attributes and children. The children go in
 * one by one: the element is not in the document yet, and a fragment per element (as `fill`
 * makes) cost the first render of an entity list 10 -> 4 ms (cold, medians of 11 page loads). */
export function el(tag, { text, className, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  for (const name in attrs) node.setAttribute(name, attrs[name]);
  for (const child of children) node.append(child);
  return node;
}

/** Replaces what `parent` had with `nodes`, through a fragment: spreading a 5 MB article's
 * hundreds of thousands of nodes as arguments would overflow the stack. */
export function fill(parent, nodes) {
  const fragment = document.createDocumentFragment();
  for (const node of nodes) fragment.append(node);
  parent.replaceChildren(fragment);
}

/**
 * The legend: one toggle per type the analysis found, with its count, pressed when shown; a click
 * calls `onToggle(type)`. Types with nothing found are left out.
 */
export function renderLegend(list, result, visible, onToggle) {
  const counts = new Map();
  for (const m of result.mentions) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  if (result.dates.length) counts.set('TIME', result.dates.length);
  const items = TYPES.filter((t) => counts.has(t)).map((t) => el('li', {}, [
    el('button', {
      className: t,
      text: `${TYPE_NAMES[t]} ${counts.get(t)}`,
      attrs: { type: 'button', 'aria-pressed': String(visible.has(t)), 'data-type': t, title: visible.has(t) ? `Hide ${TYPE_NAMES[t].toLowerCase()}` : `Show ${TYPE_NAMES[t].toLowerCase()}` },
    }),
  ]));
  fill(list, items);
  list.onclick = (event) => {
    const button = event.target.closest('button[data-type]');
    if (button) onToggle(button.dataset.type);
  };
}

/** The text is shown in blocks of at least this many characters, each ending at a line end, and
 * the browser lays out and styles only the blocks near the screen (`content-visibility: auto` in
 * element-style.js). A 5 MB paste took 2.7-2.8 s from its analysis to its first frame as one
 * block (88,774 marks), 0.35-0.39 s in blocks. In a line over `LONG_LINE` long a block ends after
 * a space instead, so a block starts a new line on screen there: the price of keeping a 5 MB paste
 * without line breaks responsive (its first frame 4.9 -> 0.12 s). The text content is unchanged;
 * `innerText` leaves out blocks not yet laid out, as it does any skipped content (a selection lays
 * them out, so copying is whole). */
export const BLOCK_CHARS = 4000;
export const LONG_LINE = 10 * BLOCK_CHARS;
/** Blocks up to this many characters into the text get their marks at once; the rest in later
 * tasks of about `MARKING_SLICE_MS` each, the text already in place. Marking 353,222 mentions of
 * a 5 MB paste at once held the page for 0.9 s. */
export const MARKED_AT_ONCE = 100_000;
const MARKING_SLICE_MS = 12;

/** The view being marked in each container, so that a new one stops the old one's marking. */
const views = new WeakMap();

/**
 * Shows the text in `container` with mentions, dates and ignored page chrome as marked,
 * non-overlapping spans, in blocks (`BLOCK_CHARS`). Returns the view: `rangeOf` finds a range of
 * the text in it, and `markAll()` finishes the marking at once (before marks are looked for).
 */
export function renderText(container, text, result, visible) {
  const spans = [
    ...result.mentions.filter((m) => visible.has(m.type)),
    ...(visible.has('TIME') ? result.dates : []),
    ...result.ignored,
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  views.get(container)?.stop();
  const view = new TextView(text, spans);
  views.set(container, view);
  fill(container, view.blocks.map((b) => b.element));
  view.markBefore(MARKED_AT_ONCE);
  view.markLater();
  return view;
}

class TextView {
  constructor(text, spans) {
    this.text = text;
    this.kept = []; // the spans shown: each starts at or after the end of the one before
    this.blocks = [];
    this.next = 0; // the first block not yet marked, for the marking in later tasks
    this.stopped = false;
    const cuts = new LineCuts(text);
    let block = { start: 0, firstSpan: 0 };
    const endBlocks = (from, to) => {
      for (let cut = cuts.within(block.start, from, to); cut > 0; cut = cuts.within(block.start, from, to)) {
        this.#add(block, cut);
        block = { start: cut, firstSpan: this.kept.length };
        from = cut;
      }
    };
    let at = 0;
    for (const span of spans) {
      if (span.start < at) continue;
      endBlocks(at, span.start);
      this.kept.push(span);
      at = span.end;
    }
    endBlocks(at, text.length);
    this.#add(block, text.length);
  }

  /** The span (mention, date or ignored chrome) a mark of this view shows, or null. */
  spanOf(mark) {
    const block = this.blocks.find((b) => b.element === mark.parentNode);
    const index = block?.nodes?.indexOf(mark) ?? -1;
    if (index < 0) return null;
    const start = block.starts[index];
    for (let i = block.firstSpan; i < block.endSpan; i++) if (this.kept[i].start === start) return this.kept[i];
    return null;
  }

  /** Marks the blocks that start before character `until`. */
  markBefore(until) {
    for (let i = 0; i < this.blocks.length && this.blocks[i].start < until; i++) this.#mark(this.blocks[i]);
  }

  /** Marks the blocks not yet marked in slices, a task each, unless stopped; all at once if the
   * page is printed first. */
  markLater() {
    const unmarked = () => {
      while (this.next < this.blocks.length && this.blocks[this.next].nodes) this.next++;
      return this.next < this.blocks.length;
    };
    const slice = () => {
      if (this.stopped) return;
      const until = performance.now() + MARKING_SLICE_MS;
      while (unmarked() && performance.now() < until) this.#mark(this.blocks[this.next]);
      if (unmarked()) setTimeout(slice, 0);
      else removeEventListener('beforeprint', this.markAll);
    };
    if (!unmarked()) return;
    addEventListener('beforeprint', this.markAll);
    setTimeout(slice, 0);
  }

  markAll = () => { for (const block of this.blocks) this.#mark(block); };

  stop() {
    this.stopped = true;
    removeEventListener('beforeprint', this.markAll);
  }

  /** The marked block holding character `offset` (the last block for the text's end). */
  blockAt(offset) {
    const block = this.blocks[lastStartingBy(this.blocks.length, (i) => this.blocks[i].start, offset)];
    this.#mark(block);
    return block;
  }

  /** A block [start, end) holding the kept spans from `firstSpan` on, shown as plain text until
   * marked; its height is guessed from its lines until the browser lays it out. */
  #add(block, end) {
    const piece = this.text.slice(block.start, end);
    let lines = 1;
    for (let i = piece.indexOf('\n'); i >= 0 && i < piece.length - 1; i = piece.indexOf('\n', i + 1)) lines++;
    const element = document.createElement('span');
    element.className = 'block';
    element.textContent = piece;
    element.style.containIntrinsicBlockSize = `auto ${((lines + Math.floor(piece.length / 90)) * 1.5).toFixed(1)}em`;
    this.blocks.push({ ...block, end, endSpan: this.kept.length, element, nodes: null, starts: null });
  }

  /** Puts the block's marks in, with where each of its nodes starts in the text. */
  #mark(block) {
    if (block.nodes) return;
    const { text } = this;
    const nodes = [];
    const starts = [];
    let at = block.start;
    for (let i = block.firstSpan; i < block.endSpan; i++) {
      const span = this.kept[i];
      if (span.start > at) { nodes.push(document.createTextNode(text.slice(at, span.start))); starts.push(at); }
      nodes.push(markFor(span, text.slice(span.start, span.end)));
      starts.push(span.start);
      at = span.end;
    }
    if (at < block.end || nodes.length === 0) { nodes.push(document.createTextNode(text.slice(at, block.end))); starts.push(at); }
    fill(block.element, nodes);
    block.nodes = nodes;
    block.starts = starts;
  }
}

/** Where blocks end: after the first line end once a block holds BLOCK_CHARS characters, or
 * after a space if that line end is over LONG_LINE away. */
class LineCuts {
  constructor(text) {
    this.text = text;
    this.lineEnd = -1; // the first '\n' at or after the last search, text.length if none
  }

  /** The end within [from, to) of a block that starts at `start`, 0 if not there. The line end
   * found is kept: searches only move forward, so they are linear in the whole text. */
  within(start, from, to) {
    const searchFrom = Math.max(from, start + BLOCK_CHARS - 1);
    if (searchFrom >= to) return 0;
    if (this.lineEnd < searchFrom) {
      const found = this.text.indexOf('\n', searchFrom);
      this.lineEnd = found < 0 ? this.text.length : found;
    }
    let cut = this.lineEnd;
    if (cut - searchFrom > LONG_LINE) {
      const space = this.text.indexOf(' ', searchFrom);
      if (space >= 0 && space < cut) cut = space;
    }
    return cut < to ? cut + 1 : 0;
  }
}

/** A mention (it has an entity), a date (a value) or ignored page chrome (a reason), marked.
 * Built by hand, not with `el`: an article has hundreds, and the first ones run cold. */
function markFor(span, piece) {
  const mention = span.entity !== undefined;
  const node = document.createElement(mention || span.value !== undefined ? 'mark' : 'span');
  node.textContent = piece;
  if (mention) {
    node.className = span.type;
    node.setAttribute('data-entity', span.entity);
    node.title = TYPE_WORDS[span.type];
  } else if (span.value !== undefined) {
    node.className = 'TIME';
    node.title = `${TYPE_WORDS[span.type]}: ${span.value}`;
  } else {
    node.className = 'ignored';
    node.title = `Not analysed: ${span.reason}`;
  }
  return node;
}

/** A DOM Range over text offsets [start, end) of what `renderText` shows. */
export function rangeOf(view, start, end) {
  const range = new Range();
  const [startNode, startOffset] = position(view.blockAt(start), start);
  const [endNode, endOffset] = position(view.blockAt(end), end);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

function position({ nodes, starts }, offset) {
  const low = lastStartingBy(starts.length, (i) => starts[i], offset);
  const node = nodes[low].nodeType === Node.TEXT_NODE ? nodes[low] : nodes[low].firstChild ?? nodes[low];
  return [node, Math.min(offset - starts[low], node.length ?? 0)];
}

/** The index of the last of `count` items, in ascending order of `startOf(i)`, that starts at
 * or before `offset` (the first item does): a binary search, for blocks and for nodes. */
function lastStartingBy(count, startOf, offset) {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (startOf(mid) <= offset) low = mid; else high = mid - 1;
  }
  return low;
}

/** The entities grouped by type, most mentioned first, as toggle buttons. */
export function renderEntities(container, result, visible, onToggle) {
  const groups = TYPES.filter((t) => t !== 'TIME' && visible.has(t)).map((type) => {
    const members = result.entities.filter((e) => e.type === type).sort((a, b) => b.count - a.count);
    if (members.length === 0) return null;
    const items = members.map((e) => {
      const label = `${e.name}, ${e.count} mention${e.count === 1 ? '' : 's'}${e.aliases.length ? `, also written ${e.aliases.join(', ')}` : ''}`;
      const button = el('button', { className: e.type, attrs: { type: 'button', 'aria-pressed': 'false', 'data-entity': e.id, 'aria-label': label } }, [
        el('span', { text: e.name }), ` ×${e.count}`,
        ...(e.aliases.length ? [' ', el('span', { className: 'aliases', text: `(${e.aliases.join(', ')})` })] : []),
      ]);
      return el('li', {}, [button]);
    });
    const heading = `${TYPE_NAMES[type]} (${members.length})`;
    return el('div', { className: 'entity-group' }, [el('h3', { text: heading }), el('ul', { attrs: { 'aria-label': heading } }, items)]);
  });
  const present = groups.filter(Boolean);
  fill(container, present.length ? present : [el('p', { text: 'No names found yet.' })]);
  // One listener for the list, not one per button: an article has a hundred entities.
  container.onclick = (event) => {
    const button = event.target.closest('button[data-entity]');
    if (button) onToggle(Number(button.dataset.entity), button);
  };
  rovingFocus(container, 'button');
}

/** The dated events, one list item per day; each event is a button that shows its sentence. */
export function renderTimeline(list, result, visible, onSelect) {
  const known = new Map(result.entities.filter((e) => visible.has(e.type)).map((e) => [e.id, e]));
  const days = new Map();
  result.timeline.forEach((event, index) => {
    if (!days.has(event.date)) days.set(event.date, []);
    days.get(event.date).push([event, index]);
  });
  const shown = new Map(); // button -> its event
  const items = [...days].map(([date, events]) => {
    const inferred = events.every(([e]) => e.inferred);
    const when = date + (inferred ? ' (inferred)' : '');
    return el('li', { className: inferred ? 'inferred' : '' }, [
      el('time', { text: when, attrs: { datetime: date } }),
      ...events.map(([e, index]) => {
        // Participants as chips in their type's colour, a space between (their names are read out).
        const chips = e.entities.filter((id) => known.has(id)).flatMap((id) => [' ', el('span', { className: `chip ${known.get(id).type}`, text: known.get(id).name })]);
        // The date is read out before the sentence (its heading is not in the button's name).
        const button = el('button', { className: 'event', attrs: { type: 'button', 'aria-pressed': 'false', 'data-index': index } }, [
          el('span', { className: 'visually-hidden', text: `${when}: ` }),
          el('span', { className: 'sentence', text: e.text }),
          ...(chips.length ? [el('span', { className: 'participants' }, chips)] : []),
        ]);
        shown.set(button, e);
        return button;
      }),
    ]);
  });
  fill(list, items.length ? items : [el('li', { className: 'empty', text: 'No dated events yet.' })]);
  list.onclick = (event) => {
    const button = event.target.closest('button.event');
    if (shown.has(button)) onSelect(shown.get(button), button);
  };
  rovingFocus(list, 'button');
}

/**
 * Makes the `selector` items of `container` one tab stop: Tab enters at the last focused item,
 * arrow keys, Home and End move between them (the WAI-ARIA roving tabindex pattern).
 */
export function rovingFocus(container, selector) {
  const items = [...container.querySelectorAll(selector)];
  items.forEach((item, i) => item.setAttribute('tabindex', i === 0 ? '0' : '-1'));
  container.onkeydown = (event) => {
    const from = items.indexOf(event.target);
    if (from < 0) return;
    const to = { ArrowDown: from + 1, ArrowRight: from + 1, ArrowUp: from - 1, ArrowLeft: from - 1, Home: 0, End: items.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = items[Math.max(0, Math.min(items.length - 1, to))];
    items[from].setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
  };
}
