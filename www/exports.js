// What an analysis can be exported as: JSON, CSV (entities, timeline) and TimelineJS JSON.
// Pure functions of the analysis, no DOM: tested under Node (tests/unit/exports.test.mjs).
import { isoWeek, isoWeekMonday, valueInWords } from './describe.js';

/** The analysis as indented JSON, with the text it came from so that offsets stay meaningful. */
export function analysisJSON(result, text) {
  return `${JSON.stringify({ text, ...result }, null, 2)}\n`;
}

/** One row per entity: id, type, name, aliases (joined by "; "), count. */
export function entitiesCSV(result) {
  const rows = result.entities.map((e) => [e.id, e.type, e.name, e.aliases.join('; '), e.count]);
  return csv([['id', 'type', 'name', 'aliases', 'count'], ...rows]);
}

/** One row per dated event: date, inferred, participants (names joined by "; "), sentence, offsets. */
export function timelineCSV(result) {
  const names = entityNames(result);
  const rows = result.timeline.map((e) => [
    e.date, e.inferred ? 'yes' : 'no', e.entities.map((id) => names.get(id)).join('; '), e.text, e.start, e.end,
  ]);
  return csv([['date', 'inferred', 'participants', 'text', 'start', 'end'], ...rows]);
}

/**
 * The timeline in TimelineJS3's JSON format (https://timeline.knightlab.com/docs/json-format.html).
 * TimelineJS renders `headline` and `text` as HTML, so the article's words are escaped here:
 * an exported timeline must not become a way to run someone's markup.
 */
export function timelineJS(result, title = 'Timeline') {
  const names = entityNames(result);
  const events = result.timeline.map((e) => {
    const participants = e.entities.map((id) => names.get(id));
    return {
      start_date: {
        ...timelineJSDate(e.date),
        ...(e.inferred ? { display_date: `${e.date} (inferred)` } : {}),
      },
      text: {
        headline: escapeHTML(participants.slice(0, 3).join(', ') || e.date),
        text: escapeHTML(e.text),
      },
      ...(e.inferred ? { group: 'inferred' } : {}),
    };
  });
  return `${JSON.stringify({ title: { text: { headline: escapeHTML(title) } }, events }, null, 2)}\n`;
}

/** "2023", "2023-05", "2023-05-19" or "2023-W20" as TimelineJS's date object (strings, as its
 * docs show); a week is its Monday, shown as the week. */
function timelineJSDate(date) {
  const week = isoWeek(date);
  if (week) {
    const monday = isoWeekMonday(week.year, week.week).toISOString().slice(0, 10);
    return { ...timelineJSDate(monday), display_date: valueInWords(date) };
  }
  const [year, month, day] = date.split('-');
  return { year, ...(month ? { month: String(Number(month)) } : {}), ...(day ? { day: String(Number(day)) } : {}) };
}

function entityNames(result) {
  return new Map(result.entities.map((e) => [e.id, e.name]));
}

/** RFC 4180 CSV with CRLF line ends. */
export function csv(rows) {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * One CSV field. A cell that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return
 * first) gets a leading apostrophe: pasted articles are untrusted text (OWASP "CSV injection").
 */
export function csvCell(value) {
  if (typeof value === 'number') return String(value);
  let text = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function escapeHTML(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
