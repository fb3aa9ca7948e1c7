// <news-entities> embedded in a third-party-looking page (www/demo.html), and on its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, watch, offOrigin, screenshot } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function openDemo(contextOptions = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 1200 }, ...contextOptions });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${env.origin}/demo.html`);
  return { page, context, ...seen };
}

test('the element analyses its light-DOM article and tells the host page', async () => {
  const { page, context, problems, requests } = await openDemo();
  await page.locator('#heard', { hasText: 'analysis event' }).waitFor();
  assert.match(await page.textContent('#heard'), /people: Xi Jinping, Sadir Japarov, Li Qiang/);
  // The light DOM is read as a reader sees it: the paragraphs' line breaks and indentation collapse.
  const text = await page.$eval('news-entities', (e) => e.analysis && e.text);
  assert.ok(text.startsWith('BEIJING, May 20 (Xinhua) -- Chinese President Xi Jinping held talks with President of Kyrgyzstan Sadir Japarov'), text.slice(0, 120));
  assert.match(await page.textContent('#status'), /Article date 2023-05-20 \(from the user\)/);
  // types="PERSON ORG GPE NORP TIME": no place (LOC) is highlighted; Europe is a LOC.
  assert.deepEqual(await page.$$eval('#highlighted mark.LOC', (ms) => ms.length), 0);
  assert.ok((await page.$$eval('#highlighted mark.PERSON', (ms) => ms.map((m) => m.textContent))).includes('Caparov'));
  // The host's `p { font-size }` and the element's marks do not mix: styles stay on their side.
  const markBackground = await page.$eval('#highlighted mark.PERSON', (m) => getComputedStyle(m).backgroundColor);
  assert.equal(markBackground, 'rgb(255, 216, 168)');
  assert.equal(await page.evaluate(() => document.querySelectorAll('mark').length), 0, 'no mark leaks into the light DOM');
  await screenshot(page, 'embedded');
  assert.deepEqual(problems, []);
  assert.deepEqual(offOrigin(requests, env.origin), []);
  await context.close();
});

test('attributes and properties re-render or re-analyse', async () => {
  const { page, context, problems } = await openDemo();
  await page.locator('#heard', { hasText: 'analysis event' }).waitFor();
  await page.$eval('news-entities', (e) => { e.types = ['GPE']; });
  assert.deepEqual(await page.$$eval('#highlighted mark.PERSON', (ms) => ms.length), 0, 'types hides people');
  assert.ok(await page.$$eval('#highlighted mark.GPE', (ms) => ms.length) > 0);
  assert.equal(await page.getAttribute('news-entities', 'types'), 'GPE', 'the property reflects to the attribute');

  const analysed = (script) => page.evaluate((body) => new Promise((resolve) => {
    const element = document.querySelector('news-entities');
    element.addEventListener('analysis', (event) => resolve(event.detail), { once: true });
    new Function('element', body)(element);
  }), script);
  const redated = await analysed("element.setAttribute('reference-date', '2024-01-10')");
  assert.equal(redated.reference_date.value, '2024-01-10');
  const retexted = await analysed("element.text = 'Angela Merkel visited Paris on Monday.'");
  assert.deepEqual(retexted.entities.map((e) => e.name), ['Angela Merkel', 'Paris']);
  assert.equal(retexted.dates[0].value, '2024-01-08');
  const edited = await analysed("element.text = null; element.querySelector('p').textContent = 'Emmanuel Macron spoke in Lyon.'");
  assert.ok(edited.entities.some((e) => e.name === 'Emmanuel Macron'), 'light-DOM edits are picked up');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the element registers once, under other names too, and its text stays inert', async () => {
  const { page, context, problems } = await openDemo();
  await page.locator('#heard', { hasText: 'analysis event' }).waitFor();
  const result = await page.evaluate(async () => {
    const { NewsEntities } = await import('./news-entities.js');
    const again = NewsEntities.define();
    const Other = NewsEntities.define('other-entities');
    const other = document.createElement('other-entities');
    const heard = new Promise((resolve) => document.addEventListener('analysis', (e) => resolve(e.composedPath()[0] === other), { once: true }));
    other.text = 'Paris <img src=x onerror="window.__xss=1"> <script>window.__xss=2<\/script>';
    document.body.append(other);
    return { same: again === NewsEntities, subclass: Object.getPrototypeOf(Other) === NewsEntities, composed: await heard, shadow: other.shadowRoot.innerHTML };
  });
  assert.ok(result.same, 'define() again returns the registered class');
  assert.ok(result.subclass, 'another name gets a subclass');
  assert.ok(result.composed, 'the event reached the document from the element');
  assert.ok(!/<img|<script/.test(result.shadow), 'the pasted markup is text, not elements');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without JavaScript the article is still there to read', async () => {
  const { page, context } = await openDemo({ javaScriptEnabled: false });
  const visible = await page.locator('news-entities p').first().isVisible();
  assert.ok(visible);
  assert.match(await page.locator('news-entities').innerText(), /Chinese President Xi Jinping held talks/);
  await context.close();
});
