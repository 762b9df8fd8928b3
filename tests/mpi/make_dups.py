#!/usr/bin/env python3
"""Write OUT/furniture.jsonl: invented articles where an outlet's page
furniture decides what a duplicate is.  The outlet "Harbor Ledger" closes
every article with the same eight sentences (app, newsletter, comments...).
Forty-five of its articles on unrelated subjects, four days apart, come
first: by the time the last two are met the furniture is boilerplate (a
sentence 40 articles carry), left out of their duplicate sketches, and the
two (the same event, told in different words) are not near-duplicates.
Counted only among the articles of their story, the furniture is most of
their text and makes them near-duplicates: the difference a distributed
ingest must not make.  Other outlets' articles fill the days between.
Usage: make_dups.py OUT"""
import datetime, json, random, sys

out = sys.argv[1]
rnd = random.Random(19)
syll = ["ka", "lo", "mir", "ven", "tas", "dor", "pel", "quin", "sar", "bru", "tel", "nox",
        "gar", "fen", "hul", "zed", "rim", "op", "ast", "vel", "mon", "cri", "dap", "wen"]

def word():
    return "".join(rnd.choice(syll) for _ in range(rnd.randint(2, 4)))

def text(n):
    """n invented words in sentences of 12 to 16, capitalised, with full stops."""
    words, sents = [word() for _ in range(n)], []
    while words:
        k = rnd.randint(12, 16)
        s, words = words[:k], words[k:]
        sents.append(s[0].capitalize() + " " + " ".join(s[1:]) + ".")
    return " ".join(sents)

furniture = " ".join([
    "Download the Harbor Ledger app to follow every council vote and ferry notice as it happens.",
    "Sign up for the morning newsletter and get the waterfront headlines in your inbox before breakfast.",
    "Comments on this article are moderated by our community desk and may take an hour to appear.",
    "Our reporters can be reached through the tip line listed on the contact page of this website.",
    "Subscribers support independent local reporting across the harbor district and the three island towns.",
    "Corrections are published every Friday on page two of the print edition and on this website.",
    "Photographs from this story can be licensed through the Harbor Ledger picture archive online.",
    "Follow the Harbor Ledger on social media for live coverage of storms tides and road closures.",
])

arts = []
day0 = 1700000000  # 2023-11-14
for i in range(45):
    t = day0 + i * 4 * 86400
    arts.append({"id": f"hl-{i:02d}", "source": "Harbor Ledger",
                 "url": f"https://harbor-ledger.example/{i}",
                 "date": t, "title": word().capitalize() + " " + word() + " " + word(),
                 "text": text(250) + "\n\n" + furniture})
    # another outlet the same day, on its own subject
    arts.append({"id": f"ot-{i:02d}", "source": "Inland Courier",
                 "url": f"https://inland.example/{i}", "date": t + 3600,
                 "title": word().capitalize() + " " + word(), "text": text(180)})
t = day0 + 200 * 86400
arts.append({"id": "hl-bridge-1", "source": "Harbor Ledger", "url": "https://harbor-ledger.example/bridge-1",
             "date": t, "title": "Ferrybridge closed for repairs after council vote",
             "text": "The Ferrybridge will close for six weeks of repairs, the harbor council decided "
                     "on Tuesday after engineers found cracked girders under the eastern span.\n\n" + furniture})
arts.append({"id": "hl-bridge-2", "source": "Harbor Ledger", "url": "https://harbor-ledger.example/bridge-2",
             "date": t + 7200, "title": "Ferrybridge repairs: what the closure means for commuters",
             "text": "Commuters face detours through the tunnel while the Ferrybridge is shut, and the "
                     "council promised extra ferries during the repairs to the cracked girders.\n\n" + furniture})
with open(out + "/furniture.jsonl", "w", encoding="utf-8") as f:
    for a in arts:
        a["date"] = datetime.datetime.fromtimestamp(a["date"], datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        f.write(json.dumps(a) + "\n")
