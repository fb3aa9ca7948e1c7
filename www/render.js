// Renders an analysis as DOM nodes: the highlighted text, the entity list and the timeline.
// Pasted text is data: every piece of it goes in through textContent, never as HTML.

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

export function renderLegend(list, visible) {
  fill(list, TYPES.filter((t) => visible.has(t)).map((t) => el('li', { text: TYPE_NAMES[t], className: t })));
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

/**
 * The text with mentions, dates and ignored page chrome as marked, non-overlapping spans, in
 * blocks (`BLOCK_CHARS`). Returns where each rendered text node or mark starts in the text
 * (UTF-16 offsets, like the analysis), so that a range of the text can be found again (`rangeOf`).
 */
export function renderText(container, text, result, visible) {
  const spans = [
    ...result.mentions.filter((m) => visible.has(m.type)),
    ...(visible.has('TIME') ? result.dates : []),
    ...result.ignored,
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const blocks = new Blocks(text);
  const nodes = [];
  const starts = [];
  const add = (node, start) => { nodes.push(node); starts.push(start); blocks.append(node); };
  /** Plain text [from, to), ending blocks at line ends on the way; `always` adds it even if empty. */
  const addText = (from, to, always = false) => {
    for (let cut = blocks.cutWithin(from, to); cut > 0; cut = blocks.cutWithin(from, to)) {
      add(document.createTextNode(text.slice(from, cut)), from);
      blocks.end(cut);
      from = cut;
    }
    if (to > from || always) add(document.createTextNode(text.slice(from, to)), from);
  };
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    addText(at, span.start);
    add(markFor(span, text.slice(span.start, span.end)), span.start);
    at = span.end;
  }
  addText(at, text.length, true);
  blocks.end(text.length);
  fill(container, blocks.done);
  return { nodes, starts };
}

/** The blocks of `renderText`, each with a height guessed from its lines until it is laid out. */
class Blocks {
  constructor(text) {
    this.text = text;
    this.done = [];
    this.start = 0;
    this.current = this.#open();
    this.lineEnd = -1; // the first '\n' at or after the last search, text.length if none
  }

  append(node) { this.current.append(node); }

  /** Where the current block should end within [from, to): after the first line end once it
   * holds BLOCK_CHARS characters, or after a space if that line end is over LONG_LINE away; 0 if
   * not there. The line end found is kept, so the search is linear in the whole text. */
  cutWithin(from, to) {
    const searchFrom = Math.max(from, this.start + BLOCK_CHARS - 1);
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

  /** Ends the current block at `at` (the next one starts there). */
  end(at) {
    const piece = this.text.slice(this.start, at);
    let lines = 1;
    for (let i = piece.indexOf('\n'); i >= 0 && i < piece.length - 1; i = piece.indexOf('\n', i + 1)) lines++;
    // Until laid out, a block is as tall as its lines, long ones wrapped at ~90 characters.
    const guess = lines + Math.floor(piece.length / 90);
    this.current.style.containIntrinsicBlockSize = `auto ${(guess * 1.5).toFixed(1)}em`;
    this.start = at;
    if (at < this.text.length) this.current = this.#open();
  }

  #open() {
    const block = document.createElement('span');
    block.className = 'block';
    this.done.push(block);
    return block;
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
    node.title = span.type;
  } else if (span.value !== undefined) {
    node.className = 'TIME';
    node.title = `${span.type} ${span.value}`;
  } else {
    node.className = 'ignored';
    node.title = `Not analysed: ${span.reason}`;
  }
  return node;
}

/** A DOM Range over text offsets [start, end) of what `renderText` rendered. */
export function rangeOf({ nodes, starts }, start, end) {
  const range = new Range();
  const [startNode, startOffset] = position(nodes, starts, start);
  const [endNode, endOffset] = position(nodes, starts, end);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

function position(nodes, starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) { // the last node starting at or before `offset`
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid; else high = mid - 1;
  }
  const node = nodes[low].nodeType === Node.TEXT_NODE ? nodes[low] : nodes[low].firstChild ?? nodes[low];
  return [node, Math.min(offset - starts[low], node.length ?? 0)];
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
  const names = new Map(result.entities.filter((e) => visible.has(e.type)).map((e) => [e.id, e.name]));
  const days = new Map();
  for (const event of result.timeline) {
    if (!days.has(event.date)) days.set(event.date, []);
    days.get(event.date).push(event);
  }
  const shown = new Map(); // button -> its event
  const items = [...days].map(([date, events]) => {
    const inferred = events.every((e) => e.inferred);
    const when = date + (inferred ? ' (inferred)' : '');
    return el('li', { className: inferred ? 'inferred' : '' }, [
      el('time', { text: when, attrs: { datetime: date } }),
      ...events.map((e) => {
        const who = e.entities.filter((id) => names.has(id)).map((id) => names.get(id)).join(' · ');
        const button = el('button', { className: 'event', attrs: { type: 'button', 'aria-pressed': 'false', 'aria-label': `${when}: ${e.text}` } }, [
          el('span', { className: 'sentence', text: e.text }),
          ...(who ? [el('span', { className: 'participants', text: who })] : []),
        ]);
        shown.set(button, e);
        return button;
      }),
    ]);
  });
  fill(list, items.length ? items : [el('li', { text: 'No dated events yet.' })]);
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
