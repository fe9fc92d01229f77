// `npm start`'s last step: serves the built product on http://127.0.0.1:PORT (default 8765):
//   /            an index
//   /popup       the extension popup as a page (the real popup.html, running the Wasm core)
//   /form?dc=eu  a replica of the Developer Hub connection form with the overlay (the real content script,
//                answered by the real service code through a stand-in for chrome.runtime)
// and prints the folder to "Load unpacked" in chrome://extensions.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync, mkdirSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { ROOT, paths, run } from './lib.mjs';

const PORT = Number(process.env.PORT ?? 8765);
const demoDir = join(ROOT, 'target', 'demo');
mkdirSync(demoDir, { recursive: true });
run(join(ROOT, 'node_modules', '.bin', 'esbuild'), [join(paths.extSrc, 'src', 'demo', 'bridge.ts'), '--bundle',
  '--format=esm', '--log-level=warning', `--outfile=${join(demoDir, 'bridge.js')}`]);

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png' };

function send(res, file) {
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(readFileSync(file));
}

function inside(base, rel) {
  const p = normalize(join(base, rel));
  return p.startsWith(base) ? p : join(base, '__nope__');
}

const INDEX = `<!doctype html><meta charset="utf-8"><title>zoho-connector-kit demo</title>
<style>body{font:15px system-ui;max-width:720px;margin:40px auto;line-height:1.5}code{background:#eee;padding:1px 4px}</style>
<h1>zoho-connector-kit — demo</h1>
<ul>
<li><a href="/popup">The popup</a> (the extension's real popup page, running the Wasm core).</li>
<li>The Developer Hub connection form replica with the overlay:
  <a href="/form?dc=eu">EU</a> · <a href="/form?dc=us">US</a> · <a href="/form?dc=in">IN</a> · <a href="/form?dc=au">AU</a></li>
</ul>
<p>To use the real extension: open <code>chrome://extensions</code>, turn on Developer mode, click
<b>Load unpacked</b> and choose <code>${paths.extDist}</code>.</p>`;

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const p = url.pathname;
  if (p === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(INDEX);
  if (p === '/popup' || p === '/popup/') return send(res, join(paths.extDist, 'popup.html'));
  if (p === '/form') {
    const html = readFileSync(join(ROOT, 'tests', 'fixtures', 'pages', 'connection-form.html'), 'utf8')
      .replace('</head>', '<script type="module" src="/demo/bridge.js"></script></head>');
    return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  }
  if (p.startsWith('/demo/')) return send(res, inside(demoDir, p.slice(6)));
  if (p.startsWith('/extension/')) return send(res, inside(paths.extDist, p.slice(11)));
  // popup.html refers to popup.css, popup.js and wasm/ relative to itself.
  return send(res, inside(paths.extDist, p.slice(1)));
}).listen(PORT, '127.0.0.1', () => {
  console.log(`\nzoho-connector-kit demo: http://127.0.0.1:${PORT}/`);
  console.log(`  popup:            http://127.0.0.1:${PORT}/popup`);
  console.log(`  connection form:  http://127.0.0.1:${PORT}/form?dc=eu`);
  console.log(`Load unpacked (chrome://extensions, Developer mode): ${paths.extDist}`);
  console.log('Ctrl-C to stop.');
});
