// The timeline drawn on a time axis (SVG, our own code): each event at its date, a year or a
// month as a range, a day as a dot, an inferred date hollow, a long empty stretch cut short by a
// break. The wheel (once the axis has the focus, or with Ctrl), pinch and the + and - keys zoom;
// dragging and the Page keys pan; the arrow keys
// go from event to event and Enter picks one, as a click does. The list below stays the
// accessible alternative and holds the same events.

import { MONTHS, utcDate, isoWeek, isoWeekMonday } from './describe.js';

const SVG = 'http://www.w3.org/2000/svg';
const DAY_MS = 86_400_000;
/** An axis of more events than this is not drawn (a long paste): the list holds them. */
export const MOST_EVENTS_DRAWN = 1500;
const HEIGHT = 150;
const AXIS_Y = 118;
const LANE_HEIGHT = 18;
const LANES = 5;
/** A stretch with no event longer than this share of the whole is cut short to `BREAK_UNITS`. */
const LONG_GAP_SHARE = 0.2;
const BREAK_UNITS = 0.04;

/** Days since 1970 of a UTC date. */
const utcDay = (year, monthIndex, day) => utcDate(year, monthIndex, day).getTime() / DAY_MS;

/** [start, end) in days since 1970 of a timeline date: "2023", "2023-05", "2023-05-19" or the
 * ISO week "2023-W20" (Monday to Sunday). */
export function dayRange(date) {
  const week = isoWeek(date);
  if (week) {
    const monday = isoWeekMonday(week.year, week.week).getTime() / DAY_MS;
    return [monday, monday + 7];
  }
  const [y, m, d] = date.split('-').map(Number);
  const start = utcDay(y, (m || 1) - 1, d || 1);
  const end = d ? start + 1 : m ? utcDay(y, m, 1) : utcDay(y + 1, 0, 1);
  return [start, end];
}

/**
 * The axis's scale: days to units from 0 to 1, with every long empty stretch cut to a break.
 * Returns { at(day), breaks: [unit] }.
 */
export function compressedScale(ranges) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  // Occupied stretches: overlapping ranges merged.
  const busy = [];
  for (const [s, e] of sorted) {
    const last = busy.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else busy.push([s, e]);
  }
  const whole = busy.at(-1)[1] - busy[0][0];
  const pieces = []; // [fromDay, toDay, length in raw units] in order
  busy.forEach(([s, e], i) => {
    if (i > 0) {
      const gap = s - busy[i - 1][1];
      pieces.push([busy[i - 1][1], s, gap > whole * LONG_GAP_SHARE ? -1 : gap]);
    }
    pieces.push([s, e, e - s]);
  });
  const kept = pieces.reduce((sum, p) => sum + Math.max(p[2], 0), 0) || 1;
  const breakLength = kept * BREAK_UNITS / (1 - BREAK_UNITS);
  for (const p of pieces) if (p[2] < 0) p[2] = breakLength;
  const total = pieces.reduce((sum, p) => sum + p[2], 0) || 1;
  let offset = 0;
  const marks = pieces.map(([from, to, length]) => {
    const piece = { from, to, u0: offset / total, u1: (offset + length) / total, cut: length === breakLength && to - from > whole * LONG_GAP_SHARE };
    offset += length;
    return piece;
  });
  const at = (day) => {
    const p = marks.find((m) => day <= m.to) ?? marks.at(-1);
    if (p.to === p.from) return p.u0;
    return p.u0 + (p.u1 - p.u0) * Math.min(1, Math.max(0, (day - p.from) / (p.to - p.from)));
  };
  return { at, breaks: marks.filter((m) => m.cut).map((m) => (m.u0 + m.u1) / 2) };
}

/** The observers of each container's axis, so that a new axis replaces the old one's. */
const observers = new WeakMap();

