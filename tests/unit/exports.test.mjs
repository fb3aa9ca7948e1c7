// The export formats, on a real analysis from the built package (www/pkg) and on edge cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, analyse } from '../../www/pkg/dateline.js';
import { analysisJSON, entitiesCSV, timelineCSV, timelineJS, csvCell } from '../../www/exports.js';

initSync({ module: readFileSync(new URL('../../www/pkg/dateline_bg.wasm', import.meta.url)) });
const ARTICLE = readFileSync(new URL('../golden/xinhua-kyrgyzstan.txt', import.meta.url), 'utf8');
const result = analyse(ARTICLE, { referenceDate: '2023-05-20' });

/** Splits RFC 4180 CSV into rows of fields (quoted fields may hold commas, quotes and newlines). */
function parseCSV(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { rows.at(-1).push(field); field = ''; rows.push([]); i++; } else field += c;
  }
  rows.pop(); // the empty row after the final CRLF
  return rows;
}

test('the JSON export carries the text and the whole analysis', () => {
  const parsed = JSON.parse(analysisJSON(result, ARTICLE));
  assert.equal(parsed.text, ARTICLE);
  assert.deepEqual(parsed.entities, result.entities);
  const mention = parsed.mentions[0];
  assert.equal(parsed.text.slice(mention.start, mention.end), mention.text, 'offsets still point into the text');
});

test('the entities CSV has one row per entity, aliases joined', () => {
  const rows = parseCSV(entitiesCSV(result));
  assert.deepEqual(rows[0], ['id', 'type', 'name', 'aliases', 'count']);
  assert.equal(rows.length, result.entities.length + 1);
  const president = rows.find((r) => r[2] === 'Sadir Japarov');
  assert.deepEqual(president.slice(1), ['PERSON', 'Sadir Japarov', 'Zaparov; Caparov', '4']);
});

test('the timeline CSV keeps sentences with commas and quotes intact', () => {
  const rows = parseCSV(timelineCSV(result));
  assert.deepEqual(rows[0], ['date', 'inferred', 'participants', 'text', 'start', 'end']);
  assert.deepEqual(rows.slice(1).map((r) => r[0]), result.timeline.map((e) => e.date));
  const inferred = rows.find((r) => r[1] === 'yes');
  assert.equal(inferred[0], '1992');
  for (const [i, row] of rows.slice(1).entries()) assert.equal(row[3], result.timeline[i].text);
});

test('a cell a spreadsheet would run as a formula is defused', () => {
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvCell('+1 555'), "'+1 555");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('-2'), "'-2");
  assert.equal(csvCell(-2), '-2', 'numbers we write ourselves are left alone');
  assert.equal(csvCell('a\nb'), '"a\nb"');
  assert.equal(csvCell('Li Qiang'), 'Li Qiang');
});

test('the TimelineJS export has its date objects and escapes the article', () => {
  const hostile = { ...result, timeline: [{ date: '2023-05', text: '<img src=x onerror=alert(1)> & "more"', entities: [], start: 0, end: 1, inferred: false }] };
  const doc = JSON.parse(timelineJS(hostile, 'Talks <b>'));
  assert.equal(doc.title.text.headline, 'Talks &#60;b&#62;');
  assert.deepEqual(doc.events[0].start_date, { year: '2023', month: '5' });
  assert.equal(doc.events[0].text.text, '&#60;img src=x onerror=alert(1)&#62; &#38; &#34;more&#34;');

  const real = JSON.parse(timelineJS(result));
  assert.equal(real.events.length, result.timeline.length);
  const day = real.events.find((e) => e.start_date.day);
  assert.deepEqual(day.start_date, { year: '2023', month: '5', day: '18' });
  const inferred = real.events.find((e) => e.group === 'inferred');
  assert.equal(inferred.start_date.display_date, '1992 (inferred)');
});

test('a week on the timeline is its Monday in TimelineJS, shown as the week', () => {
  const weeks = { ...result, timeline: [
    { date: '2024-W27', text: 'Parliament will vote next week.', entities: [], start: 0, end: 1, inferred: false },
    { date: '2025-W01', text: 'Talks resume.', entities: [], start: 2, end: 3, inferred: false },
  ] };
  const doc = JSON.parse(timelineJS(weeks));
  assert.deepEqual(doc.events[0].start_date, { year: '2024', month: '7', day: '1', display_date: 'week 27 of 2024' });
  // ISO week 1 of 2025 begins on Monday 30 December 2024.
  assert.deepEqual(doc.events[1].start_date, { year: '2024', month: '12', day: '30', display_date: 'week 1 of 2025' });
});
