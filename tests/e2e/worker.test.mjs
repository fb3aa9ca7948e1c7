// The worker client (www/analyser.js) when its worker dies: the caller gets a clear message, a
// fresh worker takes over, and a worker that cannot start at all gives way to the main thread.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, watch } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** A page of the origin with no analyser running yet, so that this test configures its own. */
async function blankPage() {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${env.origin}/manifest.webmanifest`);
  return { page, context, ...seen };
}

test('a worker that dies is replaced and the message says the text is safe', async () => {
  const { page, context } = await blankPage();
  const answers = await page.evaluate(async () => {
    const { configureAnalyser, analyse } = await import('/analyser.js');
    let started = 0;
    configureAnalyser({
      createWorker: () => {
        started += 1;
        // The first worker crashes on its first message, as a worker whose core trapped would.
        if (started === 1) return new Worker(URL.createObjectURL(new Blob(['onmessage = () => { throw new Error("boom"); };'])));
        return new Worker('/worker.js', { type: 'module' });
      },
    });
    const first = await analyse('Angela Merkel visited Paris.', {});
    const second = await analyse('Angela Merkel visited Paris.', {});
    return { first, second: second.result?.entities.map((e) => e.name), started };
  });
  assert.match(answers.first.error, /stopped unexpectedly and was restarted; your text is untouched/);
  assert.deepEqual(answers.second, ['Angela Merkel', 'Paris'], 'the fresh worker analyses');
  assert.equal(answers.started, 2);
  await context.close();
});

test('when no worker can run, the main thread analyses instead of restarting forever', async () => {
  const { page, context } = await blankPage();
  const answers = await page.evaluate(async () => {
    const { configureAnalyser, analyse } = await import('/analyser.js');
    let started = 0;
    configureAnalyser({
      createWorker: () => {
        started += 1;
        return new Worker(URL.createObjectURL(new Blob(['throw new Error("cannot load");'])));
      },
    });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await analyse('Angela Merkel visited Paris.', {}));
    return { results: results.map((r) => r.error ?? r.result.entities.map((e) => e.name).join(', ')), started };
  });
  assert.equal(answers.started, 2, 'two failed starts, then no more workers');
  assert.equal(answers.results.at(-1), 'Angela Merkel, Paris', 'the main thread took over');
  await context.close();
});
