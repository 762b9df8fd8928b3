"""parallax: how the news covers an event, from Python.

A thin layer over libparallax (the C engine of the ``parallax`` command),
for notebooks and scripts:

analyze(text_or_record) -> Analysis
    Sentences, the dateline, named entities with their mentions, and the
    quotes (direct, partial, indirect) with their speakers.

compare(records) -> Comparison
    The articles of one story side by side: facts (and which outlets carry
    them), each remark as every outlet rendered it, entities, numbers that
    disagree; ``.report("text" | "json" | "markdown" | "html")``.

Store(path)
    A parallax database: ``ingest(paths_or_dicts)`` runs the whole pipeline;
    ``stories()``, ``search(query)``, ``quotes(speaker=...)``,
    ``entities()``, ``articles()`` and ``outlets()`` stream their rows
    without loading the store; ``story(id)`` is one story with its articles.

Every listing has ``to_pandas()`` (pandas is imported only then)::

    import parallax
    with parallax.Store("news.db") as db:
        db.ingest(["allsides_articles.jsonl.xz"])
        df = db.quotes(speaker="Kim Jong Un").to_pandas()

Errors raise ``parallax.Error`` subclasses carrying the library's status
(``.status``, ``.code``) and message.  Long calls release the GIL, so
threads run analyses in parallel.  C memory is freed by ``close()``, at the
end of a ``with`` block, or when the object is garbage collected.

Records are ``str`` (the body alone), UTF-8 ``bytes``, or mappings with the
keys ``body`` (or ``text``), ``title``, ``source`` (or ``outlet``), ``url``,
``id``, ``byline`` (or ``authors``), ``language``, ``date`` (or
``published``: a string as found in news data, Unix seconds, or a
``datetime``), ``origin``.  In analyze() results, offsets (``start``,
``end``) index the Python ``str`` of the body returned with them; comparison
spans and stored quotes keep the library's UTF-8 byte offsets, and every span
carries its text.  More: docs/python.md.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import json as _json
import os
import threading
from typing import (Any, Callable, Dict, Generic, Iterable, Iterator, List, Mapping, Optional,
                    Sequence, Tuple, TypeVar, Union)

from . import _core

__all__ = [
    "analyze", "compare", "Analyzer", "Store", "Analysis", "Sentence", "Entity", "Mention",
    "Quote", "Dateline", "Comparison", "Fact", "FactMember", "Remark", "Rendering",
    "CoveredEntity", "Discrepancy", "DiscrepancyValue", "ComparedArticle", "StoryInfo",
    "StoryMember", "Story", "Article", "SearchHit", "StoredQuote", "StoredEntity", "Outlet",
    "IngestResult", "Listing", "RecordList", "Error", "InvalidInput", "InvalidType",
    "NotFound", "QueryError", "StoreError", "ClosedError", "BusyError", "speaker_match",
    "parse_date", "__version__", "library_version",
]

__version__ = "0.1.0"
library_version: str = _core.library_version

# ------------------------------------------------------------------ errors

_CODES = {
    0: "PX_OK", -1: "PX_ENOMEM", -2: "PX_EINVAL", -3: "PX_EIO", -4: "PX_ENOTFOUND",
    -5: "PX_EFORMAT", -6: "PX_ETOOBIG", -7: "PX_ETRUNCATED", -8: "PX_EBINARY",
    -9: "PX_ENOBODY", -10: "PX_EDB", -11: "PX_EDBVERSION", -12: "PX_ENOTPARALLAX",
    -13: "PX_EDBFULL", -14: "PX_EQUERY", -15: "PX_EUNSUPPORTED", -16: "PX_EDUPLICATE",
    -17: "PX_ECANCELED",
}


class Error(Exception):
    """An error of parallax.

    Attributes: ``status`` (the library's px_status number, negative),
    ``code`` (its name, e.g. ``"PX_ENOBODY"``) and ``message``.
    """

    def __init__(self, message: str, status: int = -2) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = _CODES.get(status, str(status))

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class InvalidInput(Error, ValueError):
    """Input parallax cannot use: no body, not UTF-8, malformed, too big."""


class InvalidType(InvalidInput, TypeError):
    """An argument of the wrong type (a number where text is wanted...)."""


class NotFound(Error, LookupError):
    """No such file, article or story."""


class QueryError(InvalidInput):
    """A search query the full-text index cannot parse."""


class StoreError(Error, OSError):
    """The database could not be read or written (or is not a parallax database)."""


class ClosedError(Error, ValueError):
    """The object was closed: its C memory is already freed."""


class BusyError(Error, RuntimeError):
    """One Store (or Analyzer) used from two threads at once: make one per thread."""


_core._set_errors(Error, {
    -2: InvalidInput, -5: InvalidInput, -6: InvalidInput, -7: InvalidInput, -8: InvalidInput,
    -9: InvalidInput, -15: InvalidInput, -4: NotFound, -14: QueryError, -3: StoreError,
    -10: StoreError, -11: StoreError, -12: StoreError, -13: StoreError,
    "closed": ClosedError, "busy": BusyError,
})


def _raise(cls: type, status: int, message: str) -> None:
    raise cls(message, status)


# ----------------------------------------------------------------- records

_TEXT_FIELDS = (("id",), ("source", "outlet"), ("url",), ("title",), ("byline", "authors"),
                ("language",), ("body", "text"), ("origin",))


def _text(value: Any, what: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        b = bytes(value)
        try:
            return b.decode("utf-8")
        except UnicodeDecodeError as e:
            raise InvalidInput(
                f"{what} is not UTF-8: byte 0x{b[e.start]:02x} at offset {e.start} "
                f"({e.reason})", -5) from None
    raise InvalidType(f"{what} must be str or UTF-8 bytes, not {type(value).__name__}", -2)


def _seconds(value: Any, what: str) -> Optional[int]:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidType(f"{what} must be a date, not bool", -2)
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=_dt.timezone.utc)
        return int(value.timestamp())
    if isinstance(value, _dt.date):
        return int(_dt.datetime(value.year, value.month, value.day,
                                tzinfo=_dt.timezone.utc).timestamp())
    if isinstance(value, str):
        return _core.parse_date(value)
    raise InvalidType(f"{what} must be a date string, Unix seconds or a datetime, "
                      f"not {type(value).__name__}", -2)


def parse_date(text: str) -> int:
    """Unix seconds (UTC) of a date as found in news data (ISO 8601, RFC 2822,
    "September 13, 2023", ...); raises InvalidInput when it cannot be read."""
    return _core.parse_date(text)


_USED = {n for names in _TEXT_FIELDS for n in names} | {"date", "published", "meta"}


def _record(obj: Any, what: str = "the record") -> tuple:
    """The 10-tuple _core wants: (id, source, url, title, byline, language, body,
    origin, published, meta)."""
    if isinstance(obj, (str, bytes, bytearray, memoryview)):
        return (None, None, None, None, None, None, _text(obj, f"{what}'s text"), None, None,
                None)
    if isinstance(obj, Article):
        obj = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        obj["id"] = obj.pop("ext_id")
    if not isinstance(obj, Mapping):
        raise InvalidType(f"{what} must be str, UTF-8 bytes or a mapping (dict) with a 'body', "
                          f"not {type(obj).__name__}", -2)
    out: List[Any] = []
    for names in _TEXT_FIELDS:
        v = None
        for n in names:
            if obj.get(n) is not None:
                v = obj[n]
                break
        if names[0] == "body" and v is None:
            raise InvalidInput(f"{what} has no body (no 'body' or 'text' key)", -9)
        if v is not None:
            if names[0] == "id" and isinstance(v, int):
                v = str(v)
            elif names[0] == "byline" and isinstance(v, (list, tuple)):
                v = ", ".join(_text(a, f"{what}'s {names[0]}") for a in v)
            v = _text(v, f"{what}'s {names[0]}")
        out.append(v)
    pub = obj.get("date", obj.get("published"))
    try:
        out.append(_seconds(pub, f"{what}'s date"))
    except InvalidInput:
        if isinstance(pub, str):
            out.append(None)  # a date the library cannot read is left unknown, as in the CLI
        else:
            raise
    # the record's other fields (topic, bias...) are kept as the article's meta
    meta = obj.get("meta")
    extra = {k: v for k, v in obj.items() if k not in _USED and isinstance(k, str)}
    if isinstance(meta, Mapping):
        extra = {**meta, **extra}
    elif isinstance(meta, str) and meta and not extra:
        out.append(meta)
        return tuple(out)
    out.append(_json.dumps(extra, ensure_ascii=False, default=str) if extra else None)
    return tuple(out)


# ------------------------------------------------------------- listings

T = TypeVar("T")


def _frame(rows: Iterable[Any], columns: Sequence[str]):
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - pandas is a Debian package here
        raise ImportError("to_pandas() needs pandas (apt-get install python3-pandas)") from e
    data = [dataclasses.astuple(r) if dataclasses.is_dataclass(r) else r for r in rows]
    df = pd.DataFrame.from_records(data, columns=list(columns))
    for col in ("published", "first", "last"):
        if col in df.columns:
            df[col] = pd.to_datetime(df[col], unit="s", utc=True, errors="coerce")
    return df


def _flat_fields(cls: type) -> List[str]:
    return [f.name for f in dataclasses.fields(cls)]


class RecordList(List[T]):
    """A list of result objects with ``to_pandas()``."""

    def to_pandas(self):
        """A pandas DataFrame, one row per object (nested lists stay objects)."""
        if not self:
            return _frame([], [])
        return _frame(self, _flat_fields(type(self[0])))


class Listing(Generic[T]):
    """Rows of a store streamed from a background reader, one batch at a time.

    Iterate it (each row once), or call ``to_pandas()`` / ``list()``.  The
    listing reads on its own read-only connection, so it does not hold the
    Store and the store is never loaded whole.  Close it (or leave the
    ``with`` block) to stop the reader early; the garbage collector does it
    otherwise.
    """

    def __init__(self, cls: type, cursor: "_core.Cursor", make: Callable[[tuple], T]) -> None:
        self._cls = cls
        self._cursor: Optional[_core.Cursor] = cursor
        self._make = make
        self._buf: List[tuple] = []
        self._pos = 0

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        if self._pos >= len(self._buf):
            if self._cursor is None:
                raise StopIteration
            self._buf = self._cursor.fetch(256)
            self._pos = 0
            if not self._buf:
                self.close()
                raise StopIteration
        row = self._buf[self._pos]
        self._pos += 1
        return self._make(row)

    def close(self) -> None:
        """Stop the background reader and free the rows it queued."""
        if self._cursor is not None:
            self._cursor.close()
            self._cursor = None
        self._buf = []
        self._pos = 0

    def __enter__(self) -> "Listing[T]":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def to_list(self) -> RecordList[T]:
        """The remaining rows as a list."""
        return RecordList(self)

    def to_pandas(self):
        """The remaining rows as a pandas DataFrame (pandas is imported here)."""
        return _frame((dataclasses.astuple(r) for r in self), _flat_fields(self._cls))

    def __repr__(self) -> str:
        return f"<parallax.Listing of {self._cls.__name__}>"


# ----------------------------------------------------------- analysis

@dataclasses.dataclass(slots=True)
class Sentence:
    """A sentence: [start, end) in characters of the body, and its text."""
    start: int
    end: int
    text: str


@dataclasses.dataclass(slots=True)
class Mention:
    """One mention of an entity; kind is "name", "partial", "acronym" or "role"."""
    start: int
    end: int
    text: str
    kind: str


@dataclasses.dataclass(slots=True)
class Entity:
    """A named entity of one article, its mentions merged.  key is the stable
    cross-article key ("kim jong un" for every spelling); type is "person",
    "organization", "place" or "other"."""
    name: str
    key: str
    type: str
    mentions: List[Mention]


@dataclasses.dataclass(slots=True)
class Quote:
    """A quote: kind is "direct", "partial", "indirect", "scare" or "title".
    text is the quoted words; speaker (name) and speaker_key are None when no
    speaker was found; speaker_text is the speaker as written here (a name, a
    pronoun, a role)."""
    kind: str
    start: int
    end: int
    text: str
    cue: str
    speaker: Optional[str]
    speaker_key: Optional[str]
    speaker_text: Optional[str]
    speaker_start: Optional[int]
    speaker_end: Optional[int]
    content_start: int
    content_end: int
    entity: Optional[int]


@dataclasses.dataclass(slots=True)
class Dateline:
    """Where the article was filed from ("MOSCOW (Reuters) -"); agency may be ""."""
    place: str
    agency: str


@dataclasses.dataclass(slots=True)
class Analysis:
    """What analyze() found in one article.  Offsets index ``body``."""
    body: str
    title: str
    source: str
    sentences: RecordList[Sentence]
    dateline: Optional[Dateline]
    entities: RecordList[Entity]
    quotes: RecordList[Quote]


class Analyzer:
    """An analyzer: the tables and scratch space of analysis, reused between
    calls.  One per thread (parallax.analyze() keeps one per thread for you).
    Use it as a context manager, or close() it, to free its C memory at once."""

    def __init__(self) -> None:
        self._core = _core.Analyzer()

    def analyze(self, text_or_record: Union[str, bytes, Mapping[str, Any]], *,
                quotes: bool = True) -> Analysis:
        """Analyze one article; see parallax.analyze()."""
        rec = _record(text_or_record)
        body, sents, dl, ents, qs = self._core.analyze(rec, quotes)
        sentences = RecordList(Sentence(s, e, body[s:e]) for s, e in sents)
        entities = RecordList(
            Entity(n, k, t, [Mention(s, e, body[s:e], mk) for s, e, mk in ms])
            for n, k, t, ms in ents)
        quote_list = RecordList(
            Quote(kind, s, e, text, cue, sname, skey,
                  body[ss:se] if ss is not None else None, ss, se, cs, ce,
                  ent if ent >= 0 else None)
            for kind, s, e, cs, ce, text, cue, ss, se, sname, skey, ent in qs)
        return Analysis(body, rec[3] or "", rec[1] or "", sentences,
                        Dateline(*dl) if dl else None, entities, quote_list)

    def close(self) -> None:
        """Free the analyzer's C memory now (it cannot be used afterwards)."""
        self._core.close()

    def __enter__(self) -> "Analyzer":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


_local = threading.local()


def analyze(text_or_record: Union[str, bytes, Mapping[str, Any]], *,
            quotes: bool = True) -> Analysis:
    """Analyze one article: its sentences, dateline, entities and quotes.

    text_or_record is the body as ``str`` (or UTF-8 ``bytes``), or a mapping
    with a ``body`` (see the module's help for the keys).  Runs in C with the
    GIL released, on an analyzer kept per thread, so threads analyze in
    parallel.  quotes=False skips quote extraction.

    Raises InvalidType for a value that is not text, InvalidInput for bytes
    that are not UTF-8, a record without a body or a body over the limit.

    >>> a = parallax.analyze('"We are ready," Kim Jong Un said in Pyongyang.')
    >>> a.quotes[0].speaker
    'Kim Jong Un'
    """
    an = getattr(_local, "analyzer", None)
    if an is None:
        an = _local.analyzer = Analyzer()
    return an.analyze(text_or_record, quotes=quotes)


def speaker_match(a: str, b: str) -> bool:
    """True when two speaker names can be the same person ("Prime Minister
    Korhonen" / "Anneli Korhonen", "Zhang Weimin" / "Weimin Zhang")."""
    return _core.speaker_match(a, b)


# ----------------------------------------------------------- comparison

@dataclasses.dataclass(slots=True)
class FactMember:
    """One sentence of a fact: article index, sentence index in it, byte
    offsets [start, end) in that article's body, and the text."""
    article: int
    sentence: int
    start: int
    end: int
    text: str


@dataclasses.dataclass(slots=True)
class Fact:
    """Sentences of different articles that report the same thing.  A fact
    with one outlet (shared False) is what only that outlet reports; furniture
    marks page furniture (adverts, captions, bylines) kept out of the comparison."""
    id: int
    shared: bool
    outlets: List[str]
    articles: List[int]
    first_report: Optional[int]
    score: float
    members: List[FactMember]
    furniture: bool = False


@dataclasses.dataclass(slots=True)
class Rendering:
    """One outlet's rendering of a remark: kind "direct", "trimmed" (a direct
    quote much shorter than the fullest rendering), "partial" (quoted words in
    reported speech) or "indirect"; this rendering's speaker (None when not
    given); similarity to the nearest rendering of the remark."""
    article: int
    outlet: str
    start: int
    end: int
    text: str
    kind: str
    speaker: Optional[str]
    speaker_key: Optional[str]
    similarity: float


@dataclasses.dataclass(slots=True)
class Remark:
    """One remark as each outlet rendered it."""
    id: int
    speaker: Optional[str]
    speaker_key: Optional[str]
    outlets: List[str]
    members: List[Rendering]


@dataclasses.dataclass(slots=True)
class CoveredEntity:
    """An entity across the compared articles: the outlets that mention it."""
    key: str
    name: str
    type: str
    mentions: int
    variants: List[str]
    outlets: List[str]
    articles: List[int]


@dataclasses.dataclass(slots=True)
class DiscrepancyValue:
    """One article's number in a discrepancy (value normalized: 4.5 million ->
    4500000)."""
    article: int
    outlet: str
    sentence: int
    text: str
    value: float


@dataclasses.dataclass(slots=True)
class Discrepancy:
    """One fact whose articles give different numbers of one unit."""
    fact: int
    unit: str
    values: List[DiscrepancyValue]


@dataclasses.dataclass(slots=True)
class ComparedArticle:
    """An article of the comparison (index = its position in the input)."""
    id: int
    outlet: str
    source: str
    title: str
    external_id: str
    published: Optional[str]
    dateline: Optional[Dateline]
    sentences: int
    facts: int
    unique_facts: int
    wire_share: Optional[float]
    wire_source: Optional[int]
    copy_of: Optional[int]
    flags: List[str]


_FORMATS = {"text": 0, "txt": 0, "json": 1, "markdown": 2, "md": 2, "html": 3}


class Comparison:
    """The comparison of the articles of one story (see parallax.compare()).

    Attributes (lists with to_pandas()): articles, outlets, facts (all, the
    unique ones included), shared_facts, quotes (remarks), entities,
    discrepancies (alias disputes), warnings, stats.  report(format) renders
    it.  Holds C memory until close() / the end of a ``with`` block / GC.
    """

    def __init__(self, core: "_core.Comparison") -> None:
        self._core: Optional[_core.Comparison] = core
        self._data: Optional[Dict[str, Any]] = None

    def _c(self) -> "_core.Comparison":
        if self._core is None:
            raise ClosedError("the comparison is closed", -2)
        return self._core

    def report(self, format: str = "text", *, width: int = 80, color: bool = False,
               top: int = 0, full: bool = False) -> str:
        """The report as text: "text", "json" (docs/schema/compare.schema.json),
        "markdown" ("md") or "html" (one self-contained page).  Text and
        markdown open with a brief of top items per section (0: 5); full=True
        adds the full detail after it."""
        try:
            fmt = _FORMATS[format.lower()]
        except (KeyError, AttributeError):
            raise InvalidInput(f"unknown report format {format!r} "
                               f"(text, json, markdown, html)", -2) from None
        return self._c().report(fmt, width, color, top, full)

    def to_dict(self) -> Dict[str, Any]:
        """The comparison as the JSON report's structure (parsed)."""
        if self._data is None:
            import json
            self._data = json.loads(self.report("json"))
        return self._data

    @property
    def articles(self) -> RecordList[ComparedArticle]:
        """Every article compared, in the order given."""
        out = RecordList()
        for a in self.to_dict()["articles"]:
            dl = a.get("dateline")
            out.append(ComparedArticle(
                a["id"], a["outlet"], a["source"], a["title"], a["external_id"], a["published"],
                Dateline(dl["place"], dl["agency"]) if dl else None, a["sentences"], a["facts"],
                a["unique_facts"], a["wire_share"], a["wire_source"], a["copy_of"],
                list(a["flags"])))
        return out

    @property
    def outlets(self) -> List[str]:
        """Distinct outlet names, in article order."""
        return list(self.to_dict()["outlets"])

    @property
    def facts(self) -> RecordList[Fact]:
        """All facts, the unique ones (one outlet) included, in order of first appearance."""
        out = RecordList()
        for f in self.to_dict()["facts"]:
            fr = f.get("first_report")
            out.append(Fact(f["id"], f["shared"], list(f["outlets"]), list(f["articles"]),
                            fr["article"] if fr else None, f["score"],
                            [FactMember(m["article"], m["sentence"], m["start"], m["end"],
                                        m["text"]) for m in f["members"]],
                            bool(f.get("furniture", False))))
        return out

    @property
    def shared_facts(self) -> RecordList[Fact]:
        """Facts carried by two outlets or more."""
        return RecordList(f for f in self.facts if f.shared)

    @property
    def quotes(self) -> RecordList[Remark]:
        """Remarks: each outlet's rendering of one remark side by side."""
        names = [a["outlet"] for a in self.to_dict()["articles"]]
        out = RecordList()
        for q in self.to_dict()["quotes"]:
            sp = q.get("speaker") or {}
            out.append(Remark(q["id"], sp.get("name"), sp.get("key"), list(q["outlets"]),
                              [Rendering(m["article"], names[m["article"]], m["start"], m["end"],
                                         m["text"], m["kind"], m.get("speaker"),
                                         m.get("speaker_key"), m["similarity"])
                               for m in q["members"]]))
        return out

    @property
    def entities(self) -> RecordList[CoveredEntity]:
        """Who and what is mentioned by which outlets, most widely covered first."""
        return RecordList(CoveredEntity(e["key"], e["name"], e["type"], e["mentions"],
                                        list(e["variants"]), list(e["outlets"]),
                                        list(e["articles"]))
                          for e in self.to_dict()["entities"])

    @property
    def discrepancies(self) -> RecordList[Discrepancy]:
        """Facts whose articles give different numbers (alias: disputes)."""
        names = [a["outlet"] for a in self.to_dict()["articles"]]
        return RecordList(Discrepancy(d["fact"], d["unit"],
                                      [DiscrepancyValue(v["article"], names[v["article"]],
                                                        v["sentence"], v["text"], v["value"])
                                       for v in d["values"]])
                          for d in self.to_dict()["discrepancies"])

    disputes = discrepancies

    @property
    def warnings(self) -> List[str]:
        """Warnings about the input (empty articles, copies, another language)."""
        return list(self.to_dict()["warnings"])

    @property
    def stats(self) -> Dict[str, Any]:
        """Counts of the comparison: sentences, facts, pairs scored, threshold."""
        return dict(self.to_dict()["stats"])

    def close(self) -> None:
        """Free the comparison's C memory now (parsed attributes stay readable)."""
        if self._core is not None:
            self._core.close()
            self._core = None

    def __enter__(self) -> "Comparison":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        if self._core is None:
            return "<parallax.Comparison (closed)>"
        return (f"<parallax.Comparison {self._core.count(0)} articles, "
                f"{self._core.count(2)} facts ({self._core.count(3)} shared), "
                f"{self._core.count(4)} remarks>")


def compare(records: Iterable[Union[str, bytes, Mapping[str, Any]]], *,
            threshold: Optional[float] = None, quotes: bool = True, wire: bool = True,
            max_articles: Optional[int] = None) -> Comparison:
    """Compare the articles of one story, fact by fact and quote by quote.

    records: an iterable of records (mappings with ``body``, ``source``,
    ``title``, ``date``...; or bare texts).  threshold: least score for two
    sentences to report one fact (None: built-in).  quotes=False skips quote
    alignment, wire=False the wire-copy share.  Runs with the GIL released.

    >>> cmp = parallax.compare([{"source": "A", "body": ...}, {"source": "B", "body": ...}])
    >>> [f.outlets for f in cmp.facts if not f.shared]
    >>> print(cmp.report("markdown"))
    """
    if isinstance(records, (str, bytes, Mapping)):
        raise InvalidType("compare() wants a list of records, not one record", -2)
    recs = [_record(r, f"record {i}") for i, r in enumerate(records)]
    if threshold is not None and not (0 <= threshold < 1):
        raise InvalidInput(f"threshold must be in [0, 1), not {threshold}", -2)
    return Comparison(_core.compare(recs, float(threshold or 0), quotes, wire,
                                    int(max_articles or 0)))


# ---------------------------------------------------------------- store

@dataclasses.dataclass(slots=True)
class Article:
    """A stored article (body only from Store.get()).  ext_id is the input's
    own id; meta the input's fields parallax does not use (topic, bias...) as
    a dict, when the store keeps them (it does not yet: None)."""
    id: int
    ext_id: str
    source: str
    url: str
    title: str
    byline: str
    language: str
    published: Optional[int]
    body: Optional[str] = None
    meta: Optional[Dict[str, Any]] = None


@dataclasses.dataclass(slots=True)
class SearchHit:
    """A full-text search hit; snippet wraps matched terms in [ ]; score is bm25
    (lower is better)."""
    id: int
    source: str
    title: str
    url: str
    snippet: str
    published: Optional[int]
    score: float
    ext_id: str


@dataclasses.dataclass(slots=True)
class StoredQuote:
    """A stored quote; start/end are UTF-8 byte offsets in the stored body."""
    id: int
    article: int
    source: str
    title: str
    published: Optional[int]
    kind: str
    text: str
    cue: str
    speaker: str
    speaker_key: str
    start: int
    end: int
    ext_id: str


@dataclasses.dataclass(slots=True)
class StoredEntity:
    """An entity across the store: how many articles, outlets and mentions."""
    key: str
    name: str
    type: str
    articles: int
    outlets: int
    mentions: int


@dataclasses.dataclass(slots=True)
class StoryInfo:
    """A story's summary."""
    id: int
    headline: str
    first: Optional[int]
    last: Optional[int]
    articles: int
    outlets: int
    duplicates: int


@dataclasses.dataclass(slots=True)
class Outlet:
    """An outlet and its number of stored articles."""
    name: str
    articles: int


@dataclasses.dataclass(slots=True)
class StoryMember:
    """An article of a story: copy_of is the article id it copies (None),
    wire_share the share of its sentences first seen in another outlet."""
    id: int
    ext_id: str
    source: str
    title: str
    url: str
    published: Optional[int]
    copy_of: Optional[int]
    exact_copy: bool
    wire_share: float
    wire_source: Optional[int]
    wire_outlet: str
    flags: int


@dataclasses.dataclass(slots=True)
class Story:
    """One stored story with its articles; report() and compare() render it."""
    info: StoryInfo
    articles: RecordList[StoryMember]
    _store: Any = dataclasses.field(repr=False, compare=False, default=None)

    @property
    def id(self) -> int:
        """The story's id."""
        return self.info.id

    @property
    def headline(self) -> str:
        """The title of its earliest article with one."""
        return self.info.headline

    def report(self, format: str = "text", *, width: int = 80, color: bool = False,
               top: int = 0, full: bool = False) -> str:
        """The comparison report of the story (cached in the store); see
        Comparison.report()."""
        return self._store.story_report(self.info.id, format, width=width, color=color,
                                        top=top, full=full)

    def compare(self, **kw: Any) -> Comparison:
        """Compare the story's articles (loaded with their bodies); see compare()."""
        return compare([self._store.get(m.id) for m in self.articles], **kw)


@dataclasses.dataclass(slots=True)
class IngestResult:
    """What Store.ingest() did.  messages: (event, origin, message) of rejected
    records, repaired text and failed inputs (the first 1000); ids: for each
    dict given, its store id (None when refused)."""
    read: int
    stored: int
    duplicates: int
    rejected: int
    repaired: int
    not_analyzed: int
    clustered: int
    batches: int
    reanalyzed: int
    seconds: float
    stages: Dict[str, Tuple[float, float]]
    messages: List[Tuple[str, str, str]]
    ids: List[Optional[int]]


def _t(v: int, has: int) -> Optional[int]:
    return v if has else None


class Store:
    """A parallax database (SQLite): ingest, then stream stories, search
    hits, quotes and entities.

    Store(path) opens or creates it; Store(path, readonly=True) only reads.
    One Store serves one call at a time: a second thread calling it while it
    is busy gets BusyError (open one Store per thread instead).  Listings
    (stories(), quotes()...) read on their own connection and do not hold it.
    Use ``with Store(path) as db:`` or close() to close it at once.
    """

    def __init__(self, path: Union[str, os.PathLike], *, readonly: bool = False) -> None:
        self.path = os.fspath(path)
        if readonly and not os.path.exists(self.path):
            raise NotFound(f"{self.path}: no such database", -4)
        self._core = _core.Store(self.path, not readonly)

    # -- life
    def close(self) -> None:
        """Close the database (committed data stays; listings already open go on)."""
        self._core.close()

    @property
    def closed(self) -> bool:
        """True once the store is closed."""
        return self._core.closed

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<parallax.Store {self.path!r}{' (closed)' if self.closed else ''}>"

    def _check(self) -> None:
        if self._core.closed:
            raise ClosedError("the store is closed", -2)

    # -- ingest
    def ingest(self, items: Union[str, os.PathLike, Iterable[Any]], *, analyze: bool = True,
               cluster: bool = True, batch: int = 0, strict: bool = False,
               timings: bool = False, threads: int = 0,
               progress: Optional[Callable[[int, int, int], Any]] = None) -> IngestResult:
        """Run the ingest pipeline over paths and/or records.

        items: a path (str or PathLike: a file of any format the command line
        reads, compressed or not, or a folder), or an iterable of paths and
        records (dicts as for analyze()).  Records are streamed: a generator
        of a million dicts is never held in memory.  analyze: extract
        sentences, entities and quotes; cluster: place the new articles in
        stories at the end; strict: stop at the first rejected record;
        threads: threads in all (0, the default: one per core of the machine, as
        the command line; 1: all on this thread; the store is the same whatever
        the number).
        progress(bytes_done, bytes_total, articles) is called at the first
        record and then about ten times a second while a path is read; a true
        return stops the ingest.

        Bad records are reported in the result's messages and skipped; Ctrl-C
        raises KeyboardInterrupt after committing what was read (a note on the
        exception says how much), and a later ingest goes on from there.
        """
        self._check()
        if isinstance(items, (str, bytes, os.PathLike)):
            items = [items]

        def gen() -> Iterator[Any]:
            for i, it in enumerate(items):
                if isinstance(it, (str, os.PathLike)):
                    yield os.fsencode(it)
                elif isinstance(it, bytes):
                    yield it
                else:
                    try:
                        yield _record(it, f"item {i}")
                    except InvalidInput as e:
                        yield (f"item {i}", e.message)

        stats, messages, ids = self._core.ingest(gen(), analyze, cluster, int(batch), strict,
                                                 timings, progress, 1000, int(threads))
        return IngestResult(messages=[tuple(m[:3]) for m in messages], ids=ids, **stats)

    def reanalyze(self, *, all: bool = False, batch: int = 0, threads: int = 0,
                  progress: Optional[Callable[[int, int, int], Any]] = None) -> IngestResult:
        """Analyse stored articles again with this build's rules (sentences,
        datelines, entities, quotes and speakers): those stored with
        analyze=False or analysed by an older parallax, or every article with
        all=True.  Their quotes, speakers and entity mentions are replaced;
        articles, stories and the search index stay.  The result's read counts
        the articles looked at, reanalyzed those analysed again.
        progress(0, 0, articles) as for ingest(); a true return stops after
        committing what was done.
        """
        self._check()
        stats, messages = self._core.reanalyze(bool(all), int(batch), int(threads), progress)
        return IngestResult(messages=[tuple(m[:3]) for m in messages], ids=[], **stats)

    # -- one story, one article
    def story(self, id: int) -> Story:
        """One story and its articles; NotFound when there is none."""
        self._check()
        info, members = self._core.story(int(id))
        sid, headline, first, last, has_time, arts, outs, dups = info
        return Story(StoryInfo(sid, headline, _t(first, has_time), _t(last, has_time), arts,
                               outs, dups),
                     RecordList(StoryMember(a, ext, src, title, url, _t(pub, ht), dup or None,
                                            bool(exact), share, ws or None, wo, flags)
                                for a, ext, src, title, url, pub, ht, dup, exact, ws, share,
                                flags, wo in members),
                     self)

    def story_report(self, id: int, format: str = "text", *, width: int = 80,
                     color: bool = False, top: int = 0, full: bool = False) -> str:
        """The comparison report of story id in format text/json/markdown/html."""
        self._check()
        try:
            fmt = _FORMATS[format.lower()]
        except (KeyError, AttributeError):
            raise InvalidInput(f"unknown report format {format!r}", -2) from None
        text, _cached = self._core.story_report(int(id), fmt, width, color, top, full)
        return text

    def get(self, id: int) -> Article:
        """One stored article with its body; NotFound when there is none."""
        self._check()
        aid, ext, src, url, title, byline, lang, body, pub, ht, meta = self._core.get(int(id))
        try:
            meta_d = _json.loads(meta) if meta else None
        except ValueError:
            meta_d = {"meta": meta}
        return Article(aid, ext, src, url, title, byline, lang, _t(pub, ht), body, meta_d)

    def counts(self) -> Dict[str, int]:
        """How many articles, sources, stories, quotes, entities the store holds."""
        self._check()
        return self._core.counts()

    # -- listings
    def _cursor(self, kind: int, query: Optional[str] = None, source: Optional[str] = None,
                speaker: Optional[str] = None, since: Any = None, until: Any = None,
                limit: Optional[int] = 0, offset: int = 0, min_outlets: int = 0,
                with_scare: bool = False, article: Optional[int] = None) -> "_core.Cursor":
        self._check()
        for name, v in (("query", query), ("source", source), ("speaker", speaker)):
            if v is not None and not isinstance(v, str):
                raise InvalidType(f"{name} must be str, not {type(v).__name__}", -2)
        return _core.Cursor(self.path, kind, query, source, speaker, _seconds(since, "since"),
                            _seconds(until, "until"), int(limit or 0), int(offset),
                            int(min_outlets), with_scare, int(article or 0))

    def articles(self, *, source: Optional[str] = None, since: Any = None, until: Any = None,
                 limit: int = 0, offset: int = 0) -> Listing[Article]:
        """Stored articles by publication time (bodies not loaded)."""
        return Listing(Article, self._cursor(_core.K_ARTICLES, source=source, since=since,
                                             until=until, limit=limit, offset=offset),
                       lambda r: Article(r[0], r[4], r[5], r[6], r[7], r[8], r[9],
                                         _t(r[1], r[2])))

    def search(self, query: str, *, source: Optional[str] = None, since: Any = None,
               until: Any = None, limit: int = 20) -> Listing[SearchHit]:
        """Full-text search (SQLite FTS5 syntax: words, "a phrase", prefix*,
        AND/OR/NOT, NEAR()), best first; QueryError for a query it cannot parse."""
        if not isinstance(query, str):
            raise InvalidType(f"query must be str, not {type(query).__name__}", -2)
        return Listing(SearchHit, self._cursor(_core.K_SEARCH, query=query, source=source,
                                               since=since, until=until, limit=limit),
                       lambda r: SearchHit(r[0], r[4], r[5], r[6],
                                           r[7].replace("\x01", "[").replace("\x02", "]"),
                                           _t(r[1], r[2]), r[3], r[8]))

    def quotes(self, *, speaker: Optional[str] = None, source: Optional[str] = None,
               since: Any = None, until: Any = None, article: Optional[int] = None,
               limit: int = 0, offset: int = 0,
               with_scare: bool = False) -> Listing[StoredQuote]:
        """Stored quotes by publication time.  speaker matches any spelling
        ("Kim Jong-un" finds "Kim Jong Un"); article keeps one article's quotes
        (its store id); offset skips the first ones."""
        return Listing(StoredQuote,
                       self._cursor(_core.K_QUOTES, source=source, speaker=speaker, since=since,
                                    until=until, limit=limit, offset=offset,
                                    with_scare=with_scare, article=article),
                       lambda r: StoredQuote(r[0], r[1], r[8], r[9], _t(r[2], r[3]), r[7],
                                             r[10], r[11], r[12], r[13], r[4], r[5], r[14]))

    def entities(self, *, source: Optional[str] = None, since: Any = None, until: Any = None,
                 limit: int = 20) -> Listing[StoredEntity]:
        """Entities by the number of articles mentioning them."""
        return Listing(StoredEntity, self._cursor(_core.K_ENTITIES, source=source, since=since,
                                                  until=until, limit=limit),
                       lambda r: StoredEntity(r[4], r[5], r[6], r[0], r[1], r[2]))

    def stories(self, *, since: Any = None, until: Any = None, min_outlets: int = 0,
                outlet: Optional[str] = None, limit: int = 0) -> Listing[StoryInfo]:
        """Stories, latest first; min_outlets=3 keeps the widely covered ones."""
        return Listing(StoryInfo, self._cursor(_core.K_STORIES, source=outlet, since=since,
                                               until=until, limit=limit,
                                               min_outlets=min_outlets),
                       lambda r: StoryInfo(r[0], r[8], _t(r[1], r[3]), _t(r[2], r[3]), r[4],
                                           r[5], r[6]))

    def outlets(self, *, limit: int = 0) -> Listing[Outlet]:
        """Outlets by article count, largest first."""
        return Listing(Outlet, self._cursor(_core.K_OUTLETS, limit=limit),
                       lambda r: Outlet(r[2], r[0]))
