// <news-entities>: the whole analyser as one element any page can embed.
//
//   <script type="module" src="news-entities.js"></script>
//   <news-entities reference-date="2023-05-20" types="PERSON ORG GPE TIME">
//     BEIJING, May 20 (Xinhua) -- Chinese President Xi Jinping met ...
//   </news-entities>
//
// The light-DOM text is the input and, without JavaScript, what the reader sees. The analysis
// renders into a shadow root (highlighted text whose highlights explain themselves in a popover,
// a legend that filters by type, entity list, dates panel, timeline, export buttons) and is
// announced by a bubbling, composed `analysis` event whose `detail` is the analysis JSON
// (`analysis-error` with `detail.message` when it fails). Attributes and properties:
//   reference-date / referenceDate  the article's date, YYYY-MM-DD (found in the text otherwise)
//   today / today                   gives the year to a dateline without one (default: the browser's date)
//   types / types                   which types to show, e.g. "PERSON ORG TIME" (default: all); the
//                                   legend's toggles set it
//   theme (attribute)               "dark" or "light"; without it, the system's preference
//   views / views                   which views to show, e.g. "text timeline" (default: text,
//                                   entities, dates, timeline)
//   labels (attribute)              present: each highlight is followed by its type (displaCy style)
//   text (property only)            analyse this string instead of the light-DOM text
//   analysis (read-only)            the last analysis, or null
// Importing this module registers the element as <news-entities>; `NewsEntities.define('my-name')`
// registers it under another name.

import { analyse } from './analyser.js';
import { TYPES, el, fill, renderLegend, renderText, renderEntities, renderTimeline, rangeOf } from './render.js';
import { explanation } from './explain.js';
import { renderAxis, clearAxis } from './timeline-axis.js';
import { applyAll } from './corrections.js';
import { afterFrame } from './after-frame.js';
import { articleDateNote, renderDates } from './dates-panel.js';
import { analysisJSON, entitiesCSV, timelineCSV, timelineJS } from './exports.js';
import { STYLE } from './element-style.js';

const SHOW_PROGRESS_AFTER_MS = 150;
/** The views an embedder can show or hide (the `views` attribute). */
const VIEWS = ['text', 'entities', 'dates', 'timeline'];
/** How long a notice (a copy done, a copy failed) stays beside the status line. */
const NOTICE_MS = 6000;
/** Texts longer than this are drawn in a task after the one that received their analysis. */
const RENDER_IN_OWN_TASK_CHARS = 1_000_000;
const BLOCKS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'TR', 'FIGCAPTION']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

let sheet = null;
function styleSheet() {
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(STYLE);
  return sheet;
}

/** The sentence of the selected timeline event in every element, painted by the CSS Custom Highlight API. */
const eventHighlight = globalThis.Highlight && globalThis.CSS?.highlights ? new Highlight() : null;
if (eventHighlight) CSS.highlights.set('dateline-event', eventHighlight);

export class NewsEntities extends HTMLElement {
  static observedAttributes = ['reference-date', 'today', 'types', 'views', 'labels'];

  /** Registers the element (idempotent); under another name, a subclass is registered. */
  static define(name = 'news-entities', registry = customElements) {
    const defined = registry.get(name);
    if (defined) return defined;
    const element = registry.getName?.(this) ? class extends this {} : this;
    registry.define(name, element);
    return element;
  }

