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

/**
 * Configures the page's analyser so that its n-th worker runs `sources[n]` (a blob worker) or, past
 * the list, the real /worker.js; then analyses a sentence `times` times. Returns each answer (an
 * error message or the entity names) and how many workers were started.
 */
function scenario(page, sources, times, firstInThreadChars = 0) {
  return page.evaluate(async ({ sources, times, firstInThreadChars }) => {
    const { configureAnalyser, analyse } = await import('/analyser.js');
    const { afterFrame } = await import('/after-frame.js');
    let started = 0;
    configureAnalyser({
      firstInThreadChars, // 0 (the default here): every analysis to a worker
      createWorker: () => {
        const source = sources[started++];
        return source ? new Worker(URL.createObjectURL(new Blob([source]))) : new Worker('/worker.js', { type: 'module' });
      },
    });
    const answers = [];
    const startedBefore = [];
    for (let i = 0; i < times; i++) {
      startedBefore.push(started);
      const answer = await analyse('Angela Merkel visited Paris.', {});
      answers.push(answer.error ?? answer.result.entities.map((e) => e.name).join(', '));
      // Let a worker start in between: it starts when afterFrame's wait after an answer ends.
      await new Promise((resolve) => afterFrame(() => setTimeout(resolve, 50)));
    }
    return { answers, started, startedBefore };
  }, { sources, times, firstInThreadChars });
}

test('a short first text is analysed on the main thread, then a worker takes over', async () => {
  const { page, context } = await blankPage();
  // A worker that takes the module it is handed and crashes on a text: only the analyses it
  // takes can fail.
  const crashing = 'onmessage = ({ data }) => { if (data.text !== undefined) throw new Error("boom"); };';
  const { answers, startedBefore, started } = await scenario(page, [crashing], 2, 100);
  assert.equal(startedBefore[0], 0, 'no worker was started for the first analysis');
  assert.equal(answers[0], 'Angela Merkel, Paris', 'the main thread analysed the first text');
  assert.equal(startedBefore[1], 1, 'a worker started once the first answer was given');
  assert.match(answers[1], /stopped unexpectedly and was restarted/, 'the second analysis went to the worker');
  assert.equal(started, 2);
  await context.close();
});

test('a worker that dies is replaced and the message says the text is safe', async () => {
  const { page, context } = await blankPage();
  // The first worker crashes on its first message, as a worker whose core trapped would.
  const { answers, started } = await scenario(page, ['onmessage = () => { throw new Error("boom"); };'], 2);
  assert.match(answers[0], /stopped unexpectedly and was restarted; your text is untouched/);
  assert.equal(answers[1], 'Angela Merkel, Paris', 'the fresh worker analyses');
  assert.equal(started, 2);
  await context.close();
});

test('when no worker can run, the main thread analyses instead of restarting forever', async () => {
  const { page, context } = await blankPage();
  const failing = 'throw new Error("cannot load");';
  const { answers, started } = await scenario(page, [failing, failing, failing, failing], 4);
  assert.equal(started, 2, 'two failed starts, then no more workers');
  assert.equal(answers.at(-1), 'Angela Merkel, Paris', 'the main thread took over');
  await context.close();
});

test('the page starts its worker and its offline cache only after the first analysis is drawn', async () => {
  // Started sooner, they ran beside the browser's drawing of the first analysis (www/after-frame.js).
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.order = [];
    document.addEventListener('analysis', () => {
      window.order.push('analysis');
      requestAnimationFrame(() => window.order.push('frame'));
    }, { once: true });
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(...args) {
        window.order.push('worker');
        super(...args);
      }
    };
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => {
      window.order.push('service worker');
      return register(...args);
    };
  });
  await page.goto(`${env.origin}/`);
  await page.waitForFunction(() => window.order.includes('worker') && window.order.includes('service worker'));
  const order = await page.evaluate(() => window.order);
  assert.deepEqual(order.slice(0, 2), ['analysis', 'frame'], `in this order: ${order.join(', ')}`);
  await context.close();
});

/** Runs `body(analyse, workers)` in a blank page whose analyser sends everything to real workers;
 * `workers()` counts the workers started so far. */
function withRealWorkers(page, body) {
  return page.evaluate(async (source) => {
    const { configureAnalyser, analyse } = await import('/analyser.js');
    let started = 0;
    configureAnalyser({
      firstInThreadChars: 0,
      createWorker: () => { started++; return new Worker('/worker.js', { type: 'module' }); },
    });
    // eslint-disable-next-line no-new-func
    return new Function('analyse', 'workers', `return (${source})(analyse, workers);`)(analyse, () => started);
  }, body.toString());
}

test('a newer text stops its caller\'s long analysis in flight; other callers still get theirs', async () => {
  const { page, context } = await blankPage();
  const outcome = await withRealWorkers(page, async (analyse, workers) => {
    await analyse('Warm-up with Angela Merkel.', {}); // the worker is up
    const before = workers();
    const long = 'Angela Merkel visited Paris on Friday. '.repeat(20_000); // 780,000 characters
    const editor = {};
    const other = {};
    const first = analyse(long, {}, editor);
    const others = analyse('Emmanuel Macron met Olaf Scholz.', {}, other);
    const second = analyse('Xi Jinping met Li Qiang.', {}, editor);
    const [a, b, c] = await Promise.all([first, others, second]);
    return {
      superseded: a.superseded === true,
      other: b.result?.entities.map((e) => e.name).join(', '),
      newer: c.result?.entities.map((e) => e.name).join(', '),
      replaced: workers() - before,
    };
  });
  assert.ok(outcome.superseded, 'the long analysis was answered as superseded');
  assert.equal(outcome.newer, 'Xi Jinping, Li Qiang');
  assert.equal(outcome.other, 'Emmanuel Macron, Olaf Scholz', 'the other caller\'s request went to the new worker');
  assert.equal(outcome.replaced, 1, 'one fresh worker took over');
  await context.close();
});

test('a worker that answered a huge text is replaced, and the fresh one analyses', async () => {
  const { page, context } = await blankPage();
  const outcome = await withRealWorkers(page, async (analyse, workers) => {
    await analyse('Warm-up.', {});
    const before = workers();
    const huge = await analyse('Kenya and Uganda met in Nairobi. '.repeat(70_000), {}); // 2.3 million
    const afterHuge = workers();
    const next = await analyse('Angela Merkel visited Paris.', {});
    return {
      hugeNames: huge.result?.entities.length,
      replaced: afterHuge - before,
      next: next.result?.entities.map((e) => e.name).join(', '),
    };
  });
  assert.ok(outcome.hugeNames >= 3, 'the huge text was analysed');
  assert.equal(outcome.replaced, 1, 'its worker was replaced, freeing its memory');
  assert.equal(outcome.next, 'Angela Merkel, Paris');
  await context.close();
});
