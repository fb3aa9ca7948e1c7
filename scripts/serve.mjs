// A static file server for www/ on 127.0.0.1 with the right MIME types (application/wasm).
// Usage: node scripts/serve.mjs [port]   (also used by the browser tests, on a free port)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const www = fileURLToPath(new URL('../www/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.ts': 'text/plain; charset=utf-8',
};

/** Serves `root` (www/ unless told otherwise) on 127.0.0.1; port 0 picks a free one. */
export function serve(port = 0, root = www) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    let relative;
    try {
      relative = decodeURIComponent(url.pathname).replace(/\/$/, '/index.html');
    } catch {
      // A malformed escape ("/%E0%A4%A"): a bad request, not the end of the server.
      response.writeHead(400, { 'content-type': 'text/plain' }).end('bad request: malformed percent-escape in the path');
      return;
    }
    const file = path.join(root, relative);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      // Revalidated on every load (a new build shows at once), answered 304 when unchanged; the
      // service worker also reads the tag to store only what changed (www/sw.js).
      const { size, mtimeMs } = await stat(file);
      const etag = `W/"${size}-${Math.round(mtimeMs)}"`;
      const headers = { 'cache-control': 'no-cache', etag };
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, headers).end();
        return;
      }
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? 8080));
  console.log(`dateline is at http://127.0.0.1:${server.address().port}/`);
}
