// The dates panel: the article's date and where it came from, then every date, time, duration
// and recurring time with its value, grouped by kind. Built when first opened (a long paste has
// tens of thousands of time expressions), and again on each analysis while open.
import { el, fill } from './render.js';
import { valueInWords } from './describe.js';

const KINDS = ['DATE', 'TIME', 'DURATION', 'SET'];
const PLURAL = { DATE: 'Dates', TIME: 'Times of day', DURATION: 'Durations', SET: 'Recurring times' };

export function articleDateNote(result) {
  const ref = result.reference_date;
  if (!ref) return 'No article date found: relative dates are left unresolved; give one.';
  return `Article date ${ref.value} (from the ${ref.source}): ${valueInWords(ref.value)}.`;
}

/** Fills `container` (inside a <details>) with the panel for `result`. */
export function renderDates(container, result) {
  const groups = KINDS.map((kind) => {
    const dates = result.dates.filter((d) => d.type === kind);
    if (dates.length === 0) return null;
    const rows = dates.map((d) => el('tr', {}, [
      el('td', { text: d.text }),
      el('td', { text: valueInWords(d.value, d.type) }),
      el('td', {}, [el('code', { text: d.value })]),
    ]));
    return el('table', {}, [
      el('caption', { text: `${PLURAL[kind]} (${dates.length})` }),
      el('thead', {}, [el('tr', {}, [
        el('th', { text: 'In the text', attrs: { scope: 'col' } }),
        el('th', { text: 'Meaning', attrs: { scope: 'col' } }),
        el('th', { text: 'TIMEX3', attrs: { scope: 'col' } }),
      ])]),
      el('tbody', {}, rows),
    ]);
  }).filter(Boolean);
  fill(container, [
    el('p', { className: 'article-date', text: articleDateNote(result) }),
    ...(groups.length ? groups : [el('p', { text: 'No dates or times found.' })]),
  ]);
}

