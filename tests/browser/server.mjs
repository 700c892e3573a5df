// A tiny static file server for built sites, on 127.0.0.1 only: it behaves like the static hosts
// the site is deployed to (GitHub/GitLab Pages, a plain web server), so the browser sees exactly
// what readers get.
//
// - Each site is mounted at its base path (`/innotrain/`); the first mount's `404.html` answers
//   every missing path, with status 404.
// - A folder answers with its `index.html`; a folder without a trailing slash is redirected (301).
// - Content types by extension (HTML, CSS, SVG, JSON, XML, PDF …); nothing is cached.
// - Paths are decoded once and must stay inside the mounted folder.
// - `headers` go with every response (a host's Content-Security-Policy, for instance).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

/** The content type for a file name. */
export function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Starts serving `mounts` (`[{ prefix: '/innotrain/', dir: '/tmp/x/public' }, …]`) on 127.0.0.1 at a
 * free port, with `headers` (`{ name: value }`) added to every response. Resolves to
 * `{ origin, close() }`.
 */
export async function serve(mounts, { headers = {} } = {}) {
  for (const mount of mounts) {
    if (!mount.prefix.startsWith('/') || !mount.prefix.endsWith('/')) {
      throw new Error(`mount prefix must start and end with "/": ${mount.prefix}`);
    }
  }
  const notFound = path.join(mounts[0].dir, '404.html');
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) {
      response.setHeader(name, value);
    }
    answer(mounts, notFound, request, response).catch((error) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(String(error));
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function answer(mounts, notFound, request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' });
    response.end();
    return;
  }
  const url = new URL(request.url, 'http://127.0.0.1');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return send(response, request, 400, null, 'bad request');
  }
  const mount = mounts.find((m) => pathname.startsWith(m.prefix) || `${pathname}/` === m.prefix);
  if (mount) {
    if (`${pathname}/` === mount.prefix) {
      return redirect(response, `${url.pathname}/${url.search}`);
    }
    const root = path.resolve(mount.dir);
    const file = path.resolve(root, `.${pathname.slice(mount.prefix.length - 1)}`);
    if (file === root || file.startsWith(root + path.sep)) {
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!pathname.endsWith('/')) {
          return redirect(response, `${url.pathname}/${url.search}`);
        }
        const index = path.join(file, 'index.html');
        if (await stat(index).then((i) => i.isFile()).catch(() => false)) {
          return send(response, request, 200, index);
        }
      } else if (info?.isFile()) {
        return send(response, request, 200, file);
      }
    }
  }
  const hasNotFound = await stat(notFound).then((i) => i.isFile()).catch(() => false);
  return send(response, request, 404, hasNotFound ? notFound : null, 'not found');
}

async function send(response, request, status, file, text = '') {
  const body = file ? await readFile(file) : Buffer.from(text);
  response.writeHead(status, {
    'content-type': file ? contentType(file) : 'text/plain; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function redirect(response, location) {
  response.writeHead(301, { location });
  response.end();
}