  #text = null;
  #raw = null; // the analysis as the analyser gave it
  #corrections = []; // what the reader corrected, in order (www/corrections.js)
  #applied = 0; // how many of them apply to the text now
  #analysis = null; // #raw with the corrections
  #analysedText = '';
  #analysedMs = 0; // how long the analyser took, for the status line
  #request = 0;
  #scheduled = false;
  #observer = null;
  #rendered = null;
  #eventRange = null;
  #axis = null; // the time axis drawn, if any
  #selected = null; // { type, name } of the entity picked in the list, kept across analyses
  #opener = null; // the mark whose popover is open
  #noticeTimer = 0;
  #exports = [];
  #parts;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    this.#parts = {
      status: el('div', { className: 'status', text: 'Loading…', attrs: { role: 'status', 'aria-live': 'polite', part: 'status', id: 'status' } }),
      notice: el('div', { className: 'notice', attrs: { role: 'status', 'aria-live': 'polite', part: 'notice', id: 'notice' } }),
      toolbar: el('div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Export', part: 'toolbar' } }),
      legend: el('ul', { className: 'legend', attrs: { 'aria-label': 'Types shown (press to hide or show)' } }),
      text: el('div', { className: 'text', attrs: { part: 'text', id: 'highlighted', tabindex: '0', 'aria-label': 'Highlighted text', 'aria-describedby': 'text-help' } }),
      entities: el('div', { className: 'entities', attrs: { part: 'entities', id: 'entities' } }),
      dates: el('div', { className: 'dates', attrs: { id: 'dates' } }),
      datesPanel: el('details', { className: 'dates-panel', attrs: { part: 'dates' } }),
      timeline: el('ol', { className: 'timeline', attrs: { part: 'timeline', id: 'timeline', 'aria-label': 'Dated events' } }),
      axis: el('div', { className: 'axis', attrs: { part: 'axis', id: 'axis', hidden: '' } }),
      corrections: el('div', { className: 'corrections', attrs: { role: 'group', 'aria-label': 'Corrections', part: 'corrections', hidden: '' } }),
      popover: el('div', { className: 'explain', attrs: { popover: 'auto', role: 'dialog', 'aria-label': 'About this highlight', part: 'popover', tabindex: '-1' } }),
    };
    const p = this.#parts;
    this.#exports = this.#exportButtons();
    fill(p.toolbar, this.#exports);
    fill(p.datesPanel, [el('summary', { text: 'Dates and times' }), p.dates]);
    p.datesPanel.addEventListener('toggle', () => { if (p.datesPanel.open && this.#analysis) renderDates(p.dates, this.#analysis); });
    const labels = el('button', { text: 'Labels', className: 'labels-toggle', attrs: { type: 'button', 'aria-pressed': 'false', title: 'Show each highlight\'s type after it' } });
    labels.addEventListener('click', () => this.toggleAttribute('labels', labels.getAttribute('aria-pressed') !== 'true'));
    p.labels = labels;
    p.sections = {
      text: el('section', { attrs: { 'aria-label': 'Text' } }, [
        el('h2', { text: 'Text' }), el('div', { className: 'legend-row' }, [p.legend, labels]),
        el('p', { className: 'help', text: 'Click a highlight, or move between them with the arrow keys and press Enter, to see what it is.', attrs: { id: 'text-help' } }),
        p.text,
      ]),
      entities: el('section', { attrs: { 'aria-label': 'Entities' } }, [el('h2', { text: 'Entities' }), p.entities]),
      dates: el('section', { attrs: { 'aria-label': 'Dates' } }, [el('h2', { text: 'Dates' }), p.datesPanel]),
      timeline: el('section', { attrs: { 'aria-label': 'Timeline' } }, [el('h2', { text: 'Timeline' }), p.axis, p.timeline]),
    };
    const undo = el('button', { text: 'Undo', attrs: { type: 'button', 'aria-label': 'Undo the last correction' } });
    undo.addEventListener('click', () => this.#setCorrections(this.#corrections.slice(0, -1)));
    const undoAll = el('button', { text: 'Undo all', attrs: { type: 'button', 'aria-label': 'Undo every correction' } });
    undoAll.addEventListener('click', () => this.#setCorrections([]));
    fill(p.corrections, [el('span', { className: 'count' }), undo, undoAll]);
    fill(root, [p.status, p.toolbar, p.corrections, p.notice, ...VIEWS.map((v) => p.sections[v]), p.popover]);
    this.#applyViews();
    this.#setExportsEnabled(false);
    p.text.addEventListener('click', (event) => {
      const mark = event.target.closest('mark, span.ignored');
      if (mark) this.#explain(mark);
    });
    p.text.addEventListener('keydown', (event) => this.#textKey(event));
    // Focus goes back to the highlight when the popover closes with it inside (Escape) or lost;
    // the toggle event comes while the hidden popover's button still holds it.
    // Tabbing out of the popover closes it, rather than leaving it open over what has focus.
    p.popover.addEventListener('focusout', (event) => {
      if (event.relatedTarget && !p.popover.contains(event.relatedTarget)) p.popover.hidePopover();
    });
    p.popover.addEventListener('toggle', (event) => {
      const active = this.shadowRoot.activeElement;
      const lost = active === null || p.popover.contains(active);
      if (event.newState === 'closed' && this.#opener?.isConnected && lost) this.#opener.focus();
    });
  }

  connectedCallback() {
    this.#observer = new MutationObserver(() => { if (this.#text === null) this.#schedule(); });
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    clearAxis(this.#parts.axis);
    this.#showEvent(null);
  }

  attributeChangedCallback(name, before, after) {
    if (name === 'views' || name === 'labels') this.#applyViews();
    if (before === after || !this.isConnected || name === 'views' || name === 'labels') return;
    if (name === 'types') this.#render();
    else this.#schedule();
  }

  /** The text analysed: the `text` property if set, else the light-DOM text as a reader sees it. */
  get text() { return this.#text ?? lightText(this); }
  set text(value) { this.#text = value == null ? null : String(value); this.#schedule(); }

  get referenceDate() { return this.getAttribute('reference-date') ?? ''; }
  set referenceDate(value) { this.#setOrRemove('reference-date', value); }

  get today() { return this.getAttribute('today') ?? ''; }
  set today(value) { this.#setOrRemove('today', value); }

  /** The types shown (all unless the `types` attribute lists some). */
  get types() {
    const listed = (this.getAttribute('types') ?? '').toUpperCase().split(/[\s,]+/).filter((t) => TYPES.includes(t));
    return listed.length ? listed : [...TYPES];
  }
  set types(list) { this.#setOrRemove('types', Array.isArray(list) ? list.join(' ') : list); }

  /** The views shown (all unless the `views` attribute lists some): text, entities, dates, timeline. */
  get views() {
    const listed = (this.getAttribute('views') ?? '').toLowerCase().split(/[\s,]+/).filter((v) => VIEWS.includes(v));
    return listed.length ? listed : [...VIEWS];
  }
  set views(list) { this.#setOrRemove('views', Array.isArray(list) ? list.join(' ') : list); }

  get analysis() { return this.#analysis; }

  /** Analyses the current text now; resolves to the analysis (null if it failed or was overtaken). */
  async refresh() {
    const text = this.text;
    const request = ++this.#request;
    const progress = setTimeout(() => this.#status(`Analysing ${(text.length / 1e6).toFixed(1)} million characters…`, 'busy'), SHOW_PROGRESS_AFTER_MS);
    const answer = await analyse(text, this.#options(), this);
    clearTimeout(progress);
    if (request !== this.#request || answer.superseded) return null; // newer text is on its way
    if (text.length > RENDER_IN_OWN_TASK_CHARS) {
      // The worker's answer for a long text takes its task to receive (a 10 MB paste: ~140 ms of
      // structured clone); drawing it is a task of its own, so that neither holds the page long.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (request !== this.#request) return null;
    }
    if (answer.error) {
      this.#status(`Could not analyse: ${answer.error}`, 'error');
      this.dispatchEvent(new CustomEvent('analysis-error', { bubbles: true, composed: true, detail: { message: answer.error } }));
      return null;
    }
    this.#raw = answer.result;
    this.#analysedText = text;
    this.#analysedMs = answer.ms;
    this.#analysis = this.#corrected();
    this.#render();
    this.#setExportsEnabled(text.trim() !== '');
    this.#status(this.#summary(), '');
    this.dispatchEvent(new CustomEvent('analysis', { bubbles: true, composed: true, detail: this.#analysis }));
    return this.#analysis;
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.refresh();
    });
  }

  #options() {
    return { referenceDate: this.referenceDate || undefined, today: this.today || localToday() };
  }

  #setOrRemove(name, value) {
    if (value) this.setAttribute(name, value);
    else this.removeAttribute(name);
  }

  /** The status line for the analysis shown: its counts and article date, or that there is no
   * text yet. */
  #summary() {
    if (this.#analysedText.trim() === '') return 'No text to analyse yet.';
    return summary(this.#analysis, this.#analysedMs);
  }

  #status(message, className) {
    this.#parts.status.textContent = message;
    this.#parts.status.className = `status ${className}`;
  }

  #render() {
    const result = this.#analysis;
    if (!result) return;
    const visible = new Set(this.types);
    const p = this.#parts;
    this.#showEvent(null);
    if (p.popover.matches(':popover-open')) p.popover.hidePopover();
    renderLegend(p.legend, result, visible, (type) => this.#toggleType(type));
    this.#rendered = renderText(p.text, this.#analysedText, result, visible);
    renderEntities(p.entities, result, visible, (id, button) => this.#toggleEntity(id, button));
    if (p.datesPanel.open) renderDates(p.dates, result);
    renderTimeline(p.timeline, result, visible, (event, button) => this.#toggleEvent(event, button));
    // The axis once the analysis is on screen: it is below the fold on most screens.
    this.#axis = null;
    clearAxis(p.axis);
    afterFrame(() => {
      if (this.#analysis !== result || !this.views.includes('timeline')) return;
      this.#axis = renderAxis(p.axis, result.timeline, (index) => {
        const button = p.timeline.querySelector(`button.event[data-index="${index}"]`);
        if (button && button.getAttribute('aria-pressed') !== 'true') this.#toggleEvent(result.timeline[index], button);
      });
    });
    this.#reselect();
    const n = this.#corrections.length;
    p.corrections.hidden = n === 0;
    const skipped = n - this.#applied;
    p.corrections.querySelector('.count').textContent = `${n} correction${n === 1 ? '' : 's'}${skipped ? `, ${skipped} not found in this text` : ''} `;
  }

  /** Shows or hides one type (the `types` attribute follows); the last type shown stays. */
  #toggleType(type) {
    const shown = new Set(this.types);
    if (shown.has(type)) shown.delete(type); else shown.add(type);
    if (shown.size === 0) return;
    if (shown.size === TYPES.length) this.removeAttribute('types');
    else this.types = TYPES.filter((t) => shown.has(t));
    // The legend was drawn again: keep the focus on the same toggle.
    this.shadowRoot.querySelector(`.legend button[data-type="${type}"]`)?.focus();
  }

  /** Picks again, in a new analysis, the entity picked in the last one (by its type and a name). */
  #reselect() {
    const picked = this.#selected;
    if (!picked) return;
    const entity = this.#analysis.entities.find((e) => e.type === picked.type && (e.name === picked.name || e.aliases.includes(picked.name)));
    const button = entity && this.shadowRoot.querySelector(`.entities button[data-entity="${entity.id}"]`);
    if (button) this.#toggleEntity(entity.id, button, { scroll: false });
    else this.#selected = null;
  }

  /** Opens the popover that explains `mark` (a highlight of the text). */
  #explain(mark) {
    const span = this.#rendered?.spanOf(mark);
    if (!span) return;
    const p = this.#parts;
    // The highlight takes focus back when the popover closes, as the arrow keys' one does.
    for (const other of p.text.querySelectorAll('[tabindex="-1"]')) if (other !== mark) other.removeAttribute('tabindex');
    mark.tabIndex = -1;
    this.#opener = mark;
    fill(p.popover, explanation(this.#analysis, span, (id) => {
      p.popover.hidePopover();
      const button = this.shadowRoot.querySelector(`.entities button[data-entity="${id}"]`);
      if (button && button.getAttribute('aria-pressed') !== 'true') this.#toggleEntity(id, button);
      button?.focus();
    }, (correction) => {
      p.popover.hidePopover();
      this.#setCorrections([...this.#corrections, correction]);
      this.#parts.text.focus();
    }));
    if (!p.popover.matches(':popover-open')) p.popover.showPopover();
    const box = mark.getBoundingClientRect();
    const width = p.popover.offsetWidth;
    const height = p.popover.offsetHeight;
    const below = box.bottom + 6 + height <= innerHeight;
    p.popover.style.left = `${Math.max(4, Math.min(box.left, innerWidth - width - 4))}px`;
    p.popover.style.top = `${below ? box.bottom + 6 : Math.max(4, box.top - height - 6)}px`;
    (p.popover.querySelector('button') ?? p.popover).focus();
  }

  /** Arrow keys move between the highlights of the text, Enter or Space explains one. */
  #textKey(event) {
    const current = event.target.closest?.('mark, span.ignored');
    if ((event.key === 'Enter' || event.key === ' ') && current) {
      event.preventDefault();
      this.#explain(current);
      return;
    }
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const marks = [...this.#parts.text.querySelectorAll('mark, span.ignored')];
    if (marks.length === 0) return;
    const from = current ? marks.indexOf(current) : -1;
    const next = marks[Math.max(0, Math.min(marks.length - 1, from < 0 ? 0 : from + step))];
    event.preventDefault();
    current?.removeAttribute('tabindex');
    next.tabIndex = -1;
    next.focus();
  }

  /** The corrections: kept in memory for this page only, applied again to each new analysis. */
  get corrections() { return structuredClone(this.#corrections); }

  /** Forgets every correction (a new article): the analysis as found. */
  clearCorrections() { this.#setCorrections([], { announce: false }); }

  #corrected() {
    if (!this.#raw) return null;
    const { analysis, applied } = applyAll(this.#raw, this.#corrections);
    this.#applied = applied;
    return analysis;
  }

  #setCorrections(list, { announce = true } = {}) {
    const had = this.#corrections.length;
    this.#corrections = list;
    if (!this.#raw || (had === 0 && list.length === 0)) return;
    this.#analysis = this.#corrected();
    this.#render();
    this.#status(this.#summary(), '');
    const n = list.length;
    // A new article forgets the corrections quietly, and the notice about them too.
    if (!announce) this.#notice('', '');
    else this.#notice(n ? `${n} correction${n === 1 ? '' : 's'}; the highlights, lists, timeline and exports follow.` : 'No corrections: the analysis as found.', '');
    this.dispatchEvent(new CustomEvent('analysis', { bubbles: true, composed: true, detail: this.#analysis }));
  }

  #applyViews() {
    const shown = new Set(this.views);
    for (const view of VIEWS) this.#parts.sections[view].hidden = !shown.has(view);
    this.#parts.labels.setAttribute('aria-pressed', String(this.hasAttribute('labels')));
  }

  #setExportsEnabled(enabled) {
    for (const b of this.#exports) if (b.dataset.export !== 'print') b.disabled = !enabled;
  }

  /** A short-lived message beside the status line, which keeps the article-date note. */
  #notice(message, className) {
    clearTimeout(this.#noticeTimer);
    this.#parts.notice.textContent = message;
    this.#parts.notice.className = `notice ${className}`;
    this.#noticeTimer = setTimeout(() => { this.#parts.notice.textContent = ''; }, NOTICE_MS);
  }

  /** Presses `button` and releases the other pressed `group` buttons, or releases `button` if
   * it was pressed: one selection per list. Returns whether it is pressed now. */
  #pressAlone(group, button) {
    const wasPressed = button.getAttribute('aria-pressed') === 'true';
    for (const b of this.shadowRoot.querySelectorAll(`${group} button[aria-pressed="true"]`)) b.setAttribute('aria-pressed', 'false');
    if (!wasPressed) button.setAttribute('aria-pressed', 'true');
    return !wasPressed;
  }

  #toggleEntity(id, button, { scroll = true } = {}) {
    const root = this.shadowRoot;
    for (const m of root.querySelectorAll('.text mark.selected')) m.classList.remove('selected');
    if (!this.#pressAlone('.entities', button)) {
      this.#selected = null;
      return;
    }
    const entity = this.#analysis?.entities.find((e) => e.id === Number(id));
    this.#selected = entity ? { type: entity.type, name: entity.name } : null;
    this.#rendered?.markAll();
    const marks = root.querySelectorAll(`.text mark[data-entity="${Number(id)}"]`);
    for (const m of marks) m.classList.add('selected');
    if (scroll) marks[0]?.scrollIntoView({ block: 'nearest' });
  }

  #toggleEvent(event, button) {
    const pressed = this.#pressAlone('.timeline', button);
    this.#showEvent(pressed ? event : null);
    if (pressed) this.#axis?.select(Number(button.dataset.index));
  }

  /** Paints the event's sentence in the text and scrolls it into view; null clears. */
  #showEvent(event) {
    if (this.#eventRange) eventHighlight?.delete(this.#eventRange);
    this.#eventRange = null;
    if (!event || !this.#rendered) return;
    const range = rangeOf(this.#rendered, event.start, event.end);
    this.#eventRange = range;
    eventHighlight?.add(range);
    const box = this.#parts.text;
    box.scrollTop += range.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
    // The page too, so that the sentence is on screen wherever the text box is.
    const top = range.getBoundingClientRect().top;
    if (top < 0 || top > innerHeight - 40) box.scrollIntoView({ block: 'nearest' });
  }

  #exportButtons() {
    const exports = [
      ['JSON', 'analysis.json', 'application/json', (r, t) => analysisJSON(r, t)],
      ['Entities CSV', 'entities.csv', 'text/csv', (r) => entitiesCSV(r)],
      ['Timeline CSV', 'timeline.csv', 'text/csv', (r) => timelineCSV(r)],
      ['TimelineJS', 'timelinejs.json', 'application/json', (r) => timelineJS(r, this.#title())],
    ];
    const buttons = exports.map(([label, file, type, make]) => button(`Download ${label}`, label, () => {
      if (this.#analysis) download(`${this.#filePrefix()}${file}`, type, make(this.#analysis, this.#analysedText));
    }));
    buttons.push(button('Copy JSON of the analysis', 'Copy JSON', () => this.#copy()));
    const print = button('Print the text, entities and timeline', 'Print', () => window.print());
    print.dataset.export = 'print';
    buttons.push(print);
    return buttons;
  }

  async #copy() {
    if (!this.#analysis) return;
    try {
      await navigator.clipboard.writeText(analysisJSON(this.#analysis, this.#analysedText));
      this.#notice('The analysis is on the clipboard as JSON.', '');
    } catch (error) {
      this.#notice(`Could not copy (${error.message}); use Download JSON instead.`, 'error');
    }
  }

  #title() {
    const firstLine = this.#analysedText.trim().split('\n', 1)[0] ?? '';
    return firstLine.length > 120 ? `${firstLine.slice(0, 117)}…` : firstLine || 'Timeline';
  }

  #filePrefix() {
    const date = this.#analysis?.reference_date?.value;
    return date ? `dateline-${date}-` : 'dateline-';
  }
}

function button(label, text, onClick) {
  const node = el('button', { text, attrs: { type: 'button', 'aria-label': label } });
  node.addEventListener('click', onClick);
  return node;
}

function summary(result, ms) {
  return `${result.entities.length} entities, ${result.dates.length} time expressions, ${result.timeline.length} events in ${ms.toFixed(1)} ms. ${articleDateNote(result)}`;
}

/** Saves `content` as a file, through a blob URL: nothing leaves the browser. */
function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const link = el('a', { attrs: { href: url, download: name } });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The light-DOM text as a reader of the no-JS fallback sees it: white space collapsed as HTML
 * collapses it (kept inside <pre>), blocks and <br> on lines of their own, scripts and styles left out.
 */
export function lightText(element) {
  const lines = [''];
  const walk = (node, pre) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = pre ? child.data : child.data.replace(/\s+/g, ' ');
        const parts = text.split('\n');
        lines[lines.length - 1] += parts[0];
        for (const part of parts.slice(1)) lines.push(part);
      } else if (child.nodeType === Node.ELEMENT_NODE && !SKIPPED.has(child.tagName)) {
        if (child.tagName === 'BR') { lines.push(''); continue; }
        const block = BLOCKS.has(child.tagName);
        if (block) lines.push('');
        walk(child, pre || child.tagName === 'PRE');
        if (block) lines.push('');
      }
    }
  };
  walk(element, false);
  return lines.map((l) => l.trim()).filter((l, i, all) => l || (i > 0 && all[i - 1])).join('\n').trim();
}

NewsEntities.define();
