// quotes_compromise.js - compromise's quotations() over the "body" of each
// JSON line of a file.  Prints the bytes, the quotes found and, as an inside
// figure, the CPU seconds process.cpuUsage() counts around quotations()
// (the whole node process, all its threads); bench/quotes.sh times the
// whole process from outside for its comparison, as it does for parallax.
// usage: node quotes_compromise.js FILE.jsonl   (compromise installed in
// NODE_PATH or beside this script's working folder by bench/quotes.sh)
'use strict';
const fs = require('fs');
const nlp = require('compromise');
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n');
let bytes = 0, quotes = 0, seconds = 0;
for (const line of lines) {
  if (!line) continue;
  let body;
  try { body = JSON.parse(line).body; } catch (e) { continue; }
  if (typeof body !== 'string') continue;
  const t0 = process.cpuUsage();
  const q = nlp(body).quotations().out('array');
  const t1 = process.cpuUsage(t0);
  seconds += (t1.user + t1.system) / 1e6;
  bytes += Buffer.byteLength(body, 'utf8');
  quotes += q.length;
}
console.log(JSON.stringify({ bytes, seconds, quotes }));
