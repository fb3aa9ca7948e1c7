// Shared set-up for the browser tests: one static server for www/, Debian's Chromium, and pages
// that record console errors, page errors and every request they make.
// Playwright's CSS selectors pierce open shadow roots, so '#highlighted mark' finds the marks
// inside <news-entities>.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { launchChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

export const root = new URL('../../', import.meta.url);

/** Starts the server and the browser; returns { origin, browser, close }. */
export async function start() {
  assert.ok(existsSync(new URL('www/pkg/dateline_bg.wasm', root)), 'www/pkg is missing: run node scripts/build.mjs first');
  assertBundleFresh();
  const server = await serve(0);
  const browser = await launchChromium();
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    browser,
    close: async () => { await browser.close(); server.close(); },
  };
}

/** The page runs www/app.bundle.js, built from modules under www/ (each heads its part with a
 * `// www/...` line): a module edited since the last build would go untested. */
function assertBundleFresh() {
  const bundle = new URL('www/app.bundle.js', root);
  assert.ok(existsSync(bundle), 'www/app.bundle.js is missing: run node scripts/build.mjs first');
  const built = statSync(bundle).mtimeMs;
  const modules = [...readFileSync(bundle, 'utf8').matchAll(/^\/\/ (www\/\S+\.js)$/gm)].map((m) => m[1]);
  assert.ok(modules.includes('www/render.js'), 'www/app.bundle.js names the modules it holds');
  for (const module of modules) {
    assert.ok(statSync(new URL(module, root)).mtimeMs <= built, `${module} changed after www/app.bundle.js was built: run node scripts/build.mjs`);
  }
}

/** Records what a page does that a test may want to forbid. */
export function watch(page) {
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  return { problems, requests };
}

/** Opens the app page in a fresh context and waits for its first analysis. */
export async function openApp(env, contextOptions = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1300, height: 1400 }, ...contextOptions });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, context, ...seen };
}

export async function pasteArticle(page, text) {
  await page.fill('#article', '');
  await page.focus('#article');
  await page.keyboard.insertText(text);
}

export async function waitForAnalysisOf(page, fragment, timeout = 10_000) {
  await page.locator('#highlighted').filter({ hasText: fragment }).waitFor({ timeout });
}

export function offOrigin(requests, origin) {
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
}

export async function screenshot(page, name, options = {}) {
  mkdirSync(new URL('test-results/', root), { recursive: true });
  await page.screenshot({ path: new URL(`test-results/${name}.png`, root).pathname, fullPage: true, ...options });
}
