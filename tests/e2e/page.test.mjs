// End-to-end: the real page in headless Chromium (Debian's), driven by playwright-core.
// Requires the built package in www/pkg (scripts/test.sh builds it first).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { launchChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

const root = new URL('../../', import.meta.url);
const ARTICLE = readFileSync(new URL('tests/golden/xinhua-kyrgyzstan.txt', root), 'utf8');

let server;
let browser;
let origin;

before(async () => {
  assert.ok(existsSync(new URL('www/pkg/dateline_bg.wasm', root)), 'www/pkg is missing: run node scripts/build.mjs first');
  server = await serve(0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens the page and records console errors, page errors and every request it makes. */
async function openPage() {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1400 } });
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, problems, requests };
}

async function pasteArticle(page, text) {
  await page.fill('#article', '');
  await page.focus('#article');
  await page.keyboard.insertText(text);
}

async function waitForAnalysisOf(page, fragment) {
  await page.waitForFunction((f) => document.querySelector('#highlighted').textContent.includes(f), fragment);
}

test('pasting an article highlights entities, lists them merged and builds the timeline', async () => {
  const { page, problems, requests } = await openPage();
  await page.fill('#reference-date', '2023-05-20');
  await page.dispatchEvent('#reference-date', 'change');
  await pasteArticle(page, ARTICLE);
  await waitForAnalysisOf(page, 'Great news for Tashkent');

  const marked = (type) => page.$$eval(`#highlighted mark.${type}`, (ms) => ms.map((m) => m.textContent));
  const people = await marked('PERSON');
  for (const name of ['Xi Jinping', 'Sadir Japarov', 'Zaparov', 'Caparov', 'Li Qiang', 'Li', 'Rao Aimin']) {
    assert.ok(people.includes(name), `${name} is highlighted as a person (got ${people})`);
  }
  assert.ok((await marked('GPE')).includes('Kyrgyzstan'));
  assert.ok((await marked('ORG')).includes('SCO'));
  assert.ok((await marked('TIME')).includes('Friday'));

  const ignored = await page.$$eval('#highlighted .ignored', (els) => els.map((e) => e.textContent));
  assert.ok(ignored.some((t) => t.includes('Kazakhstan and China sign visa deal')), 'related links are shown as ignored');
  assert.ok(!(await marked('GPE')).includes('Tashkent'), 'nothing is highlighted inside the comment section');

  const president = page.locator('#entities button', { hasText: 'Sadir Japarov' });
  assert.match(await president.textContent(), /×4.*Zaparov, Caparov/);
  await president.click();
  assert.equal(await president.getAttribute('aria-pressed'), 'true');
  const selected = await page.$$eval('#highlighted mark.selected', (ms) => ms.map((m) => m.textContent));
  assert.deepEqual(selected, ['Zaparov', 'Sadir Japarov', 'Zaparov', 'Caparov']);

  const dates = await page.$$eval('#timeline > li > time', (ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(dates, ['1992', '2022', '2023-05-18', '2023-05-19', '2023-07', '2026-09-01']);
  const inferred = page.locator('#timeline > li.inferred');
  assert.equal(await inferred.count(), 1, 'the date implied by "31 years of development" is marked inferred');
  assert.match(await inferred.textContent(), /1992 \(inferred\).*31 years of development/);
  const firstDay = await page.locator('#timeline > li').nth(2).textContent();
  assert.match(firstDay, /Li Qiang met Caparov on Thursday/);
  assert.match(await page.textContent('#status'), /Article date 2023-05-20 \(from the user\)/);

  mkdirSync(new URL('test-results/', root), { recursive: true });
  await page.screenshot({ path: new URL('test-results/page.png', root).pathname, fullPage: true });
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), [], 'no request leaves the page origin');
  await page.close();
});

test('the dateline dates the article when no date is given', async () => {
  const { page, problems } = await openPage();
  await pasteArticle(page, 'Published 14/03/2025\nTASHKENT -- On 12 March, Minister Bakhtiyor Saidov met the ambassador of Japan.');
  await waitForAnalysisOf(page, 'Bakhtiyor');
  assert.match(await page.textContent('#status'), /Article date 2025-03-14 \(from the publication line\)/);
  const dates = await page.$$eval('#timeline > li > time', (ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(dates, ['2025-03-12']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('pasted markup stays inert text', async () => {
  const { page, problems, requests } = await openPage();
  const payload = 'Paris <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> <a href="javascript:window.__xss=3">Berlin</a>';
  await pasteArticle(page, payload);
  await waitForAnalysisOf(page, '<img src=x');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.$$eval('#highlighted img, #highlighted script, #highlighted a', (els) => els.length), 0);
  assert.ok((await page.textContent('#highlighted')).includes('<script>window.__xss=2</script>'));
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), []);
  await page.close();
});

test('a bad reference date shows a clear message instead of failing', async () => {
  const { page } = await openPage();
  // The date input only yields valid dates; the API behind it is tested with a malformed one.
  const message = await page.evaluate(async () => {
    const { default: init, analyse } = await import('./pkg/dateline.js');
    await init();
    try { analyse('text', { referenceDate: '20/05/2023' }); return 'no error'; } catch (e) { return e.message; }
  });
  assert.match(message, /YYYY-MM-DD/);
  await page.close();
});

test('a 5 MB paste is analysed in the worker while typing goes on', async () => {
  const { page, problems, requests } = await openPage();
  const paragraph = 'BISHKEK -- President Sadyr Japarov met Chinese Premier Li Qiang on Friday in Bishkek. ';
  const huge = paragraph.repeat(Math.ceil(5_000_000 / paragraph.length));
  await page.evaluate((text) => {
    const area = document.getElementById('article');
    area.value = text;
    area.dispatchEvent(new Event('input'));
  }, huge);
  // While the worker analyses, the page still takes keystrokes.
  await page.focus('#article');
  await page.keyboard.press('End');
  await page.keyboard.type(' Typed.');
  assert.ok((await page.inputValue('#article')).endsWith(' Typed.'), 'typing reached the textarea during analysis');
  await page.waitForFunction(() => /entities/.test(document.getElementById('status').textContent), null, { timeout: 120_000 });
  const people = await page.$$eval('#entities .entity-group button', (bs) => bs.map((b) => b.textContent));
  assert.ok(people.some((t) => t.startsWith('Sadyr Japarov')), `entity list built from the large text (${people.slice(0, 3)})`);
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), []);
  await page.close();
});
