#!/usr/bin/env python3
"""Dev error dump for WCXB metadata: for each article page that parallax gets
wrong (title, author or date, from `PX_EVAL_VERBOSE=1 eval_extract wcxb DIR`),
print the page's own candidates (<title>, og:title, twitter:title, JSON-LD
headline / author / datePublished, <h1>s, date metas, <time datetime>) beside
the ground truth, and count which candidate agrees with the truth over all
article pages (normalized as eval_extract compares).  For tuning on WCXB dev
only:

  PX_EVAL_VERBOSE=1 build/eval_extract wcxb ../shared/data/wcxb-dev > dev.txt
  python3 eval/wcxb_meta_errors.py ../shared/data/wcxb-dev dev.txt [title|author|date]
"""
import collections, gzip, html.parser, json, os, re, sys, unicodedata


def norm(s):
    s = unicodedata.normalize('NFKD', s or '').casefold()
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return ' '.join(re.findall(r'\w+', s))


class Cand(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.c = collections.defaultdict(list)
        self.stack = []
        self.buf = None
        self.ld = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or '') for k, v in attrs}
        if tag == 'meta':
            k = (a.get('property') or a.get('name') or a.get('itemprop') or '').lower()
            if k and a.get('content'):
                self.c['meta:' + k].append(a['content'])
        elif tag in ('title', 'h1'):
            self.buf = [tag, '']
        elif tag == 'script' and 'ld+json' in a.get('type', ''):
            self.ld = ''
        elif tag == 'time' and a.get('datetime'):
            self.c['time'].append(a['datetime'])

    def handle_endtag(self, tag):
        if self.buf and tag == self.buf[0]:
            self.c[tag].append(' '.join(self.buf[1].split()))
            self.buf = None
        if tag == 'script' and self.ld is not None:
            try:
                walk(json.loads(self.ld), self.c)
            except Exception:
                self.c['ld:bad'].append('1')
            self.ld = None

    def handle_data(self, d):
        if self.buf:
            self.buf[1] += d
        if self.ld is not None:
            self.ld += d


def walk(j, c):
    if isinstance(j, list):
        for x in j:
            walk(x, c)
    elif isinstance(j, dict):
        for k in ('headline', 'name', 'datePublished', 'dateCreated'):
            v = j.get(k)
            if isinstance(v, str):
                c['ld:%s:%s' % (j.get('@type'), k)].append(v)
        a = j.get('author')
        if a is not None:
            c['ld:author'].append(json.dumps(a)[:200])
        for k, v in j.items():
            if k != 'author' and isinstance(v, (list, dict)):
                walk(v, c)


def main():
    d, res = sys.argv[1], sys.argv[2]
    what = sys.argv[3] if len(sys.argv) > 3 else 'title'
    gt = json.load(gzip.open(os.path.join(d, 'ground-truth.json.gz')))
    flags = {}
    for line in open(res):
        f = line.rstrip('\n').split('\t')
        if len(f) > 5 and re.fullmatch(r'\d{4}', f[0]):
            flags[f[0]] = f
    agree = collections.Counter()
    letter = {'title': 'T', 'author': 'A', 'date': 'D'}[what]
    for k, f in sorted(flags.items()):
        g = gt[k]
        truth = g[{'title': 'title', 'author': 'author', 'date': 'publish_date'}[what]]
        if not truth:
            continue
        p = Cand()
        try:
            p.feed(gzip.open(os.path.join(d, 'html', k + '.html.gz')).read().decode('utf-8', 'replace'))
        except Exception:
            pass
        nt = norm(truth)
        hits = [s for s, vs in p.c.items() for v in vs
                if (norm(v) == nt if what == 'title' else nt in norm(v) if what == 'author' else v.startswith(truth))]
        for s in set(hits):
            agree[s] += 1
        if letter not in f[1]:
            got = {'title': f[4], 'author': f[5], 'date': f[6]}[what]
            print('== %s got %s  truth %r  url %s' % (k, got, truth, g['url']))
            print('   agree:', sorted(set(hits)))
            for s, vs in p.c.items():
                if what == 'title' and (s in ('title', 'h1') or 'title' in s or 'headline' in s):
                    print('   %s: %s' % (s, ' || '.join(v[:120] for v in vs[:4])))
                if what == 'author' and ('author' in s or 'creator' in s or 'byl' in s):
                    print('   %s: %s' % (s, ' || '.join(v[:120] for v in vs[:4])))
                if what == 'date' and (s == 'time' or 'date' in s.lower() or 'publish' in s or 'time' in s):
                    print('   %s: %s' % (s, ' || '.join(v[:60] for v in vs[:4])))
    print('sources agreeing with the truth (pages):')
    for s, n in agree.most_common(25):
        print('  %5d %s' % (n, s))


if __name__ == '__main__':
    main()
