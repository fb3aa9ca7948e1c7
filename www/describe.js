// What the analysis's codes mean, in words: entity and time types, and TIMEX3 values
// ("2023-05-19" is "Friday 19 May 2023"). For people reading a highlight, never parsed back.

export const TYPE_WORDS = {
  PERSON: 'Person', ORG: 'Organisation', GPE: 'Country, city or state', LOC: 'Place',
  FAC: 'Facility (a building, airport, road or bridge)', NORP: 'Nationality, religious or political group',
  EVENT: 'Named event', DATE: 'Date', TIME: 'Time of day', DURATION: 'Duration', SET: 'Recurring time',
};

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SEASONS = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const PARTS_OF_DAY = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const UNITS = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', MI: 'minute', S: 'second', DE: 'decade', CE: 'century' };
const REFERENCES = { PRESENT_REF: 'now', PAST_REF: 'some time in the past', FUTURE_REF: 'some time in the future' };

/** A UTC date, years 0-99 included (Date.UTC reads them as 1900-1999). */
export function utcDate(year, monthIndex, day) {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** An ISO week value, "2023-W20", as { year, week }; null for anything else. */
export function isoWeek(value) {
  const m = /^(\d{4})-W(\d{2})$/.exec(value);
  return m ? { year: Number(m[1]), week: Number(m[2]) } : null;
}

/** The Monday (a UTC date) of ISO week `week` of ISO year `year`: week 1 holds 4 January. */
export function isoWeekMonday(year, week) {
  const fourth = utcDate(year, 0, 4);
  return utcDate(year, 0, 4 - ((fourth.getUTCDay() + 6) % 7) + 7 * (week - 1));
}

function ordinal(n) {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** "Friday 19 May 2023"; "19 May (year not known)" for XXXX. */
function day(year, month, date) {
  const monthName = MONTHS[month - 1];
  if (year === 'XXXX') return `${date} ${monthName} (year not known)`;
  const weekday = WEEKDAYS[utcDate(Number(year), month - 1, date).getUTCDay()];
  return `${weekday} ${date} ${monthName} ${Number(year)}`;
}

function zoneWords(zone) {
  if (!zone) return '';
  return zone === 'Z' ? ' UTC' : ` (UTC${zone})`;
}

/** "31 years", "a week", "years" (a number not stated), "1.5 hours". */
function durationWords(body, time) {
  const parts = [...body.matchAll(/(X|\d+(?:\.\d+)?)([A-Z]{1,2})/g)];
  if (parts.length === 0) return null;
  const words = parts.map(([, count, unit]) => {
    const name = UNITS[time && unit === 'M' ? 'MI' : unit];
    if (!name) return null;
    if (count === 'X') return `${name}s`;
    return count === '1' ? `a ${name}` : `${count} ${name}s`;
  });
  return words.includes(null) ? null : words.join(' ');
}

/** A TIMEX3 value (of a time expression of `type`) in words; the value itself when not known. */
export function valueInWords(value, type = 'DATE') {
  if (REFERENCES[value]) return REFERENCES[value];
  let m;
  if ((m = /^P(T?)(.+)$/.exec(value))) {
    const words = durationWords(m[2].replace('T', ''), m[1] === 'T');
    if (!words) return value;
    return type === 'SET' ? `every ${words.replace(/^a /, '')}` : words;
  }
  if ((m = /^(\d{4}|XXXX)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:T(\d{2}):(\d{2})(Z|[+-]\d{2}:?\d{2})?|T([A-Z]{2}))?$/.exec(value))) {
    const [, year, month, date, hour, minute, zone, part] = m;
    const base = day(year, Number(month), Number(date));
    if (hour) return `${base}, ${hour}:${minute}${zoneWords(zone)}`;
    if (part) return `${base}, ${PARTS_OF_DAY[part] ?? part}`;
    return base;
  }
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value))) return `${MONTHS[Number(m[2]) - 1]} ${Number(m[1])}`;
  const week = isoWeek(value);
  if (week) return `week ${week.week} of ${week.year}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return `the ${ordinal(Number(m[2]))} quarter of ${Number(m[1])}`;
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${SEASONS[m[2]]} ${Number(m[1])}`;
  if ((m = /^(\d{4})$/.exec(value))) return String(Number(m[1]));
  if ((m = /^(\d{3})$/.exec(value))) return `the ${m[1]}0s`;
  if ((m = /^(\d{2})$/.exec(value))) return `the ${ordinal(Number(m[1]) + 1)} century`;
  // Relative dates with no article date to resolve them against.
  if ((m = /^XXXX-WXX-([1-7])$/.exec(value))) return `a ${WEEKDAYS[Number(m[1]) % 7]} (${UNRESOLVED})`;
  if ((m = /^XXXX-(0[1-9]|1[0-2])$/.exec(value))) return `${MONTHS[Number(m[1]) - 1]} (year not known)`;
  if ((m = /^XXXX-Q([1-4])$/.exec(value))) return `the ${ordinal(Number(m[1]))} quarter (year not known)`;
  if ((m = /^XXXX-(SP|SU|FA|WI)$/.exec(value))) return `${SEASONS[m[1]]} (year not known)`;
  if ((m = /^XXXX-XX-XXT(\d{2}):(\d{2})(Z|[+-]\d{2}:?\d{2})?$/.exec(value))) {
    return `${m[1]}:${m[2]}${zoneWords(m[3])} on a day (${UNRESOLVED})`;
  }
  const unit = { XXXX: 'a year', 'XXXX-XX': 'a month', 'XXXX-WXX': 'a week', 'XXXX-XX-XX': 'a day' }[value];
  if (unit) return `${unit} (${UNRESOLVED})`;
  return value;
}

/** What a relative date lacks when the article gives no date of its own. */
const UNRESOLVED = 'which one needs the article date';