/** Empties `container` and stops its axis's observers. */
export function clearAxis(container) {
  for (const observer of observers.get(container) ?? []) observer.disconnect();
  observers.delete(container);
  container.replaceChildren();
  container.hidden = true;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const name in attrs) node.setAttribute(name, attrs[name]);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Draws the axis of `events` (the analysis's timeline) into `container`; `onPick(index)` is called
 * when one is picked. Returns { select(index) } to show a pick made elsewhere, or null when the
 * axis is not drawn (no events, or more than MOST_EVENTS_DRAWN).
 */
export function renderAxis(container, events, onPick) {
  clearAxis(container);
  if (events.length === 0 || events.length > MOST_EVENTS_DRAWN) return null;
  container.hidden = false;
  const ranges = events.map((e) => dayRange(e.date));
  const scale = compressedScale(ranges);
  const placed = ranges.map(([s, e]) => [scale.at(s), scale.at(e)]);
  const width = () => container.clientWidth || 600;
  let view = [-0.02, 1.02]; // the units shown, left to right
  let selected = -1;

  const root = svg('svg', { role: 'img', tabindex: '0', height: HEIGHT, class: 'axis-svg', 'aria-label': `Time axis of ${events.length} events; arrow keys move between them, Enter picks one, + and - zoom, Page Up and Page Down pan` });
  const layer = svg('g');
  root.append(layer);
  // What the arrow keys picked, read out (the drawing itself says nothing to a screen reader).
  const said = document.createElement('p');
  said.className = 'visually-hidden';
  said.setAttribute('aria-live', 'polite');
  container.append(root, said);

  const x = (u) => ((u - view[0]) / (view[1] - view[0])) * width();
  const lanes = () => {
    // Each event on the first lane where it does not touch the one before: left to right.
    const ends = new Array(LANES).fill(-Infinity);
    return placed.map(([u0, u1]) => {
      const left = x(u0);
      let lane = ends.findIndex((end) => end + 4 < left);
      if (lane < 0) lane = ends.indexOf(Math.min(...ends));
      ends[lane] = Math.max(x(u1), left + 10);
      return lane;
    });
  };

  const draw = () => {
    const w = width();
    root.setAttribute('width', w);
    root.setAttribute('viewBox', `0 0 ${w} ${HEIGHT}`);
    const nodes = [svg('line', { x1: 0, x2: w, y1: AXIS_Y, y2: AXIS_Y, class: 'axis-line' })];
    for (const u of scale.breaks) {
      const bx = x(u);
      nodes.push(svg('path', { d: `M${bx - 6} ${AXIS_Y + 7} l4 -14 M${bx + 2} ${AXIS_Y + 7} l4 -14`, class: 'axis-break' }));
    }
    // A tick at the first event of each month shown, thinned to one per 70 px: the year at the
    // first tick of a year, the month's name at the others (a zoomed-in axis).
    let lastTick = -Infinity;
    let last = null;
    ranges.forEach(([s], i) => {
      const tx = x(placed[i][0]);
      const start = new Date(s * DAY_MS);
      const [year, month] = [start.getUTCFullYear(), start.getUTCMonth()];
      if (tx - lastTick < 70 || tx < 0 || tx > w) return;
      if (last && last.year === year && last.month === month) return;
      const label = last?.year === year ? MONTHS[month].slice(0, 3) : String(year);
      lastTick = tx;
      last = { year, month };
      nodes.push(svg('line', { x1: tx, x2: tx, y1: AXIS_Y, y2: AXIS_Y + 5, class: 'axis-tick' }));
      nodes.push(svg('text', { x: Math.max(16, Math.min(w - 16, tx)), y: AXIS_Y + 18, class: 'axis-label' }, label));
    });
    const lane = lanes();
    events.forEach((event, i) => {
      const [u0, u1] = placed[i];
      const x0 = x(u0);
      const x1 = Math.max(x(u1), x0 + 2);
      const y = AXIS_Y - 12 - lane[i] * LANE_HEIGHT;
      const day = event.date.length === 10;
      const classes = `axis-event${event.inferred ? ' inferred' : ''}${i === selected ? ' selected' : ''}`;
      const shape = day
        ? svg('circle', { cx: x0, cy: y, r: 5, class: classes })
        : svg('rect', { x: x0, y: y - 4, width: x1 - x0, height: 8, rx: 3, class: classes });
      shape.dataset.index = i;
      shape.append(svg('title', {}, `${event.date}${event.inferred ? ' (inferred)' : ''}: ${event.text}`));
      nodes.push(shape);
    });
    layer.replaceChildren(...nodes);
  };

  const zoom = (factor, aboutX = width() / 2) => {
    const at = view[0] + (aboutX / width()) * (view[1] - view[0]);
    const span = Math.min(1.04, Math.max(0.0005, (view[1] - view[0]) * factor));
    view = [at - (aboutX / width()) * span, at + (1 - aboutX / width()) * span];
    draw();
  };
  const pan = (pixels) => {
    const shift = (pixels / width()) * (view[1] - view[0]);
    view = [view[0] + shift, view[1] + shift];
    draw();
  };
  const select = (i, pick = false) => {
    selected = i;
    said.textContent = `${events[i].date}${events[i].inferred ? ' (inferred)' : ''}: ${events[i].text}`;
    const [u0] = placed[i];
    if (u0 < view[0] || u0 > view[1]) pan(x(u0) - width() / 2);
    else draw();
    if (pick) onPick(i);
  };

  // The wheel zooms once the axis has the focus (a click or Tab gives it), or with Ctrl; else it
  // scrolls the page past the axis as anywhere else.
  root.addEventListener('wheel', (event) => {
    if (!event.ctrlKey && root.getRootNode().activeElement !== root) return;
    event.preventDefault();
    zoom(Math.exp(event.deltaY * 0.0015), event.offsetX);
  }, { passive: false });
  // Pointers: one drags, two pinch.
  const pointers = new Map();
  let moved = false;
  let pressed; // the index of the event a press started on (the capture retargets the click)
  root.addEventListener('pointerdown', (event) => {
    pointers.set(event.pointerId, event.offsetX);
    moved = false;
    pressed = event.target.dataset?.index;
    root.setPointerCapture(event.pointerId);
  });
  root.addEventListener('pointermove', (event) => {
    if (!pointers.has(event.pointerId)) return;
    const before = [...pointers.values()];
    pointers.set(event.pointerId, event.offsetX);
    const after = [...pointers.values()];
    if (after.length === 2) {
      const spread = (xs) => Math.abs(xs[0] - xs[1]) || 1;
      zoom(spread(before) / spread(after), (after[0] + after[1]) / 2);
    } else {
      const dx = after[0] - before[0];
      if (Math.abs(dx) > 0) { moved = true; pan(-dx); }
    }
  });
  const release = (event) => pointers.delete(event.pointerId);
  root.addEventListener('pointerup', release);
  root.addEventListener('pointercancel', release);
  root.addEventListener('click', () => {
    if (pressed !== undefined && !moved) select(Number(pressed), true);
  });
  root.addEventListener('keydown', (event) => {
    const key = event.key;
    if (key === '+' || key === '=') zoom(1 / 1.5);
    else if (key === '-') zoom(1.5);
    else if (key === '0') { view = [-0.02, 1.02]; draw(); }
    else if (key === 'PageUp') pan(-width() / 2);
    else if (key === 'PageDown') pan(width() / 2);
    else if (key === 'ArrowRight' || key === 'ArrowLeft') select(Math.max(0, Math.min(events.length - 1, selected + (key === 'ArrowRight' ? 1 : -1))));
    else if (key === 'Enter' && selected >= 0) onPick(selected);
    else return;
    event.preventDefault();
  });
  // Drawn once it comes near the screen, and again when its width changes: the timeline is below
  // the fold on most screens, and the page's first frame need not wait for it.
  let drawn = false;
  const drawFirst = () => { if (!drawn) { drawn = true; draw(); } };
  const resize = new ResizeObserver(() => { if (drawn) draw(); });
  const near = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) drawFirst(); }, { rootMargin: '200px' });
  resize.observe(container);
  near.observe(container);
  observers.set(container, [resize, near]);
  return { select: (i) => { drawn = true; select(i); } };
}
