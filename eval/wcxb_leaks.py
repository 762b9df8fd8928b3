#!/usr/bin/env python3
"""Dev error dump for WCXB main text: every `without` snippet (text a correct
extraction must not hold) that parallax's extracted body holds, with the page
id and where the snippet sits in the page: the chain of elements (tag.class#id)
from <body> down to the smallest block holding it, and whether it is before or
after the page's last long paragraph.  For tuning on WCXB dev only (it refuses
a test split):

  python3 eval/wcxb_leaks.py build ../shared/data/wcxb-dev [ID...]

It prints the split's figures (eval_extract wcxb), then each leak: page id,
snippet, before or after the last long paragraph, the element chain, and the
extracted paragraph that holds it (normalized).  A short snippet ("Subscribe")
is often matched inside the article's own words: the paragraph shows it.
"""
import collections, gzip, html.parser, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wcxb_meta_errors import norm  # normalized as eval_extract compares

VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param',
        'source', 'track', 'wbr'}
BLOCK = {'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figure',
         'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'li', 'main', 'nav', 'ol', 'p',
         'pre', 'section', 'table', 'ul', 'tr', 'td', 'th', 'figcaption', 'caption', 'details', 'summary',
         'body'}
SKIP = {'script', 'style', 'noscript', 'template', 'svg', 'head'}


class Blocks(html.parser.HTMLParser):
    """Each block element's text (its own and its descendants') with its path."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # [tag, label, text parts] per open element
        self.blocks = []  # (path, text, order of closing)
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        label = tag + ''.join('.' + c for c in (a.get('class') or '').split()[:3])
        if a.get('id'):
            label += '#' + a['id'][:30]
        self.stack.append([tag, label, []])
        if tag in SKIP:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                while len(self.stack) > k:
                    self._close()
                return

    def _close(self):
        tag, label, parts = self.stack.pop()
        if tag in SKIP:
            self.skip -= 1
        text = ''.join(parts)
        if tag in BLOCK:
            self.blocks.append((' > '.join(e[1] for e in self.stack[-6:] + [[tag, label]]), text))
        if self.stack:
            self.stack[-1][2].append(' ' + text + ' ' if tag in BLOCK else text)

    def handle_data(self, data):
        if self.stack and not self.skip:
            self.stack[-1][2].append(data)

    def close(self):
        super().close()
        while self.stack:
            self._close()


def main():
    build, d = sys.argv[1], sys.argv[2]
    if 'test' in os.path.basename(os.path.normpath(d)):
        sys.exit('wcxb_leaks: dev only (the test split is held out)')
    only = set(sys.argv[3:])
    r = subprocess.run([os.path.join(build, 'eval_extract'), 'wcxb', d], env=dict(os.environ, PX_EVAL_LEAKS='1'),
                       capture_output=True, text=True)
    leaks = collections.defaultdict(list)
    for line in r.stderr.splitlines():
        if line.startswith('LEAK '):
            k, s = line[5:].split('\t', 1)
            if not only or k in only:
                leaks[k].append(s)
    print(r.stdout.strip())
    for k in sorted(leaks):
        with gzip.open(os.path.join(d, 'html', k + '.html.gz'), 'rt', encoding='utf-8', errors='replace') as f:
            p = Blocks()
            p.feed(f.read())
            p.close()
        blocks = [(path, norm(t)) for path, t in p.blocks]
        # the last block of 200+ characters of prose: the article's end, roughly
        last_long = max((i for i, (path, t) in enumerate(blocks) if path.split(' > ')[-1].startswith('p')
                         and len(t) >= 200), default=-1)
        out = subprocess.run([os.path.join(build, 'eval_extract'), 'wcxb', d, '--dump', k],
                             capture_output=True, text=True).stdout
        body = out.split('\n', 5)[5] if out.count('\n') >= 5 else ''
        paras = [norm(x) for x in body.split('\n\n')]
        for s in leaks[k]:
            ns = norm(s)
            # the extracted paragraph holding it, then the smallest block of the page holding that
            para = next((x for x in paras if ns in x), ns)
            probe = para[max(0, para.index(ns) - 60):para.index(ns) + len(ns) + 60] if ns in para else ns
            hit = next(((i, path, t) for i, (path, t) in enumerate(blocks) if probe in t), None)
            if not hit:
                print(f'{k}\t{s!r}\tnot in one block\n\t[{para[:200]}]')
                continue
            i, path, t = hit
            where = 'after the last long paragraph' if i > last_long else 'before it'
            print(f'{k}\t{s!r}\t{where}\n\t{path}\n\t[{para[:200]}]')

if __name__ == '__main__':
    main()
