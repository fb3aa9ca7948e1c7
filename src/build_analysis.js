// Builds the JSON contract's objects (see src/analysis.rs) from the flat form src/wasm.rs hands
// out: one array of numbers and one string, instead of a boundary crossing per field and a text
// decoding per string. The text of a mention or a time expression is the article's own slice,
// taken here from the string the caller passed.
//
// `numbers` is read in order; a string is its length in UTF-16 units there and its characters
// next in `strings`; a word (a type, a role, a reason) is its index among the words read before,
// or NEW_WORD and then the word as a string; a list is its length, then its items; NONE stands
// for null. Plain loops and object literals of one shape each: this runs for every analysis.
const NONE = 0xffffffff;
const NEW_WORD = 0xfffffffe;

class Reader {
  constructor(numbers, strings) {
    this.numbers = numbers;
    this.strings = strings;
    this.n = 0;
    this.s = 0;
    this.words = [];
  }

  number() {
    return this.numbers[this.n++];
  }

  string() {
    const start = this.s;
    this.s += this.numbers[this.n++];
    return this.strings.slice(start, this.s);
  }

  word() {
    const index = this.numbers[this.n++];
    if (index !== NEW_WORD) return this.words[index];
    const word = this.string();
    this.words.push(word);
    return word;
  }

  stringList() {
    const list = [];
    for (let i = this.number(); i > 0; i--) list.push(this.string());
    return list;
  }

  numberList() {
    const list = [];
    for (let i = this.number(); i > 0; i--) list.push(this.number());
    return list;
  }

  nullable() {
    const value = this.number();
    return value === NONE ? null : value;
  }
}

export function buildAnalysis(text, numbers, strings) {
  const r = new Reader(numbers, strings);
  const mentions = [];
  for (let i = r.number(); i > 0; i--) {
    const start = r.number();
    const end = r.number();
    mentions.push({ start, end, text: text.slice(start, end), type: r.word(), entity: r.number(), role: r.number() === 1 ? r.word() : null });
  }
  const entities = [];
  for (let i = r.number(); i > 0; i--) {
    entities.push({ id: r.number(), type: r.word(), name: r.string(), aliases: r.stringList(), count: r.number() });
  }
  const dates = [];
  for (let i = r.number(); i > 0; i--) {
    const start = r.number();
    const end = r.number();
    dates.push({ start, end, text: text.slice(start, end), type: r.word(), value: r.string() });
  }
  const timeline = [];
  for (let i = r.number(); i > 0; i--) {
    timeline.push({ date: r.string(), text: r.string(), entities: r.numberList(), start: r.number(), end: r.number(), inferred: r.number() === 1 });
  }
  const reference_date = r.number() === 1
    ? { value: r.string(), source: r.word(), start: r.nullable(), end: r.nullable() }
    : null;
  const part = () => {
    const start = r.number();
    const end = r.number();
    return { start, end, text: text.slice(start, end) };
  };
  const optional = (read) => (r.number() === 1 ? read() : null);
  const structure = {
    headline: optional(part),
    standfirst: optional(part),
    byline: optional(part),
    published: optional(() => ({ ...part(), value: r.string() })),
    dateline: optional(() => ({ ...part(), place: part(), agency: optional(part) })),
    credits: [],
  };
  for (let i = r.number(); i > 0; i--) structure.credits.push({ ...part(), role: r.word() });
  structure.numeric_dates = optional(() => r.word());
  const ignored = [];
  for (let i = r.number(); i > 0; i--) ignored.push({ start: r.number(), end: r.number(), reason: r.word() });
  return { mentions, entities, dates, timeline, reference_date, structure, ignored };
}

const OPTION_NAMES = ['referenceDate', 'today'];

/** `options.referenceDate` (0) or `options.today` (1): read here, where the names are already
 * strings, instead of the binding making each name a JavaScript string on every call. */
export function dateOption(options, which) {
  return options[OPTION_NAMES[which]];
}

const encoder = new TextEncoder();

/** Writes `text` as UTF-8 into `into` (a view of the WebAssembly memory); returns the bytes written. */
export function encodeText(text, into) {
  return encoder.encodeInto(text, into).written;
}
