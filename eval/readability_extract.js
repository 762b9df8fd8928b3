// readability_extract.js - Readability.js (@mozilla/readability + jsdom, as
// installed from npm by eval/extract.sh) over the pages of an evaluation
// set, written as one JSON object for eval_extract's *-output modes.
// usage: node readability_extract.js aeb|wcxb DIR > OUT.json
//   aeb   every page of ground-truth.json: id -> {articleBody}
//   wcxb  the article pages of ground-truth.json.gz:
//         id -> {title, byline, date (publishedTime), body (textContent)}
//   wcxb-kinds  every page of ground-truth.json.gz: id -> {readerable}
//         (isProbablyReaderable: Readability's own "is this an article?")
// A page Readability cannot parse is written with empty fields (it scores
// 0); a page that cannot be read fails the run.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability, isProbablyReaderable } = require('@mozilla/readability');

const [mode, dir] = process.argv.slice(2);
const read = (p) => (p.endsWith('.gz') ? zlib.gunzipSync(fs.readFileSync(p)) : fs.readFileSync(p)).toString('utf8');
const gt = JSON.parse(read(path.join(dir, mode === 'aeb' ? 'ground-truth.json' : 'ground-truth.json.gz')));
const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
const quiet = new VirtualConsole();
const out = {};
let pages = 0, failed = 0;
for (const [id, v] of Object.entries(gt)) {
  if (mode === 'wcxb' && v.page_type !== 'article') continue;
  const html = read(path.join(dir, 'html', `${id}.html.gz`));
  if (mode === 'wcxb-kinds') {
    let ok = false;
    try {
      const dom = new JSDOM(html, { url: v.url || 'https://example.com/', virtualConsole: quiet });
      ok = isProbablyReaderable(dom.window.document);
      dom.window.close();
    } catch (e) {
      failed++;
    }
    out[id] = { readerable: ok };
    pages++;
    continue;
  }
  let r = null;
  try {
    const dom = new JSDOM(html, { url: v.url || 'https://example.com/', virtualConsole: quiet });
    r = new Readability(dom.window.document).parse();
    dom.window.close();
  } catch (e) {
    r = null;
  }
  if (!r) failed++;
  r = r || {};
  out[id] = mode === 'aeb'
    ? { articleBody: r.textContent || '' }
    : { title: r.title || '', byline: r.byline || '', date: r.publishedTime || '', body: r.textContent || '' };
  pages++;
}
process.stdout.write(JSON.stringify(out));
const wall = Number(process.hrtime.bigint() - t0) / 1e9, cu = process.cpuUsage(c0);
process.stderr.write(`readability.js: ${pages} pages, ${failed} without a result, ` +
  `${wall.toFixed(1)} s wall, ${((cu.user + cu.system) / 1e6).toFixed(1)} s CPU: ` +
  `${(pages / wall).toFixed(1)} pages/s\n`);
