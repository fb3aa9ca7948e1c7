// The page: wires the textarea to the WebAssembly analyser and renders its JSON as DOM nodes.
// Pasted text is data: every piece of it goes in through textContent, never as HTML.
// Analysis runs in www/worker.js: a 5 MB paste never freezes typing.

const TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'TIME'];
const TYPE_NAMES = {
  PERSON: 'People', ORG: 'Organisations', GPE: 'Countries and cities', LOC: 'Places', FAC: 'Facilities',
  NORP: 'Nationalities and groups', EVENT: 'Events', TIME: 'Dates and times',
};
const DEBOUNCE_MS = 150;

const $ = (id) => document.getElementById(id);
const article = $('article');
const referenceDate = $('reference-date');
const status = $('status');

/** Creates an element with text content and attributes. */
function el(tag, { text, className, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  for (const [k, v] of Object.entries(attrs ?? {})) node.setAttribute(k, v);
  fill(node, children, false);
  return node;
}

/** Puts `nodes` into `parent` (replacing what it had unless told not to) through a fragment:
 * spreading a 5 MB article's hundreds of thousands of nodes as arguments would overflow the stack. */
function fill(parent, nodes, replace = true) {
  const fragment = document.createDocumentFragment();
  for (const node of nodes) fragment.append(node);
  if (replace) parent.replaceChildren(fragment);
  else parent.append(fragment);
}

function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function renderLegend() {
  fill($('legend'), TYPES.map((t) => el('li', { text: TYPE_NAMES[t], className: t })));
}

/** The text with mentions, dates and ignored page chrome as marked, non-overlapping spans. */
function renderText(text, result) {
  const spans = [
    ...result.mentions.map((m) => ({ ...m, kind: 'mention' })),
    ...result.dates.map((d) => ({ ...d, kind: 'date' })),
    ...result.ignored.map((i) => ({ ...i, kind: 'ignored' })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const nodes = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    nodes.push(document.createTextNode(text.slice(at, span.start)));
    const piece = text.slice(span.start, span.end);
    if (span.kind === 'mention') {
      nodes.push(el('mark', { text: piece, className: span.type, attrs: { 'data-entity': span.entity, title: span.type } }));
    } else if (span.kind === 'date') {
      nodes.push(el('mark', { text: piece, className: 'TIME', attrs: { title: `${span.type} ${span.value}` } }));
    } else {
      nodes.push(el('span', { text: piece, className: 'ignored', attrs: { title: `Not analysed: ${span.reason}` } }));
    }
    at = span.end;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  fill($('highlighted'), nodes);
}

function selectEntity(id, button) {
  const pressed = button.getAttribute('aria-pressed') === 'true';
  for (const b of document.querySelectorAll('#entities button[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
  for (const m of document.querySelectorAll('#highlighted mark.selected')) m.classList.remove('selected');
  if (pressed) return;
  button.setAttribute('aria-pressed', 'true');
  const marks = document.querySelectorAll(`#highlighted mark[data-entity="${Number(id)}"]`);
  for (const m of marks) m.classList.add('selected');
  marks[0]?.scrollIntoView({ block: 'nearest' });
}

function renderEntities(result) {
  const groups = TYPES.filter((t) => t !== 'TIME').map((type) => {
    const members = result.entities.filter((e) => e.type === type).sort((a, b) => b.count - a.count);
    if (members.length === 0) return null;
    const items = members.map((e) => {
      const button = el('button', { className: e.type, attrs: { type: 'button', 'aria-pressed': 'false', 'data-entity': e.id } }, [
        el('span', { text: e.name }), ` ×${e.count}`,
        ...(e.aliases.length ? [' ', el('span', { className: 'aliases', text: `(${e.aliases.join(', ')})` })] : []),
      ]);
      button.addEventListener('click', () => selectEntity(e.id, button));
      return el('li', {}, [button]);
    });
    return el('div', { className: 'entity-group' }, [el('h3', { text: `${TYPE_NAMES[type]} (${members.length})` }), el('ul', {}, items)]);
  });
  const present = groups.filter(Boolean);
  fill($('entities'), present.length ? present : [el('p', { text: 'No names found yet.' })]);
}

function renderTimeline(result) {
  const names = new Map(result.entities.map((e) => [e.id, e.name]));
  const days = new Map();
  for (const event of result.timeline) {
    if (!days.has(event.date)) days.set(event.date, []);
    days.get(event.date).push(event);
  }
  const items = [...days].map(([date, events]) => {
    const inferred = events.every((e) => e.inferred);
    return el('li', { className: inferred ? 'inferred' : '' }, [
      el('time', { text: date + (inferred ? ' (inferred)' : ''), attrs: { datetime: date } }),
      ...events.map((e) => el('div', { className: 'event' }, [
        el('p', { text: e.text }),
        ...(e.entities.length ? [el('p', { className: 'participants', text: e.entities.map((id) => names.get(id)).join(' · ') })] : []),
      ])),
    ]);
  });
  fill($('timeline'), items.length ? items : [el('li', { text: 'No dated events yet.' })]);
}

/** The analyser in its worker; replaced by a fresh one if the old one dies. */
let worker;
let latest = 0; // id of the newest request: older answers are stale and dropped
const pending = new Map(); // id -> { text, resolve }
const SHOW_PROGRESS_AFTER_MS = 150;

function startWorker() {
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    const request = pending.get(data.id);
    pending.delete(data.id);
    request?.resolve(data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    restartWorker('The analyser stopped unexpectedly and was restarted; your text is untouched.');
  };
}

function restartWorker(message) {
  worker.terminate();
  for (const request of pending.values()) request.resolve({ error: message, restarted: true });
  pending.clear();
  startWorker();
}

function analyseInWorker(text, options) {
  const id = ++latest;
  return new Promise((resolve) => {
    pending.set(id, { resolve });
    worker.postMessage({ id, text, options });
  }).then((answer) => ({ ...answer, id }));
}

async function run() {
  try {
    await analyseAndRender();
  } catch (error) {
    status.className = 'error';
    status.textContent = `Could not show the analysis: ${error.message ?? error}`;
  }
}

async function analyseAndRender() {
  const text = article.value;
  const progress = setTimeout(() => {
    status.className = 'busy';
    status.textContent = `Analysing ${(text.length / 1e6).toFixed(1)} million characters…`;
  }, SHOW_PROGRESS_AFTER_MS);
  const answer = await analyseInWorker(text, { referenceDate: referenceDate.value || undefined, today: localToday() });
  clearTimeout(progress);
  if (answer.id !== latest && !answer.restarted) return; // a newer edit is on its way
  if (answer.fatal) restartWorker('The analyser failed on this text and was restarted; your text is untouched.');
  if (answer.error) {
    status.className = 'error';
    status.textContent = `Could not analyse: ${answer.error}`;
    return;
  }
  const { result, ms } = answer;
  renderText(text, result);
  renderEntities(result);
  renderTimeline(result);
  const ref = result.reference_date;
  status.className = '';
  status.textContent = `${result.entities.length} entities, ${result.dates.length} time expressions, ${result.timeline.length} events in ${ms.toFixed(1)} ms. `
    + (ref ? `Article date ${ref.value} (from the ${ref.source}).` : 'No article date found: relative dates are left unresolved; set one above.');
}

let timer;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(run, DEBOUNCE_MS);
}

async function main() {
  renderLegend();
  startWorker();
  article.addEventListener('input', schedule);
  article.addEventListener('paste', () => setTimeout(run, 0));
  referenceDate.addEventListener('change', run);
  await run();
  // When the first analysis was on screen, in ms since navigation: read by the benchmark.
  document.body.dataset.firstAnalysisMs = performance.now().toFixed(1);
  document.body.dataset.ready = 'true';
}

main().catch((error) => {
  status.className = 'error';
  status.textContent = `dateline failed to start: ${error.message ?? error}`;
});
