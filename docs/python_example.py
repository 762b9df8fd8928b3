# %% [markdown]
# # Which outlets carry facts no one else carries?
#
# A notebook-style example of the parallax Python module (run it as a script,
# or open it in Jupyter / VS Code, which read the `# %%` cells).  It answers a
# question media researchers ask of multi-outlet coverage: when several outlets
# cover the same story, **which outlets most often report things the others do
# not**, and **how often is a speaker's remark rendered differently** (trimmed to
# a fragment, or paraphrased) from one outlet to the next?
#
# Data: the AllSides corpus (Baly et al. 2020, ../shared/data/allsides-news/),
# left, centre and right outlets covering the same events.  When it is absent
# the example says so and stops.  PX_EXAMPLE_ARTICLES sets how many articles
# (in date order) are read (default 3000; the whole corpus is 37,554).

# %%
import atexit
import lzma
import json
import os
import shutil
import sys
import tempfile
from collections import Counter, defaultdict

import parallax

here = os.path.dirname(os.path.abspath(__file__))
corpus = os.environ.get("PX_ALLSIDES") or os.path.join(
    here, "..", "..", "shared", "data", "allsides-news", "allsides_articles.jsonl.xz")
limit = int(os.environ.get("PX_EXAMPLE_ARTICLES", "3000"))
if not os.path.exists(corpus):
    print(f"skipped: the AllSides corpus is not at {corpus}")
    sys.exit(0)

# %% [markdown]
# ## 1. Ingest
# Records are plain dicts streamed from the compressed file: nothing is held in
# memory.  (`db.ingest(corpus)` would read the file in C, faster; dicts show how
# to feed records from anywhere.)  The pipeline stores, analyses (sentences,
# entities, quotes) and clusters the articles into stories.


# %%
def records(path, n):
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= n:
                return
            r = json.loads(line)
            yield {"id": r["id"], "source": r["source"], "url": r["url"],
                   "title": r["title"], "authors": r["authors"], "date": r["date"],
                   "body": r["body"]}


workdir = tempfile.mkdtemp(prefix="parallax-example-")
atexit.register(shutil.rmtree, workdir, ignore_errors=True)  # the store goes when the example ends
db = parallax.Store(os.path.join(workdir, "allsides.db"))
result = db.ingest(records(corpus, limit))
print(f"{result.stored} articles stored, {result.rejected} rejected, "
      f"{result.clustered} placed in stories in {result.seconds:.1f} s")

# %% [markdown]
# ## 2. Stories covered by three outlets or more
# `stories()` streams from the database; `to_pandas()` makes a DataFrame.

# %%
stories = db.stories(min_outlets=3).to_pandas()
print(f"{len(stories)} stories with 3+ outlets; the widest:")
print(stories.sort_values("outlets", ascending=False)
      .head(5)[["id", "headline", "articles", "outlets"]].to_string(index=False))

# %% [markdown]
# ## 3. Compare each story: facts only one outlet carries, remarks rendered differently
# A *fact* is a group of sentences from different outlets reporting the same
# thing; a fact with one outlet is what only that outlet reports.  A *remark* is
# one thing said by someone, with each outlet's rendering: `direct` (quoted
# whole), `trimmed` (a direct quote much shorter than the fullest rendering),
# `partial` (a few quoted words inside reported speech) or `indirect`
# (reported speech).  Page furniture (adverts, captions) is left out.

# %%
carried = Counter()      # outlet -> facts it carries, in stories with 3+ outlets
alone = Counter()        # outlet -> of those, facts no other outlet carries
stories_of = Counter()   # outlet -> stories it is in
remarks_by = Counter()   # speaker key -> remarks rendered by 2+ outlets
differ_by = Counter()    # speaker key -> of those, rendered differently by the outlets
name_of = {}             # speaker key -> the fullest name seen ("Barack Obama" for "obama")
for sid in stories["id"]:
    story = db.story(int(sid))
    with story.compare(wire=False) as cmp:
        for outlet in set(cmp.outlets):
            stories_of[outlet] += 1
        for fact in cmp.facts:
            if fact.furniture:
                continue
            for outlet in set(fact.outlets):
                carried[outlet] += 1
                if not fact.shared:
                    alone[outlet] += 1
        for remark in cmp.quotes:
            if len(set(remark.outlets)) < 2 or not remark.speaker_key:
                continue
            key = remark.speaker_key
            if len(remark.speaker) > len(name_of.get(key, "")):
                name_of[key] = remark.speaker
            remarks_by[key] += 1
            kinds = {m.outlet: m.kind for m in remark.members}
            if len(set(kinds.values())) > 1:
                differ_by[key] += 1

# %% [markdown]
# ## 4. Answer: the outlets that most often carry facts nobody else carries
# Share of an outlet's facts that no other outlet in the same story reports,
# among outlets in at least 5 compared stories.  Read it with care: a longer
# article carries more facts, and more of them its own; the AllSides grouping
# of articles into stories is parallax's clustering, not AllSides' triples.

# %%
import pandas as pd  # noqa: E402 - a notebook imports where it needs

table = pd.DataFrame(
    [(o, stories_of[o], carried[o], alone[o], alone[o] / carried[o])
     for o in carried if stories_of[o] >= 5],
    columns=["outlet", "stories", "facts", "only_here", "share_only_here"],
).sort_values("share_only_here", ascending=False)
print(table.to_string(index=False, float_format="{:.2f}".format))

# %% [markdown]
# ## 5. Whose remarks are rendered differently from outlet to outlet?
# For speakers with remarks quoted by two outlets or more: how many of those
# remarks the outlets render in different ways (one quotes it whole, another
# trims it, quotes a few words of it or reports it without quotation marks).

# %%
speakers = pd.DataFrame(
    [(name_of[k], n, differ_by[k], differ_by[k] / n) for k, n in remarks_by.items() if n >= 3],
    columns=["speaker", "remarks", "rendered_differently", "share"],
).sort_values(["remarks", "share"], ascending=False)
print(speakers.head(12).to_string(index=False, float_format="{:.2f}".format))
total = sum(remarks_by.values())
if total:
    print(f"all speakers: {sum(differ_by.values())} of {total} remarks quoted by 2+ outlets "
          f"({sum(differ_by.values()) / total:.0%}) are rendered differently")

# %% [markdown]
# ## 6. Follow one speaker across the store
# `quotes(speaker=...)` finds every spelling of a name.

# %%
top = speakers.iloc[0]["speaker"] if len(speakers) else "Barack Obama"
q = db.quotes(speaker=top).to_pandas()
print(f"{len(q)} stored quotes of {top}, by outlet:")
print(q.groupby("source").size().sort_values(ascending=False).head(8).to_string())
db.close()
