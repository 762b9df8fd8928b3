#!/usr/bin/env python3
"""tiny_records.py N PATH [--language CODE] - invented tiny news records.

N records as JSON Lines: an id, one of 40 outlets, a six-word title and a
12-word body made of 4,000 made-up words, a date; about 1,000 a day, each
about one of 40 events of its day.  The same N gives the same file.  With
--language, each record states its language (no identification needed).
Used by bench/stories_memory.sh and tests/cli/cluster_memory.sh.
"""
import json
import random
import sys


def main():
    args = sys.argv[1:]
    lang = None
    if "--language" in args:
        k = args.index("--language")
        lang = args[k + 1]
        del args[k:k + 2]
    n, path = int(args[0]), args[1]
    rng = random.Random(14)
    # An invented vocabulary: 4,000 made-up words; each event of a day draws
    # its own 8 words, each article 6 of them plus common filler.
    syl = ["ka", "lo", "mi", "ru", "te", "vo", "sa", "ne", "pi", "du", "ge", "fa", "zo", "bi", "ha", "lu"]
    words = sorted({"".join(rng.choice(syl) for _ in range(3)) for _ in range(6000)})[:4000]
    filler = ["the", "said", "on", "after", "new", "officials", "report", "city", "week", "plan"]
    t0 = 1500000000
    with open(path, "w") as f:
        for i in range(n):
            day = i // 1000
            ev = rng.randrange(40)
            er = random.Random(day * 1000 + ev)
            ew = er.sample(words, 8)
            title = " ".join(rng.sample(ew, 6)).capitalize()
            body = " ".join(rng.sample(ew, 6) + rng.sample(filler, 6)) + "."
            t = t0 + day * 86400 + rng.randrange(86400)
            r = {"id": f"t{i}", "source": f"Outlet {rng.randrange(40)}", "title": title,
                 "text": body, "date": t}
            if lang:
                r["language"] = lang
            f.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
