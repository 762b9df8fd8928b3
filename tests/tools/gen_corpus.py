#!/usr/bin/env python3
"""Write N invented articles as JSON Lines to stdout, for crash and load tests.

The text is assembled from invented sentence templates (no real articles);
every article has a unique id, outlet and body, so a complete ingest of N
articles stores exactly N.
"""
import json
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 7
rnd = random.Random(seed)
outlets = ["Northern Wire", "Harbor Post", "Meridian News", "Capital Courier",
           "The Daily Ledger", "Pacific Tribune", "Lowland Gazette"]
places = ["Valdora", "Port Emmery", "Kestrel Bay", "Oranmore", "Teskan", "Lindqvist"]
people = ["Mara Ellison", "Tomas Rydell", "Ines Okafor", "Pavel Dunmore", "Ayesha Varga"]
verbs = ["said", "told reporters", "added", "warned", "insisted"]
subjects = ["the bridge project", "the harbour expansion", "water rationing",
            "the rail strike", "the flood defences", "the new tax on ferries"]
for i in range(n):
    place = rnd.choice(places)
    who = rnd.choice(people)
    paras = []
    for p in range(rnd.randint(4, 10)):
        s = rnd.choice(subjects)
        sent = [f"Officials in {place} met on day {i} to discuss {s}.",
                f"\"We will not accept delays on {s},\" {who} {rnd.choice(verbs)}.",
                f"About {rnd.randint(2, 5000)} residents were affected, according to the council.",
                f"The meeting lasted {rnd.randint(1, 9)} hours and ended without a vote."]
        rnd.shuffle(sent)
        paras.append(" ".join(sent[: rnd.randint(2, 4)]) + f" (ref {i}-{p})")
    print(json.dumps({
        "id": f"gen-{i}",
        "source": rnd.choice(outlets),
        "title": f"{place} council debates {rnd.choice(subjects)} ({i})",
        "date": f"2023-09-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
        "text": "\n\n".join(paras),
    }))
