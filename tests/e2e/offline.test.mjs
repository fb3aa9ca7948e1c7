// Offline: the installed page reloads with the network off (service worker), and the single-file
// build (dist/dateline.html) works from file:// with every network request refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { start, openApp, watch, pasteArticle, waitForAnalysisOf, screenshot, root } from './helpers.mjs';

const ARTICLE = readFileSync(new URL('tests/golden/wire-storm.txt', root), 'utf8');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Waits until the page's service worker is active and controls the page. */
function untilControlled(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('the page is installable and reloads offline from its cache', async () => {
  const { page, context, problems } = await openApp(env);
  await untilControlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // A Playwright context is incognito, which Chromium reports on its own; nothing else may be wrong.
  const errors = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
  assert.deepEqual(errors, [], 'Chromium finds the page installable (manifest, icon, service worker)');

  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await pasteArticle(page, ARTICLE);
  await waitForAnalysisOf(page, 'Cox');
  assert.match(await page.textContent('#status'), /Article date 2023-12-05 \(from the dateline\)/);
  assert.ok((await page.$$eval('#entities button', (bs) => bs.map((b) => b.textContent))).some((t) => t.startsWith('Sheikh Hasina')));
  const fromCache = await page.evaluate(() => performance.getEntriesByType('resource').every((r) => r.name.startsWith(location.origin)));
  assert.ok(fromCache);
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
  await context.close();
});

test('a file changed on the server replaces its stored copy, and offline the new one is served', async () => {
  // A copy of www/ to change a file in; the service worker stores only files whose ETag changed.
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-www-'));
  cpSync(fileURLToPath(new URL('www/', root)), dir, { recursive: true });
  const server = await serve(0, `${dir}/`);
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const { problems } = watch(page);
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await untilControlled(page);
    const stored = (file) => page.evaluate(async (name) => (await (await caches.open('dateline-v1')).match(name))?.text(), file);
    const before = await stored('style.css');
    assert.ok(before?.includes('font-family'), 'the installed worker stored style.css');

    appendFileSync(path.join(dir, 'style.css'), '\n/* changed on the server */\n');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForFunction(async () => (await (await caches.open('dateline-v1')).match('style.css'))?.text().then((t) => t.includes('changed on the server')), null, { timeout: 10_000 });

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const served = await page.evaluate(async () => (await fetch('style.css')).text());
    assert.ok(served.includes('changed on the server'), 'offline, the changed style.css comes from the cache');
    assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the single-file page works from file:// with the network refused', async () => {
  const file = new URL('dist/dateline.html', root);
  assert.ok(existsSync(file), 'dist/dateline.html is missing: run node scripts/build.mjs first');
  const context = await env.browser.newContext({ viewport: { width: 1300, height: 1400 }, offline: true });
  const refused = [];
  await context.route(/^(?!file:|blob:|data:)/, (route) => { refused.push(route.request().url()); return route.abort(); });
  const page = await context.newPage();
  const { problems, requests } = watch(page);
  await page.goto(file.href);
  await page.waitForSelector('body[data-ready="true"]');
  await pasteArticle(page, ARTICLE);
  await waitForAnalysisOf(page, 'Cox');
  assert.match(await page.textContent('#status'), /Article date 2023-12-05 \(from the dateline\)/);
  const timeline = await page.$$eval('#timeline > li > time', (ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(timeline, ['2020', '2023-12-04', '2023-12-05', '2023-12-07']);
  await screenshot(page, 'single-file');
  assert.deepEqual(refused, [], 'nothing tried to reach the network');
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:')), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the worker stores only the page\'s own files, never an address with a query', async () => {
  const { page, context } = await openApp(env);
  await untilControlled(page);
  const keys = await page.evaluate(async () => {
    // What a link into the page, or another app on the origin, might ask for.
    await fetch('index.html?text=a%20private%20article');
    await fetch('style.css?v=2');
    await fetch('not-ours.txt').catch(() => null);
    const cache = await caches.open('dateline-v1');
    // The worker stores in the background: give it the time a store takes.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return (await cache.keys()).map((r) => r.url);
  });
  assert.ok(keys.length > 0, 'the installed worker stored the page');
  assert.deepEqual(keys.filter((url) => url.includes('?') || url.endsWith('not-ours.txt')), []);
  await context.close();
});
