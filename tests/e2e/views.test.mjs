// The page's views as people use them: on a phone and a wide screen, in dark and light, by mouse,
// touch and keyboard: the legend as a filter, highlights that explain themselves, the dates
// panel, clear and restore, exports only when there is something to export; and an axe-core
// accessibility audit with no violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openApp, pasteArticle, waitForAnalysisOf, root } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const ARTICLE = `Talks resume in Bishkek
BISHKEK, May 20 (Xinhua) -- President Sadyr Japarov met Chinese Premier Li Qiang on Friday.
Japarov said the railway, after 31 years of development, would open every week from 1 September 2026.`;

async function openWithArticle(options = {}) {
  const opened = await openApp(env, options);
  await opened.page.fill('#reference-date', '2023-05-20');
  await opened.page.dispatchEvent('#reference-date', 'change');
  await pasteArticle(opened.page, ARTICLE);
  await waitForAnalysisOf(opened.page, 'Talks resume');
  return opened;
}

/** The bounding boxes of the article box and the analysis, and whether the article box is pinned. */
function layout(page) {
  return page.evaluate(() => {
    const input = document.querySelector('.input').getBoundingClientRect();
    const view = document.getElementById('analysis').getBoundingClientRect();
    return { input: { top: input.top, bottom: input.bottom, left: input.left, right: input.right }, view: { top: view.top, left: view.left }, position: getComputedStyle(document.querySelector('.input')).position, scrollWidth: document.documentElement.scrollWidth, width: innerWidth };
  });
}

for (const width of [320, 390]) {
  test(`at ${width} px the article and the analysis stack, nothing pinned, nothing wider than the screen`, async () => {
    const { page, context, problems } = await openWithArticle({ viewport: { width, height: 800 } });
    const at = await layout(page);
    assert.equal(at.position, 'static', 'the article box scrolls away with the page');
    assert.ok(at.view.top >= at.input.bottom, 'the analysis starts below the article box');
    assert.ok(at.scrollWidth <= at.width, `no sideways scrolling (${at.scrollWidth} > ${at.width})`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('at 1280 px the article and the analysis sit side by side', async () => {
  const { page, context } = await openWithArticle({ viewport: { width: 1280, height: 800 } });
  const at = await layout(page);
  assert.ok(at.view.left >= at.input.right, 'the analysis is to the right of the article box');
  await context.close();
});

test('touch targets are at least 44 px on a touch screen', async () => {
  const { page, context } = await openWithArticle({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const small = await page.evaluate(() => {
    const all = [...document.querySelectorAll('button, input'), ...document.getElementById('analysis').shadowRoot.querySelectorAll('button, summary')];
    return all.filter((b) => b.getClientRects().length).map((b) => [b.textContent.trim() || b.id, b.getBoundingClientRect().height]).filter(([, h]) => h < 44);
  });
  assert.deepEqual(small, []);
  await context.close();
});

test('dark follows the system and the toggle; highlights keep dark text on their colours', async () => {
  const { page, context } = await openWithArticle({ colorScheme: 'dark' });
  const colours = () => page.evaluate(() => {
    const view = document.getElementById('analysis');
    const mark = view.shadowRoot.querySelector('mark');
    return { page: getComputedStyle(document.body).color, element: getComputedStyle(view).color, mark: getComputedStyle(mark).color, pressed: document.getElementById('theme').getAttribute('aria-pressed') };
  });
  const dark = await colours();
  assert.equal(dark.pressed, 'true', 'the toggle starts as the system prefers');
  assert.equal(dark.page, 'rgb(232, 232, 232)');
  assert.equal(dark.element, 'rgb(232, 232, 232)');
  assert.equal(dark.mark, 'rgb(27, 27, 27)', 'a highlight keeps dark text');
  await page.click('#theme');
  const light = await colours();
  assert.equal(light.pressed, 'false');
  assert.equal(light.page, 'rgb(27, 27, 27)');
  assert.equal(light.element, 'rgb(27, 27, 27)');
  await context.close();
});

test('the legend lists the types found and filters by them; the types attribute follows', async () => {
  const { page, context } = await openWithArticle();
  const legend = await page.$$eval('.legend button', (bs) => bs.map((b) => b.dataset.type));
  const order = ['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'TIME'];
  assert.deepEqual(legend, order.filter((t) => legend.includes(t)), 'in the usual order');
  assert.ok(!legend.includes('FAC') && !legend.includes('EVENT'), `no type with nothing found (${legend})`);
  assert.ok(legend.includes('PERSON') && legend.includes('TIME'));
  await page.click('.legend button[data-type="PERSON"]');
  assert.equal(await page.getAttribute('#analysis', 'types'), 'ORG GPE LOC FAC NORP EVENT TIME');
  assert.equal(await page.locator('#highlighted mark.PERSON').count(), 0, 'people are no longer highlighted');
  assert.equal(await page.getAttribute('.legend button[data-type="PERSON"]', 'aria-pressed'), 'false');
  await page.focus('.legend button[data-type="PERSON"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#analysis', 'types'), null, 'all types shown again');
  assert.equal(await page.evaluate(() => document.getElementById('analysis').shadowRoot.activeElement?.dataset.type), 'PERSON', 'the focus stays on the toggle');
  assert.ok(await page.locator('#highlighted mark.PERSON').count() > 0);
  await context.close();
});

test('a highlight explains itself by click, and by arrow keys and Enter; Escape returns', async () => {
  const { page, context } = await openWithArticle();
  await page.locator('#highlighted mark', { hasText: 'Li Qiang' }).click();
  const popover = page.locator('.explain');
  await popover.waitFor();
  assert.match(await popover.textContent(), /Person/);
  assert.match(await popover.textContent(), /Li Qiang/);
  // "Show all mentions" picks the entity in the list.
  await page.click('.explain button');
  assert.equal(await page.getAttribute('.entities button[aria-pressed="true"]', 'data-entity') !== null, true);
  // Keyboard: into the text, along the highlights to the date, Enter.
  await page.focus('#highlighted');
  let text = '';
  for (let i = 0; i < 20 && !/Friday/.test(text); i++) {
    await page.keyboard.press('ArrowRight');
    text = await page.evaluate(() => document.getElementById('analysis').shadowRoot.activeElement?.textContent ?? '');
  }
  assert.equal(text, 'Friday', 'the arrow keys reach the date');
  await page.keyboard.press('Enter');
  await popover.waitFor();
  assert.match(await popover.textContent(), /Date/);
  assert.match(await popover.textContent(), /Friday 19 May 2023/);
  assert.match(await popover.textContent(), /TIMEX3 value 2023-05-19/);
  await page.keyboard.press('Escape');
  await popover.waitFor({ state: 'hidden' });
  // The popover's toggle event, which gives focus back, comes in a task after it hides.
  const focusedOn = (text) => page.waitForFunction((t) => document.getElementById('analysis').shadowRoot.activeElement?.textContent === t, text, { timeout: 2000 }).then(() => true, () => false);
  assert.ok(await focusedOn('Friday'), 'Escape gives focus back to the highlight');
  // Tabbing out of an open popover closes it.
  await page.keyboard.press('Enter');
  await popover.waitFor();
  for (let i = 0; i < 30 && (await popover.isVisible()); i++) await page.keyboard.press('Tab');
  assert.equal(await popover.isVisible(), false, 'the popover closes when focus leaves it');
  // Opened by a click, it gives focus back too.
  await page.locator('#highlighted mark', { hasText: 'Li Qiang' }).click();
  await popover.waitFor();
  await page.keyboard.press('Escape');
  await popover.waitFor({ state: 'hidden' });
  assert.ok(await focusedOn('Li Qiang'), 'Escape after a click gives focus back to the highlight');
  await context.close();
});

/** Long names (the popover's merge list holds them) and events months apart in one year. */
const LONG_NAMES = `Ministers meet in Nairobi
NAIROBI, May 20 (AP) -- The International Federation of Red Cross and Red Crescent Societies met the Kenya National Commission on Human Rights on 3 March 2024.
Cabinet Secretary for the National Treasury Njuguna Ndung'u spoke to the Inter-Governmental Authority on Development on 2 July 2024.
The Central Bank of Kenya and the International Monetary Fund agreed on 28 November 2024.`;

test('on a phone the popover and its corrections fit on the screen', async () => {
  const { page, context } = await openApp(env, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await pasteArticle(page, LONG_NAMES);
  await waitForAnalysisOf(page, 'Ministers meet');
  await page.locator('#highlighted mark', { hasText: 'Central Bank of Kenya' }).tap();
  const popover = page.locator('.explain');
  await popover.waitFor();
  const overflow = await page.evaluate(() => {
    const pop = document.getElementById('analysis').shadowRoot.querySelector('.explain');
    const box = pop.getBoundingClientRect();
    const inside = [...pop.querySelectorAll('fieldset, select, button')].map((e) => [e.tagName, e.textContent.trim().slice(0, 20), e.getBoundingClientRect()]);
    return inside.filter(([, , r]) => r.right > box.right + 0.5 || r.left < box.left - 0.5 || r.right > innerWidth).map(([t, x, r]) => `${t} ${x} ${Math.round(r.left)}-${Math.round(r.right)} in ${Math.round(box.left)}-${Math.round(box.right)}`);
  });
  assert.deepEqual(overflow, [], 'every control of the popover inside it and on the screen');
  // Three events of one year, months apart: the axis names the year once, then the months.
  await page.locator('#axis svg').scrollIntoViewIfNeeded();
  const labels = await page.$$eval('#axis .axis-label', (ls) => ls.map((l) => l.textContent));
  assert.equal(new Set(labels).size, labels.length, `no label twice on the axis: ${labels.join(', ')}`);
  assert.ok(labels.includes('2024'), labels.join(', '));
  await context.close();
});

test('touching a highlight explains it', async () => {
  const { page, context } = await openWithArticle({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await page.locator('#highlighted mark', { hasText: '31 years' }).tap();
  await page.locator('.explain').waitFor();
  assert.match(await page.locator('.explain').textContent(), /Duration.*31 years.*P31Y/s);
  await context.close();
});

test('the dates panel lists every time expression by kind with its value, and the article date', async () => {
  const { page, context } = await openWithArticle();
  await page.click('.dates-panel summary');
  await page.locator('#dates caption').first().waitFor();
  const panel = await page.locator('#dates').textContent();
  assert.match(panel, /Article date 2023-05-20 \(from the user\): Saturday 20 May 2023/);
  const captions = await page.$$eval('#dates caption', (cs) => cs.map((c) => c.textContent));
  assert.deepEqual(captions, ['Dates (3)', 'Durations (1)', 'Recurring times (1)']);
  const rows = await page.$$eval('#dates tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(rows.find((r) => r[0] === 'Friday'), ['Friday', 'Friday 19 May 2023', '2023-05-19']);
  assert.deepEqual(rows.find((r) => r[0] === '31 years'), ['31 years', '31 years', 'P31Y']);
  assert.deepEqual(rows.find((r) => r[0] === 'every week'), ['every week', 'every week', 'P1W']);
  await context.close();
});

test('clear empties the article and disables the exports; restore brings the sample back', async () => {
  const { page, context } = await openApp(env);
  const sample = await page.inputValue('#article');
  assert.equal(await page.isDisabled('button[aria-label="Download JSON"]'), false);
  // A correction made to this article is not carried to the next.
  await page.locator('#highlighted mark', { hasText: 'Li Qiang' }).first().click();
  await page.click('.explain button:has-text("Not a name: remove")');
  assert.equal(await page.locator('.corrections').isVisible(), true);
  await page.click('#clear');
  assert.deepEqual(await page.evaluate(() => document.getElementById('analysis').corrections), []);
  assert.equal(await page.inputValue('#article'), '');
  await page.waitForFunction(() => document.getElementById('analysis').shadowRoot.querySelector('button[aria-label="Download JSON"]').disabled);
  assert.equal(await page.isDisabled('button[aria-label="Copy JSON of the analysis"]'), true);
  // The empty state says so, and nothing more.
  await page.locator('#status', { hasText: 'No text to analyse yet.' }).waitFor();
  assert.equal((await page.textContent('#notice')).trim(), '', 'no notice about corrections after Clear');
  const empty = await page.evaluate(() => {
    const item = document.getElementById('analysis').shadowRoot.querySelector('.timeline > li');
    return [item.textContent, getComputedStyle(item, '::before').content];
  });
  assert.deepEqual(empty, ['No dated events yet.', 'none'], 'the empty timeline has no event dot');
  await page.click('#sample');
  assert.equal(await page.inputValue('#article'), sample);
  await page.waitForFunction(() => !document.getElementById('analysis').shadowRoot.querySelector('button[aria-label="Download JSON"]').disabled);
  await context.close();
});

test('an entity picked in the list stays picked while the text is edited', async () => {
  const { page, context } = await openWithArticle();
  await page.locator('.entities button', { hasText: 'Sadyr Japarov' }).click();
  await page.focus('#article');
  await page.keyboard.press('End');
  await page.keyboard.insertText(' Japarov left on Saturday.');
  await waitForAnalysisOf(page, 'left on Saturday');
  const picked = await page.locator('.entities button[aria-pressed="true"]').textContent();
  assert.match(picked, /Sadyr Japarov/);
  assert.ok(await page.locator('#highlighted mark.selected').count() >= 3, 'its mentions, the new one too, are marked');
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no accessibility violations (${colorScheme})`, async () => {
    // The page's CSP lets no script in but its own: the audit is injected around it.
    const { page, context } = await openWithArticle({ colorScheme, bypassCSP: true });
    await page.click('.dates-panel summary');
    // A popover open, with its correction controls.
    await page.locator('#highlighted mark', { hasText: 'Li Qiang' }).click();
    await page.locator('.explain select').first().waitFor();
    await page.addScriptTag({ content: readFileSync(new URL('node_modules/axe-core/axe.min.js', root), 'utf8') });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
    });
    assert.deepEqual(violations, []);
    await context.close();
  });
}

