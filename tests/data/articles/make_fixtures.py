#!/usr/bin/env python3
"""Write the reader fixtures in this folder: good.jsonl, nested.jsonl,
bad.jsonl and plain/*.txt.

The articles are invented.  bad.jsonl holds bytes that are not valid UTF-8,
which an editor would silently "fix", so every fixture is generated here and
the outputs are committed next to this script.  Run it from anywhere:

    python3 tests/data/articles/make_fixtures.py

It is deterministic: running it again rewrites the same bytes.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def dumps(obj):
    # One line per record, UTF-8 kept as is, stable key order as written.
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


# --------------------------------------------------------------------------
# good.jsonl: five articles, each line using a different field naming and a
# different date format.
# --------------------------------------------------------------------------
GOOD = [
    {
        "id": "good-1",
        "source": "Northern Wire",
        "url": "https://northernwire.example/2023/09/13/port-strike-ends",
        "title": "Dockworkers end three-day strike at Rotterdam terminal",
        "authors": ["Anna de Vries", "Pieter Blom"],
        "date": "2023-09-13T08:15:00Z",
        "text": (
            "ROTTERDAM (Northern Wire) - Dockworkers at the Maasvlakte container terminal "
            "returned to work on Wednesday after a three-day strike over night-shift pay.\n\n"
            "\"We got what we came for,\" union steward Karim Haddou said outside the gates.\n\n"
            "The terminal operator said about 40 ships had been delayed."
        ),
    },
    {
        "guid": "good-2",
        "source_domain": "dailyledger.example",
        "link": "https://dailyledger.example/business/rail-freight-tariffs",
        "headline": "Rail freight tariffs to rise 4% from January",
        "author": "Marta Kowalczyk",
        "date_publish": "Wed, 13 Sep 2023 10:20:30 GMT",
        "maintext": (
            "WARSAW — The national rail freight operator will raise its tariffs by 4% from "
            "January, its chief executive told reporters on Wednesday.\n\n"
            "Shippers' associations called the increase “steep but expected”."
        ),
    },
    {
        "id": "good-3",
        "domain": "harborpost.example",
        "url": "https://harborpost.example/local/ferry-timetable",
        "title": "Island ferry adds a late sailing for the autumn",
        "byline": "By Tom Ashworth, Harbor Post",
        "published": "September 13, 2023",
        "body": (
            "The island ferry will run an extra sailing at 22:30 on Fridays and Saturdays "
            "from October, the operator said.\n\n"
            "Residents had asked for a later crossing for years, according to the parish "
            "council."
        ),
    },
    {
        "guid": "good-4",
        "outlet": "Meridian News",
        "link": "https://meridian.example/science/glacier-survey",
        "headline": "Alpine glacier lost a tenth of its volume in two summers, survey finds",
        "authors": ["Luca Bernasconi"],
        "pubDate": 1694600430,
        "content": (
            "GENEVA, Sept 13 (Meridian) — A survey of the Rhône glacier found it lost about "
            "10% of its ice volume over the last two summers.\n\n"
            "\"The numbers are worse than our models,\" glaciologist Mirjam Keller said, "
            "\"and the models were not kind.\""
        ),
    },
    {
        "id": "good-5",
        "publisher": "Capital Courier",
        "url": "https://capitalcourier.example/city/bike-lanes",
        "title": "City council approves 12 km of protected bike lanes",
        "author": "Jonas Eriksen",
        "published_at": "2023-09-13T12:00:00+02:00",
        "article": (
            "The city council voted 31 to 18 on Wednesday to build 12 kilometres of protected "
            "bike lanes along the ring road.\n\n"
            "Opponents said the plan would cost 300 parking spaces, a figure the transport "
            "department disputes."
        ),
    },
]

# --------------------------------------------------------------------------
# nested.jsonl: fields at nested paths, for an explicit field map:
#   id=meta.id source=meta.outlet.name url=links.canonical
#   title=content.headline byline=content.byline.0 date=meta.published
#   text=content.body language=meta.lang
# --------------------------------------------------------------------------
NESTED = [
    {
        "meta": {"id": "nested-1", "outlet": {"name": "Pacific Tribune", "country": "NZ"},
                 "published": "2023-09-20T02:00:00Z", "lang": "en"},
        "links": {"canonical": "https://pacifictribune.example/economy/ocr-hold"},
        "content": {
            "headline": "Dairy prices slip for a third auction in a row",
            "byline": ["Hemi Walker"],
            "body": (
                "AUCKLAND — Whole milk powder prices fell 2.1% at the overnight auction, the "
                "third fall in a row.\n\n"
                "\"Buyers are waiting,\" an analyst at a Wellington brokerage said."
            ),
        },
    },
    {
        "meta": {"id": "nested-2", "outlet": {"name": "Lowland Gazette", "country": "NL"},
                 "published": "2023-09-14T15:45:00+02:00", "lang": "en"},
        "links": {"canonical": "https://lowlandgazette.example/news/dike-repairs"},
        "content": {
            "headline": "Dike repairs near Dordrecht finished ahead of storm season",
            "byline": ["Sanne Visser"],
            "body": (
                "Repairs to a 3 km stretch of dike south of Dordrecht were finished two weeks "
                "early, the water board said on Thursday."
            ),
        },
    },
    {
        "meta": {"id": "nested-3", "outlet": {"name": "Harbor Post", "country": "GB"},
                 "published": "2023-09-15T07:30:00Z", "lang": "en"},
        "links": {"canonical": "https://harborpost.example/news/lighthouse-sale"},
        "content": {
            "headline": "Decommissioned lighthouse sold to local trust",
            "byline": ["Tom Ashworth"],
            "body": (
                "A decommissioned lighthouse on the headland has been sold to a local "
                "heritage trust for an undisclosed sum.\n\n"
                "The trust said it would open the lamp room to visitors next summer."
            ),
        },
    },
]


# --------------------------------------------------------------------------
# bad.jsonl: ten lines, good and bad interleaved.  Lines are bytes so that
# line 7 can carry an invalid UTF-8 byte inside a JSON string.
# --------------------------------------------------------------------------
def good_line(i, source, title, text):
    return dumps({"id": "bad-file-%d" % i, "source": source, "title": title,
                  "date": "2023-09-1%dT09:00:00Z" % (i % 10), "text": text}).encode("utf-8")


BAD_LINES = [
    # 1: good
    good_line(1, "Northern Wire", "Tram line reopens after repairs",
              "The number 4 tram line reopened on Monday after six weeks of track repairs."),
    # 2: malformed JSON (the object is never closed)
    b'{"id": "bad-file-2", "source": "Harbor Post", "text": "This record is cut short',
    # 3: good
    good_line(3, "Daily Ledger", "Bakery chain opens tenth shop",
              "A family bakery chain opened its tenth shop on Saturday, its owner said."),
    # 4: a JSON object with no article text at all
    dumps({"id": "bad-file-4", "source": "Meridian News",
           "title": "Headline without a story", "date": "2023-09-14T10:00:00Z"}).encode("utf-8"),
    # 5: a JSON array, not an object
    b'[{"id": "bad-file-5", "source": "Capital Courier", "text": "Inside an array."}]',
    # 6: an empty line (skipped, not a record)
    b'',
    # 7: good, but with a Latin-1 byte (0xE9, "caf\xe9") inside the text string
    b'{"id": "bad-file-7", "source": "Pacific Tribune", "title": "Corner caf\xe9 wins award", '
    b'"date": "2023-09-17T09:00:00Z", '
    b'"text": "The corner caf\xe9 on Quay Street won the regional coffee award on Sunday."}',
    # 8: a body of only whitespace
    dumps({"id": "bad-file-8", "source": "Lowland Gazette", "title": "Blank body",
           "text": "   \n\n\t  \n"}).encode("utf-8"),
    # 9: good
    good_line(9, "Capital Courier", "Library extends weekend hours",
              "The central library will open until 8 pm on Saturdays from next month."),
    # 10: good, other field names
    dumps({"guid": "bad-file-10", "outlet": "Harbor Post", "headline": "Harbour dredging begins",
           "published": "Mon, 18 Sep 2023 06:00:00 GMT",
           "body": "Dredging of the inner harbour began on Monday and should take five weeks."}
          ).encode("utf-8"),
]

# --------------------------------------------------------------------------
# plain/: three plain-text articles.
# --------------------------------------------------------------------------
PLAIN = {
    "header.txt": (
        "Title: Water board warns of low river levels\n"
        "Source: Lowland Gazette\n"
        "Date: 2023-09-15T11:00:00+02:00\n"
        "Author: Sanne Visser\n"
        "\n"
        "NIJMEGEN — The Waal fell to its lowest September level in a decade on Friday, the "
        "water board said, and barges were told to carry a third less cargo.\n"
        "\n"
        "\"We are not at crisis level yet,\" a spokeswoman said. \"But we are watching it "
        "day by day.\"\n"
        "\n"
        "Shipping firms said the restriction would add about 15% to freight costs.\n"
    ),
    "titled.txt": (
        "Night buses return to the suburbs\n"
        "\n"
        "Night buses will again serve the northern suburbs from next Friday, the transport "
        "authority said on Tuesday, ending a gap of eighteen months.\n"
        "\n"
        "The service was cut during a driver shortage. The authority said it had since hired "
        "120 drivers.\n"
    ),
    "untitled.txt": (
        "BERGEN (Northern Wire) - A cruise ship with 2,300 passengers on board was held in "
        "port for six hours on Thursday after a fault in its steering gear, the harbour "
        "master said.\n"
        "\n"
        "Passengers were allowed ashore while engineers worked on the fault. The ship left "
        "for Stavanger in the evening.\n"
    ),
}


def write(path, data):
    with open(os.path.join(HERE, path), "wb") as f:
        f.write(data)


def main():
    write("good.jsonl", "".join(dumps(a) + "\n" for a in GOOD).encode("utf-8"))
    write("nested.jsonl", "".join(dumps(a) + "\n" for a in NESTED).encode("utf-8"))
    write("bad.jsonl", b"".join(line + b"\n" for line in BAD_LINES))
    os.makedirs(os.path.join(HERE, "plain"), exist_ok=True)
    for name, text in PLAIN.items():
        write(os.path.join("plain", name), text.encode("utf-8"))


if __name__ == "__main__":
    main()
