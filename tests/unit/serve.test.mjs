// The development server answers a malformed request and keeps serving.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { serve } from '../../scripts/serve.mjs';

/** The status of GET `path` (sent as written, not re-encoded). */
function statusOf(port, path) {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    sent.on('error', reject);
    sent.end();
  });
}

test('a malformed percent-escape is a 400, and the server lives on', async () => {
  const server = await serve(0);
  const { port } = server.address();
  try {
    assert.equal(await statusOf(port, '/%E0%A4%A'), 400);
    assert.equal(await statusOf(port, '/%'), 400);
    assert.equal(await statusOf(port, '/index.html'), 200);
    assert.equal(await statusOf(port, '/../Cargo.toml'), 404);
  } finally {
    server.close();
  }
});
