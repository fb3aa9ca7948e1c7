// TIMEX3 values and types in words (www/describe.js), as the popover and the dates panel show them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valueInWords, TYPE_WORDS, isoWeekMonday } from '../../www/describe.js';

const CASES = [
  // [value, type, words]
  ['2023-05-19', 'DATE', 'Friday 19 May 2023'],
  ['2024-02-29', 'DATE', 'Thursday 29 February 2024'],
  ['XXXX-05-19', 'DATE', '19 May (year not known)'],
  ['XXXX-WXX-5', 'DATE', 'a Friday (which one needs the article date)'],
  ['XXXX-WXX-7', 'DATE', 'a Sunday (which one needs the article date)'],
  ['XXXX-WXX', 'DATE', 'a week (which one needs the article date)'],
  ['XXXX', 'DATE', 'a year (which one needs the article date)'],
  ['XXXX-05', 'DATE', 'May (year not known)'],
  ['XXXX-Q2', 'DATE', 'the 2nd quarter (year not known)'],
  ['XXXX-WI', 'DATE', 'winter (year not known)'],
  ['XXXX-XX-XXT15:00', 'TIME', '15:00 on a day (which one needs the article date)'],
  ['2023-05', 'DATE', 'May 2023'],
  ['2023', 'DATE', '2023'],
  ['0950', 'DATE', '950'],
  ['2023-W20', 'DATE', 'week 20 of 2023'],
  ['2023-Q3', 'DATE', 'the 3rd quarter of 2023'],
  ['2019-SU', 'DATE', 'summer 2019'],
  ['199', 'DATE', 'the 1990s'],
  ['18', 'DATE', 'the 19th century'],
  ['20', 'DATE', 'the 21st century'],
  ['2024-03-12T15:00Z', 'TIME', 'Tuesday 12 March 2024, 15:00 UTC'],
  ['2024-03-12T09:00-05:00', 'TIME', 'Tuesday 12 March 2024, 09:00 (UTC-05:00)'],
  ['2024-03-11TNI', 'TIME', 'Monday 11 March 2024, night'],
  ['P31Y', 'DURATION', '31 years'],
  ['P1W', 'DURATION', 'a week'],
  ['PT48H', 'DURATION', '48 hours'],
  ['PT30M', 'DURATION', '30 minutes'],
  ['P3M', 'DURATION', '3 months'],
  ['PXY', 'DURATION', 'years'],
  ['P1W', 'SET', 'every week'],
  ['P2Y', 'SET', 'every 2 years'],
  ['PRESENT_REF', 'DATE', 'now'],
  ['PAST_REF', 'DATE', 'some time in the past'],
  // Not a value we know: shown as it is, never guessed.
  ['2023-13', 'DATE', '2023-13'],
  ['P', 'DURATION', 'P'],
  ['next Friday', 'DATE', 'next Friday'],
];

test('TIMEX3 values read in words', () => {
  for (const [value, type, words] of CASES) assert.equal(valueInWords(value, type), words, `${value} (${type})`);
});

test('every type the analysis gives has words', () => {
  for (const type of ['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'DATE', 'TIME', 'DURATION', 'SET']) {
    assert.ok(TYPE_WORDS[type], type);
  }
});

test('an ISO week begins on the Monday of the week that holds 4 January', () => {
  const monday = (year, week) => isoWeekMonday(year, week).toISOString().slice(0, 10);
  assert.equal(monday(2024, 1), '2024-01-01');
  assert.equal(monday(2024, 27), '2024-07-01');
  assert.equal(monday(2025, 1), '2024-12-30');
  assert.equal(monday(2021, 1), '2021-01-04');
  assert.equal(monday(2020, 53), '2020-12-28');
});
