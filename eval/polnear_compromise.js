// polnear_compromise.js - compromise's quotations() over the PolNeAR
// articles of one split, written as predictions for eval/score_polnear.py
// (eval/quotes.sh runs it beside parallax in the same run).
// usage: node polnear_compromise.js POLNEAR.jsonl SPLIT > PRED.jsonl
// compromise finds quotations but names no speaker: each is written as a
// direct quote with no speaker, its span converted from JavaScript string
// offsets to UTF-8 byte offsets of the text.
'use strict';
const fs = require('fs');
const nlp = require('compromise');
const [file, split] = process.argv.slice(2);
const lines = fs.readFileSync(file, 'utf8').split('\n');
let docs = 0;
for (const line of lines) {
  if (!line) continue;
  const d = JSON.parse(line);
  if (d.split !== split) continue;
  const text = d.text;
  const quotes = [];
  for (const q of nlp(text).quotations().json({ offset: true })) {
    const s = Buffer.byteLength(text.slice(0, q.offset.start), 'utf8');
    const e = s + Buffer.byteLength(text.slice(q.offset.start, q.offset.start + q.offset.length), 'utf8');
    quotes.push({ kind: 'direct', spans: [[s, e]], content: [s, e], speaker: null, name: '' });
  }
  process.stdout.write(JSON.stringify({ doc_id: d.doc_id, quotes }) + '\n');
  docs++;
}
if (!docs) {
  process.stderr.write(`polnear_compromise: no article of split ${split} in ${file}\n`);
  process.exit(1);
}
