// End-to-end: the real page in headless Chromium (Debian's), driven by playwright-core.
// Requires the built package in www/pkg (scripts/test.sh builds it first).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openApp, pasteArticle, waitForAnalysisOf, offOrigin, screenshot, root } from './helpers.mjs';

const ARTICLE = readFileSync(new URL('tests/golden/xinhua-kyrgyzstan.txt', root), 'utf8');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** The app with the golden article pasted and dated 2023-05-20. */
async function openWithArticle(contextOptions) {
  const opened = await openApp(env, contextOptions);
  const { page } = opened;
  await page.fill('#reference-date', '2023-05-20');
  await page.dispatchEvent('#reference-date', 'change');
  await pasteArticle(page, ARTICLE);
  await waitForAnalysisOf(page, 'Great news for Tashkent');
  await page.locator('#status', { hasText: 'from the user' }).waitFor();
  return opened;
}

const marked = (page, type) => page.$$eval(`#highlighted mark.${type}`, (ms) => ms.map((m) => m.textContent));

test('pasting an article highlights entities, lists them merged and builds the timeline', async () => {
  const { page, context, problems, requests } = await openWithArticle();
  const people = await marked(page, 'PERSON');
  for (const name of ['Xi Jinping', 'Sadir Japarov', 'Zaparov', 'Caparov', 'Li Qiang', 'Li', 'Rao Aimin']) {
    assert.ok(people.includes(name), `${name} is highlighted as a person (got ${people})`);
  }
  assert.ok((await marked(page, 'GPE')).includes('Kyrgyzstan'));
  assert.ok((await marked(page, 'ORG')).includes('SCO'));
  assert.ok((await marked(page, 'TIME')).includes('Friday'));

  const ignored = await page.$$eval('#highlighted .ignored', (els) => els.map((e) => e.textContent));
  assert.ok(ignored.some((t) => t.includes('Kazakhstan and China sign visa deal')), 'related links are shown as ignored');
  assert.ok(!(await marked(page, 'GPE')).includes('Tashkent'), 'nothing is highlighted inside the comment section');

  const president = page.locator('#entities button', { hasText: 'Sadir Japarov' });
  assert.match(await president.textContent(), /×4.*Zaparov, Caparov/);
  await president.click();
  assert.equal(await president.getAttribute('aria-pressed'), 'true');
  const selected = await page.$$eval('#highlighted mark.selected', (ms) => ms.map((m) => m.textContent));
  assert.deepEqual(selected, ['Zaparov', 'Sadir Japarov', 'Zaparov', 'Caparov']);

  // 2023-05-20 is the headline's event, at the dateline's date.
  const dates = await page.$$eval('#timeline > li > time', (ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(dates, ['1992', '2022', '2023-05-18', '2023-05-19', '2023-05-20', '2023-07', '2026-09-01']);
  const inferred = page.locator('#timeline > li.inferred');
  assert.equal(await inferred.count(), 1, 'the date implied by "31 years of development" is marked inferred');
  assert.match(await inferred.textContent(), /1992 \(inferred\).*31 years of development/);
  assert.match(await page.locator('#timeline > li').nth(2).textContent(), /Li Qiang met Caparov on Thursday/);
  assert.match(await page.textContent('#status'), /Article date 2023-05-20 \(from the user\)/);

  await screenshot(page, 'page');
  assert.deepEqual(problems, []);
  assert.deepEqual(offOrigin(requests, env.origin), [], 'no request leaves the page origin');
  await context.close();
});

test('the dateline dates the article when no date is given', async () => {
  const { page, context, problems } = await openApp(env);
  await pasteArticle(page, 'Published 14/03/2025\nTASHKENT -- On 12 March, Minister Bakhtiyor Saidov met the ambassador of Japan.');
  await waitForAnalysisOf(page, 'Bakhtiyor');
  assert.match(await page.textContent('#status'), /Article date 2025-03-14 \(from the publication line\)/);
  const dates = await page.$$eval('#timeline > li > time', (ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(dates, ['2025-03-12']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('pasted markup stays inert text', async () => {
  const { page, context, problems, requests } = await openApp(env);
  const payload = 'Paris <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> <a href="javascript:window.__xss=3">Berlin</a>';
  await pasteArticle(page, payload);
  await waitForAnalysisOf(page, '<img src=x');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.$$eval('#highlighted img, #highlighted script, #highlighted a', (els) => els.length), 0);
  assert.ok((await page.textContent('#highlighted')).includes('<script>window.__xss=2</script>'));
  assert.deepEqual(problems, []);
  assert.deepEqual(offOrigin(requests, env.origin), []);
  await context.close();
});

test('a bad reference date shows a clear message instead of failing', async () => {
  const { page, context } = await openApp(env);
  // The date input only yields valid dates; the element's attribute takes any string.
  await page.evaluate(() => { document.getElementById('analysis').referenceDate = '20/05/2023'; });
  await page.locator('#status', { hasText: 'Could not analyse' }).waitFor();
  assert.match(await page.textContent('#status'), /YYYY-MM-DD/);
  await context.close();
});

test('a 5 MB paste is analysed in the worker while typing goes on', async () => {
  const { page, context, problems, requests } = await openApp(env);
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
  // Several analyses: the paste, then the text as typing goes on; the paste's may be shown first
  // or dropped as stale, but the last one shown is of the text as typed.
  await page.locator('#highlighted', { hasText: / Typed\.$/ }).waitFor({ timeout: 120_000 });
  await page.locator('#status', { hasText: /\d+ entities/ }).waitFor({ timeout: 120_000 });
  assert.ok(await page.locator('#entities button', { hasText: 'Sadyr Japarov' }).count(), 'the typed text was analysed in full');
  assert.deepEqual(problems, []);
  assert.deepEqual(offOrigin(requests, env.origin), []);
  await context.close();
});

test('a long article is shown in blocks that keep its text and marks whole and scroll to what is picked', async () => {
  const { page, context, problems } = await openApp(env);
  // 400 paragraphs: renderText ends a block at the first line end after 4,000 characters.
  const paragraphs = Array.from({ length: 400 }, (_, i) => `Item ${i}: officials in Bishkek met traders from Osh for talks.`);
  paragraphs[398] = 'President Sadyr Japarov met Chinese Premier Li Qiang in Bishkek on 5 May 2023.';
  const text = `${paragraphs.join('\n')}\n`;
  await page.fill('#reference-date', '2023-05-20');
  await page.dispatchEvent('#reference-date', 'change');
  await pasteArticle(page, text);
  await waitForAnalysisOf(page, 'Item 0: officials');
  const blocks = await page.$$eval('#highlighted .block', (bs) => bs.map((b) => b.textContent));
  assert.ok(blocks.length >= 5, `the text is in blocks (got ${blocks.length})`);
  assert.equal(blocks.join(''), text, 'together the blocks are the text, in order');
  blocks.slice(0, -1).forEach((b, i) => assert.ok(b.length >= 4000 && b.endsWith('\n'), `block ${i} ends at a line end after 4,000 characters`));
  assert.equal(await page.$eval('#highlighted', (t) => t.textContent), text);
  assert.ok(await page.$$eval('#highlighted mark', (ms) => ms.every((m) => m.parentElement.classList.contains('block'))), 'no mark is split between blocks');
  // The event's sentence is in the last block, not laid out until wanted: picking it scrolls to it.
  await page.locator('#timeline button', { hasText: 'Li Qiang' }).click();
  const shown = await page.$eval('#highlighted', (box) => {
    const range = [...CSS.highlights.get('dateline-event')][0];
    const [r, b] = [range.getBoundingClientRect(), box.getBoundingClientRect()];
    return { text: range.toString(), inside: r.top >= b.top && r.bottom <= b.bottom };
  });
  assert.match(shown.text, /^President Sadyr Japarov met Chinese Premier Li Qiang/);
  assert.ok(shown.inside, 'the sentence is scrolled into the text box');
  assert.deepEqual(problems, []);
  await context.close();
});

test('blocks end at line ends, and within a line far longer than a block after a space', async () => {
  const { page, context, problems } = await openApp(env);
  const cases = await page.evaluate(async () => {
    const { renderText, BLOCK_CHARS, LONG_LINE } = await import('/render.js');
    const texts = {
      lines: 'A line of an article.\n'.repeat(1000),
      oneLine: 'word '.repeat(30_000),
      mixed: `${'Short line.\n'.repeat(500)}${'x '.repeat(30_000)}\n${'Short line.\n'.repeat(500)}`,
    };
    const box = document.createElement('div');
    const shown = {};
    for (const [name, text] of Object.entries(texts)) {
      renderText(box, text, { mentions: [], dates: [], ignored: [] }, new Set());
      shown[name] = { text, blocks: [...box.children].map((b) => b.textContent) };
    }
    return { shown, BLOCK_CHARS, LONG_LINE };
  });
  const { shown, BLOCK_CHARS } = cases;
  for (const [name, { text, blocks }] of Object.entries(shown)) {
    assert.equal(blocks.join(''), text, `${name}: the blocks are the text`);
    assert.ok(blocks.length > 1, `${name}: in blocks`);
    assert.ok(blocks.slice(0, -1).every((b) => b.length >= BLOCK_CHARS), `${name}: none short but the last`);
  }
  assert.ok(shown.lines.blocks.slice(0, -1).every((b) => b.endsWith('\n')), 'lines: blocks end at line ends');
  assert.ok(shown.oneLine.blocks.slice(0, -1).every((b) => b.endsWith(' ') && b.length < 2 * BLOCK_CHARS), 'one line: cut after a space');
  const mixedEnds = shown.mixed.blocks.slice(0, -1).map((b) => b.at(-1));
  assert.ok(mixedEnds.includes('\n') && mixedEnds.includes(' '), 'mixed: line ends where lines are short, spaces in the long one');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a long text is marked a slice at a time after its first 100,000 characters, whole when asked', async () => {
  const { page, context, problems } = await openApp(env);
  const paragraph = (i) => `Talks number ${i} were held in the capital, officials said after a long day.`;
  const text = `${Array.from({ length: 3000 }, (_, i) => (i % 500 === 0 ? 'President Sadyr Japarov spoke.' : paragraph(i))).join('\n')}\n`;
  const atOnce = await page.evaluate((text) => new Promise((resolve) => {
    const view = document.getElementById('analysis');
    view.addEventListener('analysis', () => {
      // In the task that showed the analysis: the text whole, marks only near its start.
      const blocks = [...view.shadowRoot.querySelectorAll('.text .block')];
      const marked = blocks.map((b) => b.querySelector('mark') !== null);
      resolve({ textWhole: view.shadowRoot.querySelector('.text').textContent === text, blocks: blocks.length, firstMarked: marked[0], lastMarked: marked.at(-1) });
    }, { once: true });
    view.text = text;
  }), text);
  assert.ok(atOnce.textWhole, 'the whole text is shown at once');
  assert.ok(atOnce.blocks > 25, `in blocks (got ${atOnce.blocks})`);
  assert.ok(atOnce.firstMarked && !atOnce.lastMarked, 'at first only the start is marked');
  // The rest is marked in later tasks.
  const japaroves = () => page.$$eval('#highlighted mark.PERSON', (ms) => ms.filter((m) => m.textContent === 'Sadyr Japarov').length);
  await page.waitForFunction(() => document.getElementById('analysis').shadowRoot.querySelectorAll('.text mark.PERSON').length >= 6);
  assert.equal(await japaroves(), 6);
  // Shown again (fewer types), then an entity picked in the same task: all its mentions selected.
  const picked = await page.evaluate(() => {
    const view = document.getElementById('analysis');
    view.setAttribute('types', 'PERSON');
    const blocks = view.shadowRoot.querySelectorAll('.text .block');
    const lastMarked = blocks[blocks.length - 1].querySelector('mark') !== null;
    view.shadowRoot.querySelector('.entities button[data-entity]').click();
    return { lastMarked, selected: view.shadowRoot.querySelectorAll('.text mark.selected').length };
  });
  assert.equal(picked.lastMarked, false, 'shown again, the end is not marked yet');
  assert.equal(picked.selected, 6, 'picking an entity selects all its mentions');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the entity list and the timeline work from the keyboard', async () => {
  const { page, context, problems } = await openWithArticle();
  const entityButtons = page.locator('#entities button');
  assert.equal(await page.$$eval('#entities button[tabindex="0"]', (bs) => bs.length), 1, 'the entity list is one tab stop');
  await entityButtons.first().focus();
  await page.keyboard.press('ArrowRight');
  const focused = () => page.evaluate(() => document.getElementById('analysis').shadowRoot.activeElement?.textContent ?? '');
  assert.equal(await focused(), await entityButtons.nth(1).textContent(), 'ArrowRight moves to the next entity');
  await page.keyboard.press('End');
  assert.equal(await focused(), await entityButtons.last().textContent(), 'End moves to the last');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  assert.equal(await entityButtons.first().getAttribute('aria-pressed'), 'true', 'Enter marks the entity');
  assert.ok((await page.$$eval('#highlighted mark.selected', (ms) => ms.length)) > 0);

  const events = page.locator('#timeline button.event');
  await events.first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press(' ');
  const third = events.nth(2);
  assert.equal(await third.getAttribute('aria-pressed'), 'true', 'Space shows the event');
  assert.match(await third.evaluate((b) => b.textContent), /^2023-05-18: Chinese Premier Li Qiang met Caparov/);
  const painted = await page.evaluate(() => [...CSS.highlights.get('dateline-event')].map((r) => r.toString()));
  assert.deepEqual(painted, ['Chinese Premier Li Qiang met Caparov on Thursday.'], 'the event sentence is painted in the text');
  await page.keyboard.press(' ');
  assert.equal(await page.evaluate(() => CSS.highlights.get('dateline-event').size), 0, 'pressing again clears it');
  assert.deepEqual(problems, []);
  await context.close();
});

test('exports download JSON, CSV and TimelineJS, and copy JSON to the clipboard', async () => {
  const { page, context, problems, requests } = await openWithArticle({ acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const download = async (label) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`button[aria-label="Download ${label}"]`)]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  };
  const json = await download('JSON');
  assert.equal(json.name, 'dateline-2023-05-20-analysis.json');
  const analysis = JSON.parse(json.text);
  assert.equal(analysis.text, ARTICLE);
  assert.ok(analysis.entities.some((e) => e.name === 'Sadir Japarov'));

  const entities = await download('Entities CSV');
  assert.match(entities.text, /^id,type,name,aliases,count\r\n/);
  assert.match(entities.text, /PERSON,Sadir Japarov,Zaparov; Caparov,4\r\n/);
  const timeline = await download('Timeline CSV');
  assert.equal(timeline.text.trim().split('\r\n').length, 1 + analysis.timeline.length);
  const timelineJS = JSON.parse((await download('TimelineJS')).text);
  assert.equal(timelineJS.events.length, analysis.timeline.length);

  await page.click('button[aria-label="Copy JSON of the analysis"]');
  await page.locator('#notice', { hasText: 'clipboard' }).waitFor();
  assert.match(await page.textContent('#status'), /Article date 2023-05-20/, 'the status line keeps the article-date note');
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.deepEqual(copied, analysis);
  assert.deepEqual(problems, []);
  assert.deepEqual(offOrigin(requests, env.origin), []);
  await context.close();
});

test('the print view shows the analysis in full, without the editor and buttons', async () => {
  const { page, context } = await openWithArticle();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#article').isVisible(), false, 'the textarea is not printed');
  assert.equal(await page.locator('[role="toolbar"]').isVisible(), false, 'the export buttons are not printed');
  const overflow = await page.$eval('#highlighted', (t) => getComputedStyle(t).maxHeight);
  assert.equal(overflow, 'none', 'the text is printed whole, not in a scroll box');
  await screenshot(page, 'print');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, 'a PDF is produced');
  await context.close();
});