test('the time axis: events at their dates, zoom by wheel and keys, pick by click or arrows and Enter', async () => {
  const { page, context, problems } = await openWithArticle({ viewport: { width: 1280, height: 600 } });
  // The axis is drawn once it comes near the screen (it starts below the fold here).
  const top = await page.$eval('#axis', (axis) => axis.getBoundingClientRect().top - innerHeight);
  if (top > 300) assert.equal(await page.locator('#axis .axis-event').count(), 0, `not drawn ${top} px below the fold`);
  await page.locator('#axis').scrollIntoViewIfNeeded();
  await page.locator('#axis .axis-event').first().waitFor();
  const labels = await page.$$eval('#axis .axis-label', (ls) => ls.map((l) => l.textContent));
  assert.equal(new Set(labels).size, labels.length, `no label twice on the axis: ${labels.join(', ')}`);
  const events = await page.$$eval('#axis .axis-event', (shapes) => shapes.map((s) => ({ tag: s.tagName, x: Number(s.getAttribute('cx') ?? s.getAttribute('x')), inferred: s.classList.contains('inferred') })));
  const timeline = await page.evaluate(() => document.getElementById('analysis').analysis.timeline);
  assert.equal(events.length, timeline.length, 'one shape per event');
  // A day is a dot, a month or a year a bar; later dates lie further right.
  timeline.forEach((e, i) => assert.equal(events[i].tag, e.date.length === 10 ? 'circle' : 'rect', e.date));
  for (let i = 1; i < events.length; i++) assert.ok(events[i].x >= events[i - 1].x, 'in date order from left to right');
  assert.ok(events.some((e) => e.inferred) === timeline.some((e) => e.inferred), 'an inferred date is drawn hollow');
  // Zoom in by wheel over the middle: the events spread apart.
  const spread = async () => page.$$eval('#axis .axis-event', (s) => {
    const xs = s.map((n) => Number(n.getAttribute('cx') ?? n.getAttribute('x')));
    return Math.max(...xs) - Math.min(...xs);
  });
  const before = await spread();
  await page.locator('#axis svg').scrollIntoViewIfNeeded();
  const box = await page.locator('#axis svg').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400); // not focused: the page scrolls, the axis stays
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(Math.round(await spread()), Math.round(before), 'an unfocused axis lets the wheel scroll the page');
  await page.locator('#axis svg').focus();
  await page.locator('#axis svg').scrollIntoViewIfNeeded();
  const focusedBox = await page.locator('#axis svg').boundingBox();
  await page.mouse.move(focusedBox.x + focusedBox.width / 2, focusedBox.y + focusedBox.height / 2);
  await page.mouse.wheel(0, -400);
  let after = before;
  for (let i = 0; i < 40 && after <= before; i++) { await new Promise((r) => setTimeout(r, 50)); after = await spread(); }
  assert.ok(after > before, `the wheel zooms in (${before} -> ${after})`);
  await page.locator('#axis svg').focus();
  await page.keyboard.press('0');
  assert.equal(Math.round(await spread()), Math.round(before), '0 resets the zoom');
  // Keyboard: arrows then Enter pick an event, as the list does.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.locator('#axis [aria-live]').textContent(), new RegExp(`^${timeline[1].date}`), 'the event reached is read out');
  await page.keyboard.press('Enter');
  const pressed = await page.getAttribute('.timeline button[aria-pressed="true"]', 'data-index');
  assert.equal(pressed, '1', 'the second event is picked in the list');
  const lit = await page.evaluate(() => [...CSS.highlights.get('dateline-event')][0]?.toString());
  assert.equal(lit, timeline[1].text.replace(/…$/, '').slice(0, lit?.length), 'its sentence is lit in the text');
  // A click on a shape picks its event.
  await page.locator('#axis .axis-event').first().click();
  assert.equal(await page.getAttribute('.timeline button[aria-pressed="true"]', 'data-index'), '0');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the views and labels attributes show and hide parts of the element', async () => {
  const { page, context } = await openWithArticle();
  await page.evaluate(() => document.getElementById('analysis').setAttribute('views', 'text timeline'));
  const hidden = await page.evaluate(() => [...document.getElementById('analysis').shadowRoot.querySelectorAll('section')].map((s) => [s.getAttribute('aria-label'), s.hidden]));
  assert.deepEqual(hidden, [['Text', false], ['Entities', true], ['Dates', true], ['Timeline', false]]);
  const label = () => page.$eval('#highlighted mark.PERSON', (m) => getComputedStyle(m, '::after').content);
  assert.equal(await label(), 'none');
  await page.click('.labels-toggle');
  assert.equal(await label(), '"PERSON"');
  assert.equal(await page.evaluate(() => document.getElementById('analysis').hasAttribute('labels')), true);
  assert.equal(await page.$eval('#highlighted', (t) => t.textContent.includes('PERSON')), false, 'labels are not part of the text');
  await context.close();
});

