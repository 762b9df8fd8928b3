// readability_bench.js - Readability.js (@mozilla/readability + jsdom) over
// the Article Extraction Benchmark pages, for bench/extract.sh.
// usage: node readability_bench.js HTML_DIR [RUNS]
// Pages are read and gunzipped first; only JSDOM parse + Readability.parse()
// are timed.  Prints one line: pages, MB, seconds (median run), pages/s.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const dir = process.argv[2];
const runs = parseInt(process.argv[3] || '1', 10);
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort();
const pages = files.map((f) => zlib.gunzipSync(fs.readFileSync(path.join(dir, f))).toString('utf8'));
const bytes = pages.reduce((s, p) => s + Buffer.byteLength(p, 'utf8'), 0);
const quiet = new VirtualConsole();
const times = [];
let failed = 0;
for (let r = 0; r < runs; r++) {
  failed = 0;
  const t0 = process.hrtime.bigint();
  for (const html of pages) {
    try {
      const dom = new JSDOM(html, { url: 'https://example.com/', virtualConsole: quiet });
      new Readability(dom.window.document).parse();
      dom.window.close();
    } catch (e) {
      failed++;
    }
  }
  times.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
times.sort((a, b) => a - b);
const t = times[Math.floor(times.length / 2)];
console.log(`readability.js: ${pages.length} pages, ${(bytes / 1e6).toFixed(1)} MB, ` +
            `${t.toFixed(2)} s: ${(pages.length / t).toFixed(1)} pages/s, ` +
            `${(bytes / 1e6 / t).toFixed(2)} MB/s (${failed} pages threw)`);
