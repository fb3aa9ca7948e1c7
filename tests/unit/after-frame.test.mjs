// www/after-frame.js: work held back until the frame that shows the first analysis is drawn.
import { test, mock, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { afterFrame } from '../../www/after-frame.js';

/** A stand-in for the browser's frames: callbacks wait until `frame()` runs them. */
function fakeFrames() {
  let waiting = [];
  globalThis.requestAnimationFrame = (callback) => waiting.push(callback);
  return {
    frame() {
      const now = waiting;
      waiting = [];
      for (const callback of now) callback(0);
    },
  };
}

afterEach(() => {
  delete globalThis.requestAnimationFrame;
  mock.timers.reset();
});

test('the callback waits for the frame after the next, then a task, and runs once', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  const frames = fakeFrames();
  let calls = 0;
  afterFrame(() => calls++);
  mock.timers.tick(0);
  frames.frame();
  mock.timers.tick(0);
  assert.equal(calls, 0, 'not before the second frame');
  frames.frame();
  assert.equal(calls, 0, 'not inside the frame');
  mock.timers.tick(0);
  assert.equal(calls, 1, 'in the task after it');
  mock.timers.tick(5000);
  frames.frame();
  assert.equal(calls, 1, 'the hidden-page timer does not call it again');
});

test('a page that draws no frame (hidden) runs the callback after a second', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  fakeFrames(); // frames never come
  let calls = 0;
  afterFrame(() => calls++);
  mock.timers.tick(999);
  assert.equal(calls, 0);
  mock.timers.tick(1);
  assert.equal(calls, 1);
});

test('where nothing is drawn at all, the callback runs in the next task', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  let calls = 0;
  afterFrame(() => calls++);
  assert.equal(calls, 0, 'not synchronously');
  mock.timers.tick(0);
  assert.equal(calls, 1);
});
