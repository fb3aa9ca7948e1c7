// The page's look at 320, 390 and 1280 px, light and dark, against committed references
// (tests/e2e/screenshots/): a changed look is a reviewed reference update. Pixels are compared in
// the browser (no image library); a few per cent may differ (antialiasing), the status line's
// timing is masked. Update the references with DATELINE_UPDATE_SCREENSHOTS=1; on a difference
// the new look and the difference are written to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { start, openApp, root } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const UPDATE = process.env.DATELINE_UPDATE_SCREENSHOTS === '1';
/** Share of pixels that may differ by more than a little in any channel. */
const TOLERANCE = 0.005;
const SIZES = [[320, 2400], [390, 2300], [1280, 1500]];

/** Compares two PNGs in the page: the share of pixels that differ, and a PNG of where. */
function compare(page, actual, expected) {
  return page.evaluate(async ([a, b]) => {
    // Through an <img> (the page's CSP allows data: images, not data: fetches).
    const load = (base64) => new Promise((resolve, reject) => {
      const image = new Image();
      image.onload = () => resolve(createImageBitmap(image));
      image.onerror = () => reject(new Error('a screenshot did not decode'));
      image.src = `data:image/png;base64,${base64}`;
    });
    const [x, y] = [await load(a), await load(b)];
    if (x.width !== y.width || x.height !== y.height) return { share: 1, reason: `size ${x.width}x${x.height}, reference ${y.width}x${y.height}` };
    const pixels = (bitmap) => {
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      return context.getImageData(0, 0, bitmap.width, bitmap.height);
    };
    const [p, q] = [pixels(x), pixels(y)];
    const diff = new ImageData(x.width, x.height);
    let differing = 0;
    for (let i = 0; i < p.data.length; i += 4) {
      const far = Math.max(Math.abs(p.data[i] - q.data[i]), Math.abs(p.data[i + 1] - q.data[i + 1]), Math.abs(p.data[i + 2] - q.data[i + 2])) > 40;
      if (far) differing++;
      diff.data.set(far ? [255, 0, 0, 255] : [q.data[i], q.data[i + 1], q.data[i + 2], 60], i);
    }
    const canvas = new OffscreenCanvas(x.width, x.height);
    canvas.getContext('2d').putImageData(diff, 0, 0);
    const bytes = new Uint8Array(await (await canvas.convertToBlob()).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return { share: differing / (p.data.length / 4), diff: btoa(binary) };
  }, [actual.toString('base64'), expected.toString('base64')]);
}

for (const [width, height] of SIZES) {
  for (const colorScheme of ['light', 'dark']) {
    test(`the page at ${width} px, ${colorScheme}, looks as reviewed`, async () => {
      const { page, context } = await openApp(env, { viewport: { width, height }, colorScheme, reducedMotion: 'reduce' });
      // The sample's dateline has no year: a fixed article date keeps the picture the same every year.
      await page.fill('#reference-date', '2023-05-20');
      await page.dispatchEvent('#reference-date', 'change');
      await page.locator('#status', { hasText: 'Article date 2023-05-20 (from the user)' }).waitFor();
      await page.evaluate(() => document.fonts.ready);
      // The time axis is drawn once near the screen: wait until it is, or is not to be.
      await page.waitForFunction(() => {
        const axis = document.getElementById('analysis').shadowRoot.getElementById('axis');
        return axis.hidden || axis.getBoundingClientRect().top > innerHeight + 200 || axis.querySelector('.axis-event');
      });
      const shot = await page.screenshot({ mask: [page.locator('#status')], maskColor: '#888888', animations: 'disabled', caret: 'hide' });
      const name = `${width}-${colorScheme}.png`;
      const reference = new URL(`tests/e2e/screenshots/${name}`, root);
      if (UPDATE || !existsSync(reference)) {
        mkdirSync(new URL('tests/e2e/screenshots/', root), { recursive: true });
        writeFileSync(reference, shot);
        assert.ok(UPDATE, `no reference for ${name}: one was written; review it and commit it`);
      } else {
        const { share, reason, diff } = await compare(page, shot, readFileSync(reference));
        if (share > TOLERANCE) {
          mkdirSync(new URL('test-results/', root), { recursive: true });
          writeFileSync(new URL(`test-results/${name}`, root), shot);
          if (diff) writeFileSync(new URL(`test-results/diff-${name}`, root), Buffer.from(diff, 'base64'));
          assert.fail(`${name}: ${reason ?? `${(share * 100).toFixed(2)}% of pixels differ`}; see test-results/${name} and diff-${name}, and update the reference if the change is wanted`);
        }
      }
      await context.close();
    });
  }
}