test('corrections: retype, merge, split, drop; every view and export follows; undo; they outlive a new article date', async () => {
  const { page, context, problems } = await openWithArticle({ acceptDownloads: true });
  const entities = () => page.evaluate(() => document.getElementById('analysis').analysis.entities.map((e) => `${e.type} ${e.name} ${e.count}`));
  const openOn = async (text) => {
    await page.locator('#highlighted mark', { hasText: text }).first().click();
    await page.locator('.explain').waitFor();
  };
  // Retype Li Qiang as an organisation (wrong, but the reader decides).
  await openOn('Li Qiang');
  await page.selectOption('.explain select[aria-label="Type of this entity"]', 'ORG');
  assert.ok(!(await entities()).includes('ORG Li Qiang 1'), 'choosing alone changes nothing (an arrow key would)');
  await page.click('.explain button:has-text("Retype")');
  assert.ok((await entities()).includes('ORG Li Qiang 1'));
  assert.equal(await page.locator('#highlighted mark.ORG', { hasText: 'Li Qiang' }).count(), 1, 'the highlight follows');
  assert.match(await page.locator('.entities').textContent(), /Organisations[\s\S]*Li Qiang/);
  // Merge Li Qiang into Sadyr Japarov.
  await openOn('Li Qiang');
  await page.selectOption('.explain select[aria-label="Entity to merge into"]', { label: 'Sadyr Japarov (People)' });
  await page.click('.explain button:has-text("Merge")');
  const merged = await entities();
  assert.ok(merged.some((e) => e.startsWith('PERSON Sadyr Japarov 3')), merged.join(', '));
  assert.ok(!merged.some((e) => e.includes('Li Qiang')));
  // Split the last Japarov off, then drop it.
  await page.locator('#highlighted mark', { hasText: /^Japarov$/ }).click();
  await page.click('.explain button:has-text("Split this mention off")');
  assert.ok((await entities()).includes('PERSON Japarov 1'));
  await page.locator('#highlighted mark', { hasText: /^Japarov$/ }).click();
  const before = Number((await page.textContent('#status')).match(/^(\d+) entities/)[1]);
  await page.click('.explain button:has-text("Not a name: remove")');
  assert.ok(!(await entities()).includes('PERSON Japarov 1'));
  assert.match(await page.textContent('#status'), new RegExp(`^${before - 1} entities`), 'the status line counts the corrected analysis');
  assert.equal(await page.locator('#highlighted mark', { hasText: /^Japarov$/ }).count(), 0);
  assert.match(await page.locator('.corrections').textContent(), /4 corrections/);
  // The export is the corrected analysis.
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('button[aria-label="Download Entities CSV"]')]);
  const csv = readFileSync(await file.path(), 'utf8');
  assert.match(csv, /PERSON,Sadyr Japarov,Li Qiang,2\r\n/, csv);
  // A new article date re-analyses; the corrections apply again.
  await page.fill('#reference-date', '2024-05-20');
  await page.dispatchEvent('#reference-date', 'change');
  await page.locator('#status', { hasText: 'Article date 2024-05-20' }).waitFor();
  assert.ok(!(await entities()).some((e) => e.includes('Li Qiang')), 'still merged after the new date');
  // Undo, one and all.
  await page.click('button[aria-label="Undo the last correction"]');
  assert.ok((await entities()).includes('PERSON Japarov 1'), 'the drop is undone');
  await page.click('button[aria-label="Undo every correction"]');
  assert.ok((await entities()).includes('PERSON Li Qiang 1'));
  assert.equal(await page.locator('.corrections').isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});
