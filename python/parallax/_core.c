/*
 * _core.c - the CPython extension under the parallax package: thin types
 * over libparallax's public API (include/parallax.h), nothing else.
 *
 *  Analyzer    px_analyzer + px_quoter + px_ctx: analyze one text or record
 *  Comparison  px_comparison: reports in every format
 *  Store       px_store: ingest (px_ingest), one story, its report
 *  Cursor      one listing of a store (stories, search, quotes, entities,
 *              articles, outlets) streamed by a producer thread on its own
 *              read-only connection into a bounded queue of rows
 *
 * The GIL is released around every call into the library that may take
 * long.  Errors become exceptions of the classes the Python layer registers
 * (_set_errors), carrying the px status and message.  Every handle is freed
 * by close() or, at the latest, by the garbage collector.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parallax.h"

/* ------------------------------------------------------------- errors */

static PyObject *ErrorBase;   /* parallax.Error */
static PyObject *ErrorMap;    /* dict: status -> subclass */

/* Raise the class registered for kind (a name such as "closed" or "busy",
 * or NULL: the class of status) with message (or px_strerror(status)). */
static PyObject *raise_kind(const char *kind, int status, const char *message) {
  PyObject *cls = NULL;
  if (ErrorMap) {
    PyObject *key = kind ? PyUnicode_FromString(kind) : PyLong_FromLong(status);
    if (key) {
      cls = PyDict_GetItemWithError(ErrorMap, key);
      Py_DECREF(key);
    }
  }
  if (!cls) cls = ErrorBase ? ErrorBase : PyExc_RuntimeError;
  const char *msg = message && message[0] ? message : px_strerror(status);
  PyObject *exc = PyObject_CallFunction(cls, "si", msg, status);
  if (exc) {
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
  }
  return NULL;
}

static PyObject *raise_px(int status, const char *message) {
  return raise_kind(NULL, status, message);
}

static PyObject *raise_ctx(int status, const px_ctx *ctx) {
  return raise_px(status, ctx ? px_ctx_error(ctx) : NULL);
}

/* The exception being raised, taken out of the thread state (3.11 has no
 * PyErr_GetRaisedException), and put back. */
static PyObject *take_exc(void) {
  PyObject *t, *v, *tb;
  PyErr_Fetch(&t, &v, &tb);
  if (!t) return NULL;
  PyErr_NormalizeException(&t, &v, &tb);
  if (tb && v) PyException_SetTraceback(v, tb);
  Py_XDECREF(t);
  Py_XDECREF(tb);
  return v;
}

static void give_exc(PyObject *v) {
  if (!v) return;
  PyErr_SetObject((PyObject *)Py_TYPE(v), v);
  Py_DECREF(v);
}

static PyObject *set_errors(PyObject *self, PyObject *args) {
  PyObject *base, *map;
  if (!PyArg_ParseTuple(args, "OO!", &base, &PyDict_Type, &map)) return NULL;
  Py_XSETREF(ErrorBase, Py_NewRef(base));
  Py_XSETREF(ErrorMap, Py_NewRef(map));
  Py_RETURN_NONE;
}

/* ----------------------------------------------------- small helpers */

static PyObject *str_of(px_str s) {
  return PyUnicode_DecodeUTF8(s.ptr ? s.ptr : "", (Py_ssize_t)s.len, "replace");
}

/* Byte offset -> character offset of a UTF-8 body: offs[b] is the index
 * of the character starting at or containing byte b (size len + 1). */
static Py_ssize_t *char_offsets(px_str body) {
  Py_ssize_t *offs = PyMem_Malloc((body.len + 1) * sizeof *offs);
  if (!offs) return (Py_ssize_t *)PyErr_NoMemory();
  Py_ssize_t c = -1;
  for (size_t b = 0; b < body.len; b++) {
    if (((unsigned char)body.ptr[b] & 0xC0) != 0x80) c++;
    offs[b] = c < 0 ? 0 : c;
  }
  offs[body.len] = c + 1;
  return offs;
}

/* One article from the tuple the Python layer builds:
 * (id, source, url, title, byline, language, body, origin, published|None, meta).
 * meta is the record's other fields as one JSON object (PX_F_META), or None. */
#define NFIELDS 9
static const px_field tuple_fields[NFIELDS] = {PX_F_ID,     PX_F_SOURCE,   PX_F_URL,
                                               PX_F_TITLE,  PX_F_BYLINE,   PX_F_LANGUAGE,
                                               PX_F_BODY,   PX_F_ORIGIN,   PX_F_META};
static const char *field_names[NFIELDS] = {"id",       "source", "url",    "title", "byline",
                                           "language", "body",   "origin", "meta"};
static const int tuple_slot[NFIELDS] = {0, 1, 2, 3, 4, 5, 6, 7, 9};

static int article_from_tuple(PyObject *t, px_article **out) {
  *out = NULL;
  if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) != 10) {
    PyErr_SetString(PyExc_TypeError, "internal: article tuple of 10 expected");
    return -1;
  }
  px_article *art;
  int rc = px_article_new(&art);
  if (rc) {
    raise_px(rc, NULL);
    return -1;
  }
  for (int i = 0; i < NFIELDS; i++) {
    PyObject *v = PyTuple_GET_ITEM(t, tuple_slot[i]);
    if (v == Py_None) continue;
    Py_ssize_t n;
    const char *p = PyUnicode_AsUTF8AndSize(v, &n);
    if (!p) {
      px_article_free(art);
      if (PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
        PyObject *e = take_exc(), *str = e ? PyObject_Str(e) : NULL;
        char msg[300];
        snprintf(msg, sizeof msg, "the record's %s is not valid Unicode text (%s)", field_names[i],
                 str ? PyUnicode_AsUTF8(str) : "encoding failed");
        PyErr_Clear();
        Py_XDECREF(str);
        Py_XDECREF(e);
        raise_px(PX_EFORMAT, msg);
      }
      return -1;
    }
    if ((rc = px_article_set(art, tuple_fields[i], p, (size_t)n)) != PX_OK) {
      px_article_free(art);
      char msg[160];
      snprintf(msg, sizeof msg, "the record's %s: %s (%zd bytes)", field_names[i],
               px_strerror(rc), n);
      raise_px(rc, msg);
      return -1;
    }
  }
  PyObject *pub = PyTuple_GET_ITEM(t, 8);
  if (pub != Py_None) {
    long long v = PyLong_AsLongLong(pub);
    if (v == -1 && PyErr_Occurred()) {
      px_article_free(art);
      return -1;
    }
    px_article_set_published(art, (int64_t)v);
  }
  *out = art;
  return 0;
}

/* A "used from two threads at once" guard: checked and set under the GIL. */
static int enter_busy(int *busy, const char *what) {
  if (*busy) {
    char msg[200];
    snprintf(msg, sizeof msg,
             "this %s is in use by another thread; one %s serves one call at a time "
             "(make one per thread)", what, what);
    raise_kind("busy", PX_EINVAL, msg);
    return -1;
  }
  *busy = 1;
  return 0;
}

/* ------------------------------------------------------------ Analyzer */

typedef struct {
  PyObject_HEAD
  px_ctx *ctx;
  px_analyzer *an;
  px_quoter *qt;
  int busy;
} Analyzer;

static void analyzer_release(Analyzer *a) {
  px_analyzer_free(a->an);
  px_quoter_free(a->qt);
  px_ctx_free(a->ctx);
  a->an = NULL;
  a->qt = NULL;
  a->ctx = NULL;
}

static void analyzer_dealloc(Analyzer *a) {
  analyzer_release(a);
  Py_TYPE(a)->tp_free((PyObject *)a);
}

static int analyzer_init(Analyzer *a, PyObject *args, PyObject *kw) {
  static char *kws[] = {NULL};
  if (!PyArg_ParseTupleAndKeywords(args, kw, "", kws)) return -1;
  if (a->ctx) return 0;
  int rc;
  if ((rc = px_ctx_new(&a->ctx)) || (rc = px_analyzer_new(a->ctx, &a->an)) ||
      (rc = px_quoter_new(&a->qt))) {
    raise_ctx(rc, a->ctx);
    analyzer_release(a);
    return -1;
  }
  return 0;
}

static PyObject *span_tuple(const Py_ssize_t *offs, size_t s, size_t e) {
  return Py_BuildValue("(nn)", offs[s], offs[e]);
}

/* The doc and its quotes as plain tuples, offsets in characters of body. */
static PyObject *doc_to_python(const px_doc *d, const px_quotes *qs) {
  px_str body = px_doc_body(d);
  Py_ssize_t *offs = char_offsets(body);
  if (!offs) return NULL;
  PyObject *res = NULL, *sents = NULL, *ents = NULL, *quotes = NULL, *dl = NULL, *pbody = NULL;
  size_t ns = px_doc_sentence_count(d);
  if (!(sents = PyList_New((Py_ssize_t)ns))) goto out;
  for (size_t i = 0; i < ns; i++) {
    size_t s = 0, e = 0;
    px_doc_sentence(d, i, &s, &e);
    PyObject *t = span_tuple(offs, s, e);
    if (!t) goto out;
    PyList_SET_ITEM(sents, (Py_ssize_t)i, t);
  }
  size_t ne = px_doc_entity_count(d);
  if (!(ents = PyList_New((Py_ssize_t)ne))) goto out;
  for (size_t i = 0; i < ne; i++) {
    px_str name, key;
    px_entity_type type;
    size_t nm = 0;
    px_doc_entity(d, i, &name, &key, &type, &nm);
    PyObject *ms = PyList_New((Py_ssize_t)nm);
    if (!ms) goto out;
    for (size_t j = 0; j < nm; j++) {
      size_t s = 0, e = 0;
      px_mention_kind k = PX_MENTION_NAME;
      px_doc_mention(d, i, j, &s, &e, &k);
      PyObject *m = Py_BuildValue("(nns)", offs[s], offs[e], px_mention_kind_name(k));
      if (!m) {
        Py_DECREF(ms);
        goto out;
      }
      PyList_SET_ITEM(ms, (Py_ssize_t)j, m);
    }
    PyObject *t = Py_BuildValue("(NNsN)", str_of(name), str_of(key), px_entity_type_name(type), ms);
    if (!t) goto out;
    PyList_SET_ITEM(ents, (Py_ssize_t)i, t);
  }
  size_t nq = qs ? px_quotes_count(qs) : 0;
  if (!(quotes = PyList_New((Py_ssize_t)nq))) goto out;
  for (size_t i = 0; i < nq; i++) {
    px_quote q;
    if (px_quotes_get(qs, i, &q) != PX_OK) {
      raise_px(PX_EINVAL, "quote out of range");
      goto out;
    }
    PyObject *t;
    if (q.has_speaker)
      t = Py_BuildValue("(snnnnNNnnNNl)", px_quote_kind_name(q.kind), offs[q.start], offs[q.end],
                        offs[q.content_start], offs[q.content_end], str_of(q.text), str_of(q.cue),
                        offs[q.speaker_start], offs[q.speaker_end], str_of(q.speaker_name),
                        str_of(q.speaker_key), q.speaker_entity);
    else
      t = Py_BuildValue("(snnnnNNOOOOl)", px_quote_kind_name(q.kind), offs[q.start], offs[q.end],
                        offs[q.content_start], offs[q.content_end], str_of(q.text), str_of(q.cue),
                        Py_None, Py_None, Py_None, Py_None, -1L);
    if (!t) goto out;
    PyList_SET_ITEM(quotes, (Py_ssize_t)i, t);
  }
  px_str place, agency;
  if (px_doc_dateline(d, &place, &agency) == PX_OK) {
    dl = Py_BuildValue("(NN)", str_of(place), str_of(agency));
    if (!dl) goto out;
  } else {
    dl = Py_NewRef(Py_None);
  }
  if (!(pbody = str_of(body))) goto out;
  res = PyTuple_Pack(5, pbody, sents, dl, ents, quotes);
out:
  PyMem_Free(offs);
  Py_XDECREF(pbody);
  Py_XDECREF(sents);
  Py_XDECREF(ents);
  Py_XDECREF(quotes);
  Py_XDECREF(dl);
  return res;
}

PyDoc_STRVAR(analyzer_analyze_doc,
             "analyze(article_tuple, quotes=True) -> (body, sentences, dateline, entities, quotes)\n\n"
             "Internal: parallax.Analyzer.analyze() builds the tuple and the objects.");

static PyObject *analyzer_analyze(Analyzer *a, PyObject *args) {
  PyObject *t;
  int want_quotes = 1;
  if (!PyArg_ParseTuple(args, "O|p", &t, &want_quotes)) return NULL;
  if (!a->an) return raise_kind("closed", PX_EINVAL, "the analyzer is closed");
  px_article *art;
  if (article_from_tuple(t, &art)) return NULL;
  if (enter_busy(&a->busy, "Analyzer")) {
    px_article_free(art);
    return NULL;
  }
  px_doc *d = NULL;
  px_quotes *qs = NULL;
  int rc, qrc = PX_OK;
  Py_BEGIN_ALLOW_THREADS
  rc = px_analyze(a->an, art, &d);
  if (rc == PX_OK && want_quotes) qrc = px_quotes_extract(a->qt, d, &qs);
  Py_END_ALLOW_THREADS
  a->busy = 0;
  px_article_free(art);
  if (rc) return raise_ctx(rc, a->ctx);
  if (qrc) {
    px_doc_free(d);
    return raise_px(qrc, "extracting quotes");
  }
  PyObject *res = doc_to_python(d, qs);
  px_quotes_free(qs);
  px_doc_free(d);
  return res;
}

static PyObject *analyzer_close(Analyzer *a, PyObject *unused) {
  if (a->busy) return raise_kind("busy", PX_EINVAL, "the analyzer is in use by another thread");
  analyzer_release(a);
  Py_RETURN_NONE;
}

static PyMethodDef analyzer_methods[] = {
    {"analyze", (PyCFunction)analyzer_analyze, METH_VARARGS, analyzer_analyze_doc},
    {"close", (PyCFunction)analyzer_close, METH_NOARGS, "Free the analyzer's C memory now."},
    {NULL}};

static PyTypeObject AnalyzerType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "parallax._core.Analyzer",
    .tp_basicsize = sizeof(Analyzer),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Low-level analyzer (px_analyzer, px_quoter and their px_ctx).",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)analyzer_init,
    .tp_dealloc = (destructor)analyzer_dealloc,
    .tp_methods = analyzer_methods,
};

/* ---------------------------------------------------------- Comparison */

typedef struct {
  PyObject_HEAD
  px_comparison *cmp;
} Comparison;

static void comparison_dealloc(Comparison *c) {
  px_comparison_free(c->cmp);
  Py_TYPE(c)->tp_free((PyObject *)c);
}

typedef struct {
  char *p;
  size_t n, cap;
  int oom;
} membuf;

static int membuf_write(void *user, const char *p, size_t n) {
  membuf *b = user;
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + n + 1) cap *= 2;
    char *q = realloc(b->p, cap);
    if (!q) {
      b->oom = 1;
      return 1;
    }
    b->p = q;
    b->cap = cap;
  }
  memcpy(b->p + b->n, p, n);
  b->n += n;
  return 0;
}

static PyObject *membuf_take(membuf *b) {
  PyObject *s = PyUnicode_DecodeUTF8(b->p ? b->p : "", (Py_ssize_t)b->n, "replace");
  free(b->p);
  b->p = NULL;
  return s;
}

static PyObject *comparison_report(Comparison *c, PyObject *args) {
  int fmt, width = 0, color = 0, top = 0, full = 0;
  if (!PyArg_ParseTuple(args, "i|ipip", &fmt, &width, &color, &top, &full)) return NULL;
  if (!c->cmp) return raise_kind("closed", PX_EINVAL, "the comparison is closed");
  membuf b = {0};
  px_report_opts ro = {.width = width, .color = color, .top = top, .full = full};
  int rc;
  Py_BEGIN_ALLOW_THREADS
  rc = px_report_write(c->cmp, (px_report_format)fmt, &ro, membuf_write, &b);
  Py_END_ALLOW_THREADS
  if (rc) {
    free(b.p);
    return b.oom ? PyErr_NoMemory() : raise_px(rc, "rendering the report");
  }
  return membuf_take(&b);
}

static PyObject *comparison_count(Comparison *c, PyObject *args) {
  int part;
  if (!PyArg_ParseTuple(args, "i", &part)) return NULL;
  if (!c->cmp) return raise_kind("closed", PX_EINVAL, "the comparison is closed");
  return PyLong_FromSize_t(px_comparison_count(c->cmp, (px_compare_part)part));
}

static PyObject *comparison_close(Comparison *c, PyObject *unused) {
  px_comparison_free(c->cmp);
  c->cmp = NULL;
  Py_RETURN_NONE;
}

static PyMethodDef comparison_methods[] = {
    {"report", (PyCFunction)comparison_report, METH_VARARGS,
     "report(format, width=0, color=False, top=0, full=False) -> str"},
    {"count", (PyCFunction)comparison_count, METH_VARARGS, "count(part) -> int"},
    {"close", (PyCFunction)comparison_close, METH_NOARGS, "Free the comparison's C memory now."},
    {NULL}};

static PyTypeObject ComparisonType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "parallax._core.Comparison",
    .tp_basicsize = sizeof(Comparison),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Low-level comparison (px_comparison).",
    .tp_dealloc = (destructor)comparison_dealloc,
    .tp_methods = comparison_methods,
};

/* compare(article_tuples, threshold, quotes, wire, max_articles) -> Comparison */
static PyObject *core_compare(PyObject *self, PyObject *args) {
  PyObject *seq;
  double threshold = 0;
  int quotes = 1, wire = 1;
  Py_ssize_t max_articles = 0;
  if (!PyArg_ParseTuple(args, "O|dppn", &seq, &threshold, &quotes, &wire, &max_articles))
    return NULL;
  PyObject *fast = PySequence_Fast(seq, "compare() wants a sequence of records");
  if (!fast) return NULL;
  Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
  px_article **arts = PyMem_Calloc((size_t)n + 1, sizeof *arts);
  px_ctx *ctx = NULL;
  PyObject *res = NULL;
  if (!arts) {
    PyErr_NoMemory();
    goto out;
  }
  for (Py_ssize_t i = 0; i < n; i++)
    if (article_from_tuple(PySequence_Fast_GET_ITEM(fast, i), &arts[i])) goto out;
  int rc = px_ctx_new(&ctx);
  if (rc) {
    raise_px(rc, NULL);
    goto out;
  }
  px_compare_opts o;
  px_compare_opts_init(&o);
  o.threshold = threshold;
  o.quotes = quotes;
  o.wire = wire;
  if (max_articles > 0) o.max_articles = (size_t)max_articles;
  px_comparison *cmp = NULL;
  Py_BEGIN_ALLOW_THREADS
  rc = px_compare(ctx, (const px_article *const *)arts, (size_t)n, &o, &cmp);
  Py_END_ALLOW_THREADS
  if (rc) {
    raise_ctx(rc, ctx);
    goto out;
  }
  Comparison *c = PyObject_New(Comparison, &ComparisonType);
  if (!c) {
    px_comparison_free(cmp);
    goto out;
  }
  c->cmp = cmp;
  res = (PyObject *)c;
out:
  if (arts)
    for (Py_ssize_t i = 0; i < n; i++) px_article_free(arts[i]);
  PyMem_Free(arts);
  px_ctx_free(ctx);
  Py_DECREF(fast);
  return res;
}

/* --------------------------------------------------------------- Store */

typedef struct {
  PyObject_HEAD
  px_ctx *ctx;
  px_store *st;
  int busy;
} Store;

static void store_release(Store *s) {
  px_store_free(s->st);
  px_ctx_free(s->ctx);
  s->st = NULL;
  s->ctx = NULL;
}

static void store_dealloc(Store *s) {
  store_release(s);
  Py_TYPE(s)->tp_free((PyObject *)s);
}

static int store_init(Store *s, PyObject *args, PyObject *kw) {
  static char *kws[] = {"path", "write", NULL};
  PyObject *path;
  int write = 1;
  if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|p", kws, PyUnicode_FSConverter, &path, &write))
    return -1;
  store_release(s);
  int rc = px_ctx_new(&s->ctx);
  if (rc == PX_OK) {
    const char *p = PyBytes_AS_STRING(path);
    Py_BEGIN_ALLOW_THREADS
    rc = px_store_open(s->ctx, p, write ? PX_OPEN_WRITE : PX_OPEN_READ, &s->st);
    Py_END_ALLOW_THREADS
  }
  Py_DECREF(path);
  if (rc) {
    raise_ctx(rc, s->ctx);
    store_release(s);
    return -1;
  }
  return 0;
}

static int store_enter(Store *s) {
  if (!s->st) {
    raise_kind("closed", PX_EINVAL, "the store is closed");
    return -1;
  }
  return enter_busy(&s->busy, "Store");
}

static PyObject *store_close(Store *s, PyObject *unused) {
  if (s->busy) return raise_kind("busy", PX_EINVAL, "the store is in use by another thread");
  store_release(s);
  Py_RETURN_NONE;
}

static PyObject *store_closed(Store *s, void *unused) { return PyBool_FromLong(s->st == NULL); }

/* ingest: events and progress reach Python through this. */
typedef struct {
  PyThreadState *ts;      /* the thread's state while the GIL is released */
  PyObject *messages;     /* list of (event, origin, message) */
  Py_ssize_t max_messages;
  PyObject *progress;     /* callable or None */
  PyObject *exc;          /* exception raised inside a callback */
  struct timespec last;
  int in_c;               /* 1 while the GIL is released */
  int closing;            /* 1 in px_ingest_free(): callbacks leave Python alone */
} ingest_ctx;

static void ingest_acquire(ingest_ctx *c) {
  if (c->in_c) PyEval_RestoreThread(c->ts);
}
static void ingest_release(ingest_ctx *c) {
  if (c->in_c) c->ts = PyEval_SaveThread();
}

static void ingest_on_event(void *user, px_ingest_event ev, const char *origin,
                            const char *message, uint64_t count) {
  ingest_ctx *c = user;
  if (c->closing) return;
  ingest_acquire(c);
  if (!c->exc && PyList_GET_SIZE(c->messages) < c->max_messages) {
    static const char *names[] = {"", "rejected", "repaired", "not_analyzed", "input_failed",
                                  "warning"};
    const char *name = ev >= 1 && ev <= 5 ? names[ev] : "warning";
    PyObject *t = Py_BuildValue("(sssK)", name, origin ? origin : "", message ? message : "",
                                (unsigned long long)count);
    if (!t || PyList_Append(c->messages, t)) PyErr_Clear();
    Py_XDECREF(t);
  }
  ingest_release(c);
}

static double since_ms(struct timespec *a) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - a->tv_sec) * 1e3 + (double)(now.tv_nsec - a->tv_nsec) / 1e6;
}

static int ingest_on_progress(void *user, uint64_t done, uint64_t total, uint64_t articles) {
  ingest_ctx *c = user;
  if (c->closing || since_ms(&c->last) < 100) return 0; /* signals: ten times a second */
  clock_gettime(CLOCK_MONOTONIC, &c->last);
  int stop = 0;
  ingest_acquire(c);
  if (PyErr_CheckSignals() < 0) {
    stop = 1;
  } else if (c->progress != Py_None) {
    PyObject *r = PyObject_CallFunction(c->progress, "KKK", (unsigned long long)done,
                                        (unsigned long long)total, (unsigned long long)articles);
    if (!r) stop = 1;
    else if (PyObject_IsTrue(r) == 1) stop = 2; /* a true return asks to stop */
    Py_XDECREF(r);
  }
  if (stop == 1) c->exc = take_exc();
  ingest_release(c);
  return stop;
}

static PyObject *stats_dict(const px_ingest *g) {
  px_ingest_stats s;
  px_ingest_get_stats(g, &s);
  PyObject *stages = PyDict_New();
  if (!stages) return NULL;
  for (int i = 0; i < PX_STAGE_COUNT; i++) {
    PyObject *v = Py_BuildValue("(dd)", s.wall[i], s.cpu[i]);
    if (!v || PyDict_SetItemString(stages, px_ingest_stage_name(i), v)) {
      Py_XDECREF(v);
      Py_DECREF(stages);
      return NULL;
    }
    Py_DECREF(v);
  }
  return Py_BuildValue("{sKsKsKsKsKsKsLsKsKsdsN}", "read", (unsigned long long)s.read, "stored",
                       (unsigned long long)s.stored, "duplicates", (unsigned long long)s.duplicates,
                       "rejected", (unsigned long long)s.rejected, "repaired",
                       (unsigned long long)s.repaired, "not_analyzed",
                       (unsigned long long)s.not_analyzed, "clustered", (long long)s.clustered,
                       "batches", (unsigned long long)s.batches, "reanalyzed",
                       (unsigned long long)s.reanalyzed, "seconds", s.seconds, "stages", stages);
}

PyDoc_STRVAR(store_ingest_doc,
             "ingest(items, analyze, cluster, batch, strict, timings, progress, max_messages,\n"
             "       threads)\n"
             "-> (stats dict, messages, ids)\n\n"
             "Internal: items yields bytes (a path, file-system encoded), article tuples, or\n"
             "(origin, error message) pairs for records the Python layer refused.");

static PyObject *store_ingest(Store *s, PyObject *args) {
  PyObject *items, *progress = Py_None;
  int analyze = 1, cluster = 1, strict = 0, timings = 0, threads = 0;
  long batch = 0;
  Py_ssize_t max_messages = 1000;
  if (!PyArg_ParseTuple(args, "O|ppippOni", &items, &analyze, &cluster, &batch, &strict,
                        &timings, &progress, &max_messages, &threads))
    return NULL;
  PyObject *it = PyObject_GetIter(items);
  if (!it) return NULL;
  if (store_enter(s)) {
    Py_DECREF(it);
    return NULL;
  }
  ingest_ctx c = {0};
  c.progress = progress;
  c.max_messages = max_messages;
  /* c.last is zero: the first record calls back at once (a short ingest
   * reports at least once, and Ctrl-C is seen from the start), then ten
   * times a second at most. */
  PyObject *ids = PyList_New(0), *res = NULL, *item = NULL;
  c.messages = PyList_New(0);
  px_ingest *g = NULL;
  int rc = PX_OK;
  if (!ids || !c.messages) goto out;
  px_ingest_opts o;
  px_ingest_opts_init(&o);
  o.analyze = analyze;
  o.cluster = cluster;
  o.strict = strict;
  o.timings = timings;
  if (batch > 0) {
    o.batch = batch;
    o.fixed_batch = 1;
  }
  if (threads < 0 || threads > 64) {
    raise_px(PX_EINVAL, "threads must be from 0 (one per core) to 64");
    goto out;
  }
  o.threads = threads;
  o.on_event = ingest_on_event;
  o.on_progress = ingest_on_progress;
  o.user = &c;
  c.in_c = 1;
  Py_BEGIN_ALLOW_THREADS
  c.ts = _save;
  rc = px_ingest_new(s->st, &o, &g);
  _save = c.ts;
  Py_END_ALLOW_THREADS
  c.in_c = 0;
  if (rc) {
    raise_ctx(rc, s->ctx);
    goto out;
  }
  while ((item = PyIter_Next(it)) != NULL) {
    if (PyErr_CheckSignals() < 0) goto out;
    if (PyBytes_Check(item)) { /* a path */
      const char *path = PyBytes_AS_STRING(item);
      c.in_c = 1;
      Py_BEGIN_ALLOW_THREADS
      c.ts = _save;
      rc = px_ingest_add_path(g, path);
      _save = c.ts;
      Py_END_ALLOW_THREADS
      c.in_c = 0;
      if (rc == PX_ENOTFOUND || rc == PX_EIO) {
        if (strict) {
          raise_ctx(rc, s->ctx);
          goto out;
        }
        rc = PX_OK; /* reported as an input_failed event; go on with the next input */
      }
    } else if (PyTuple_Check(item) && PyTuple_GET_SIZE(item) == 2) { /* refused by Python */
      PyObject *t = Py_BuildValue("(sOOi)", "rejected", PyTuple_GET_ITEM(item, 0),
                                  PyTuple_GET_ITEM(item, 1), 0);
      if (!t) goto out;
      if (PyList_GET_SIZE(c.messages) < max_messages && PyList_Append(c.messages, t)) {
        Py_DECREF(t);
        goto out;
      }
      Py_DECREF(t);
      if (PyList_Append(ids, Py_None)) goto out;
      if (strict) {
        rc = PX_EFORMAT;
        raise_px(rc, PyUnicode_AsUTF8(PyTuple_GET_ITEM(item, 1)));
        goto out;
      }
    } else {
      px_article *art;
      if (article_from_tuple(item, &art)) goto out;
      int64_t id = 0;
      c.in_c = 1;
      Py_BEGIN_ALLOW_THREADS
      c.ts = _save;
      rc = px_ingest_add(g, art, &id);
      _save = c.ts;
      Py_END_ALLOW_THREADS
      c.in_c = 0;
      px_article_free(art);
      if (rc == PX_OK || rc == PX_EDUPLICATE) {
        PyObject *v = PyLong_FromLongLong(id);
        if (!v || PyList_Append(ids, v)) {
          Py_XDECREF(v);
          goto out;
        }
        Py_DECREF(v);
        rc = PX_OK;
      }
    }
    Py_CLEAR(item);
    if (c.exc) {
      give_exc(c.exc);
      c.exc = NULL;
      goto out;
    }
    if (rc == PX_ECANCELED) break; /* the progress callback returned true */
    if (rc) {
      raise_ctx(rc, s->ctx);
      goto out;
    }
  }
  if (PyErr_Occurred()) goto out;
  c.in_c = 1;
  Py_BEGIN_ALLOW_THREADS
  c.ts = _save;
  rc = px_ingest_finish(g);
  _save = c.ts;
  Py_END_ALLOW_THREADS
  c.in_c = 0;
  if (rc) {
    raise_ctx(rc, s->ctx);
    goto out;
  }
  PyObject *st = stats_dict(g);
  if (st) res = Py_BuildValue("(NOO)", st, c.messages, ids);
out:
  Py_XDECREF(item);
  if (c.exc) give_exc(c.exc);
  if (!res && g && PyErr_Occurred()) {
    /* Tell what was kept: the committed batches (px_ingest_free commits the open one). */
    px_ingest_stats sx;
    px_ingest_get_stats(g, &sx);
    PyObject *exc = take_exc();
    PyObject *note = PyUnicode_FromFormat(
        "parallax: ingest stopped after %llu articles read, %llu stored (kept; the next ingest "
        "of the same inputs stores the rest and builds the stories)",
        (unsigned long long)sx.read, (unsigned long long)sx.stored);
    if (note) {
      PyObject *r = PyObject_CallMethod(exc, "add_note", "O", note);
      Py_XDECREF(r);
      Py_DECREF(note);
      PyErr_Clear();
    }
    give_exc(exc);
  }
  if (g) {
    c.closing = 1;
    Py_BEGIN_ALLOW_THREADS
    px_ingest_free(g);
    Py_END_ALLOW_THREADS
  }
  s->busy = 0;
  Py_DECREF(it);
  Py_XDECREF(ids);
  Py_XDECREF(c.messages);
  return res;
}

PyDoc_STRVAR(store_reanalyze_doc,
             "reanalyze(all, batch, threads, progress) -> (stats dict, messages)\n\n"
             "Internal: the stored articles analysed again (px_ingest_reanalyze).");

static PyObject *store_reanalyze(Store *s, PyObject *args) {
  int all = 0, threads = 0;
  long batch = 0;
  PyObject *progress = Py_None;
  if (!PyArg_ParseTuple(args, "|pliO", &all, &batch, &threads, &progress)) return NULL;
  if (threads < 0 || threads > 64) {
    raise_px(PX_EINVAL, "threads must be from 0 (one per core) to 64");
    return NULL;
  }
  if (store_enter(s)) return NULL;
  ingest_ctx c = {0};
  c.progress = progress;
  c.max_messages = 1000;
  c.messages = PyList_New(0);
  px_ingest *g = NULL;
  PyObject *res = NULL;
  int rc = PX_OK;
  if (!c.messages) goto out;
  px_ingest_opts o;
  px_ingest_opts_init(&o);
  o.cluster = 0; /* stories stay */
  if (batch > 0) {
    o.batch = batch;
    o.fixed_batch = 1;
  }
  o.threads = threads;
  o.on_event = ingest_on_event;
  o.on_progress = ingest_on_progress;
  o.user = &c;
  c.in_c = 1;
  Py_BEGIN_ALLOW_THREADS
  c.ts = _save;
  rc = px_ingest_new(s->st, &o, &g);
  if (rc == PX_OK) rc = px_ingest_reanalyze(g, all);
  _save = c.ts;
  Py_END_ALLOW_THREADS
  c.in_c = 0;
  if (c.exc) {
    give_exc(c.exc);
    c.exc = NULL;
    goto out;
  }
  if (rc != PX_OK && rc != PX_ECANCELED) {
    raise_ctx(rc, s->ctx);
    goto out;
  }
  PyObject *st = stats_dict(g);
  if (st) res = Py_BuildValue("(NO)", st, c.messages);
out:
  if (g) {
    c.closing = 1;
    Py_BEGIN_ALLOW_THREADS
    px_ingest_free(g);
    Py_END_ALLOW_THREADS
  }
  s->busy = 0;
  Py_XDECREF(c.messages);
  return res;
}

/* One story: (id, headline, first, last, has_time, articles, outlets, duplicates). */
static int story_info_cb(void *user, const px_story_info *i) {
  PyObject **out = user;
  *out = Py_BuildValue("(LNLLiLLL)", (long long)i->id, str_of(i->headline), (long long)i->first,
                       (long long)i->last, i->has_time, (long long)i->articles,
                       (long long)i->outlets, (long long)i->duplicates);
  return 0;
}

typedef struct {
  PyObject *list;
  int failed;
} member_acc;

static int story_member_cb(void *user, const px_story_member *m) {
  member_acc *a = user;
  int has_time = 0;
  int64_t pub = px_article_published(m->art, &has_time);
  PyObject *t = Py_BuildValue(
      "(LNNNNLiLiLdLN)", (long long)px_article_id(m->art), str_of(px_article_get(m->art, PX_F_ID)),
      str_of(px_article_get(m->art, PX_F_SOURCE)), str_of(px_article_get(m->art, PX_F_TITLE)),
      str_of(px_article_get(m->art, PX_F_URL)), (long long)pub, has_time, (long long)m->dup_of,
      m->dup_exact, (long long)m->wire_source, m->wire_share, (long long)m->flags,
      str_of(m->wire_outlet));
  if (!t || PyList_Append(a->list, t)) {
    Py_XDECREF(t);
    a->failed = 1;
    return 1;
  }
  Py_DECREF(t);
  return 0;
}

/* story(id) -> (info tuple, [member tuples]); read under the GIL (one story is small). */
static PyObject *store_story(Store *s, PyObject *args) {
  long long id;
  if (!PyArg_ParseTuple(args, "L", &id)) return NULL;
  if (store_enter(s)) return NULL;
  PyObject *info = NULL, *res = NULL;
  member_acc acc = {PyList_New(0), 0};
  int rc = px_store_story_get(s->st, id, story_info_cb, &info);
  if (rc == PX_OK && !info) rc = PX_ENOMEM;
  if (rc == PX_OK && acc.list) rc = px_store_story_articles(s->st, id, story_member_cb, &acc);
  s->busy = 0;
  if (!acc.list || acc.failed || (info == NULL && PyErr_Occurred())) goto out;
  if (rc) {
    raise_ctx(rc, s->ctx);
    goto out;
  }
  res = Py_BuildValue("(OO)", info, acc.list);
out:
  Py_XDECREF(info);
  Py_XDECREF(acc.list);
  return res;
}

static PyObject *store_story_report(Store *s, PyObject *args) {
  long long id;
  int fmt, width = 0, color = 0, top = 0, full = 0;
  if (!PyArg_ParseTuple(args, "Li|ipip", &id, &fmt, &width, &color, &top, &full)) return NULL;
  if (store_enter(s)) return NULL;
  membuf b = {0};
  px_report_opts ro = {.width = width, .color = color, .top = top, .full = full};
  int cached = 0, rc;
  Py_BEGIN_ALLOW_THREADS
  rc = px_store_story_report(s->st, id, (px_report_format)fmt, &ro, membuf_write, &b, &cached);
  Py_END_ALLOW_THREADS
  s->busy = 0;
  if (rc) {
    free(b.p);
    return b.oom ? PyErr_NoMemory() : raise_ctx(rc, s->ctx);
  }
  return Py_BuildValue("(NO)", membuf_take(&b), cached ? Py_True : Py_False);
}

/* get(id) -> article tuple with the body: (id, ext_id, source, url, title, byline,
 * language, body, published, has_time, meta) */
static PyObject *store_get(Store *s, PyObject *args) {
  long long id;
  if (!PyArg_ParseTuple(args, "L", &id)) return NULL;
  if (store_enter(s)) return NULL;
  px_article *art = NULL;
  int rc;
  Py_BEGIN_ALLOW_THREADS
  rc = px_store_get(s->st, id, &art);
  Py_END_ALLOW_THREADS
  s->busy = 0;
  if (rc) {
    char msg[96];
    if (rc == PX_ENOTFOUND) snprintf(msg, sizeof msg, "no article %lld in the store", id);
    return raise_px(rc, rc == PX_ENOTFOUND ? msg : px_ctx_error(s->ctx));
  }
  int has_time = 0;
  int64_t pub = px_article_published(art, &has_time);
  PyObject *t = Py_BuildValue(
      "(LNNNNNNNLiN)", (long long)px_article_id(art), str_of(px_article_get(art, PX_F_ID)),
      str_of(px_article_get(art, PX_F_SOURCE)), str_of(px_article_get(art, PX_F_URL)),
      str_of(px_article_get(art, PX_F_TITLE)), str_of(px_article_get(art, PX_F_BYLINE)),
      str_of(px_article_get(art, PX_F_LANGUAGE)), str_of(px_article_get(art, PX_F_BODY)),
      (long long)pub, has_time, str_of(px_article_get(art, PX_F_META)));
  px_article_free(art);
  return t;
}

static PyObject *store_counts(Store *s, PyObject *unused) {
  if (store_enter(s)) return NULL;
  px_store_counts c;
  int rc;
  Py_BEGIN_ALLOW_THREADS
  rc = px_store_counts_get(s->st, &c);
  Py_END_ALLOW_THREADS
  s->busy = 0;
  if (rc) return raise_ctx(rc, s->ctx);
  return Py_BuildValue("{sLsLsLsLsLsLsLsLsLsLsi}", "articles", (long long)c.articles, "sources",
                       (long long)c.sources, "undated", (long long)c.undated, "first",
                       (long long)c.first, "last", (long long)c.last, "stories",
                       (long long)c.stories, "quotes", (long long)c.quotes, "entities",
                       (long long)c.entities, "body_bytes", (long long)c.body_bytes, "file_bytes",
                       (long long)c.file_bytes, "schema_version", c.schema_version);
}

static PyMethodDef store_methods[] = {
    {"ingest", (PyCFunction)store_ingest, METH_VARARGS, store_ingest_doc},
    {"reanalyze", (PyCFunction)store_reanalyze, METH_VARARGS, store_reanalyze_doc},
    {"story", (PyCFunction)store_story, METH_VARARGS, "story(id) -> (info, members)"},
    {"story_report", (PyCFunction)store_story_report, METH_VARARGS,
     "story_report(id, format, width=0, color=False, top=0, full=False) -> (str, cached)"},
    {"get", (PyCFunction)store_get, METH_VARARGS, "get(id) -> article tuple"},
    {"counts", (PyCFunction)store_counts, METH_NOARGS, "counts() -> dict"},
    {"close", (PyCFunction)store_close, METH_NOARGS, "Close the database now."},
    {NULL}};

static PyGetSetDef store_getset[] = {
    {"closed", (getter)store_closed, NULL, "True once closed", NULL}, {NULL}};

static PyTypeObject StoreType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "parallax._core.Store",
    .tp_basicsize = sizeof(Store),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Low-level store handle (px_store and its px_ctx).",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)store_init,
    .tp_dealloc = (destructor)store_dealloc,
    .tp_methods = store_methods,
    .tp_getset = store_getset,
};

/* -------------------------------------------------------------- Cursor */
/*
 * A listing streamed from a producer thread.  The store's listings are
 * callbacks; to hand rows out one fetch() at a time without loading them
 * all, a thread runs the listing on its own read-only connection and its
 * callback copies each row into a bounded queue, waiting while it is full.
 * close() (or the garbage collector) makes the callback return non-zero,
 * which ends the listing, and joins the thread.
 */
enum { K_ARTICLES, K_SEARCH, K_QUOTES, K_ENTITIES, K_STORIES, K_OUTLETS };
#define ROW_INTS 8
#define ROW_STRS 8
#define QUEUE_CAP 512

typedef struct row {
  struct row *next;
  int nint, nstr;
  int64_t ints[ROW_INTS];
  double d;
  char *strs[ROW_STRS];
  size_t lens[ROW_STRS];
} row;

typedef struct {
  PyObject_HEAD
  int kind;
  char *path, *query, *s1, *s2; /* owned strings of the filter */
  px_article_filter af;
  px_quote_filter qf;
  px_story_filter sf;
  int64_t limit;
  pthread_t thread;
  int started, joined;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  row *head, *tail;
  size_t queued;
  int done, cancel, status;
  char message[512];
} Cursor;

static row *row_new(int nint, const int64_t *ints, double d, int nstr, const px_str *strs) {
  size_t total = sizeof(row);
  for (int i = 0; i < nstr; i++) total += strs[i].len + 1;
  row *r = malloc(total);
  if (!r) return NULL;
  r->next = NULL;
  r->nint = nint;
  r->nstr = nstr;
  r->d = d;
  memcpy(r->ints, ints, (size_t)nint * sizeof *ints);
  char *p = (char *)(r + 1);
  for (int i = 0; i < nstr; i++) {
    r->strs[i] = p;
    r->lens[i] = strs[i].len;
    if (strs[i].len) memcpy(p, strs[i].ptr, strs[i].len);
    p[strs[i].len] = '\0';
    p += strs[i].len + 1;
  }
  return r;
}

/* Called on the producer thread: queue a row, waiting while the queue is full. */
static int cursor_push(Cursor *c, row *r) {
  if (!r) {
    pthread_mutex_lock(&c->mu);
    c->status = PX_ENOMEM;
    pthread_mutex_unlock(&c->mu);
    return 1;
  }
  pthread_mutex_lock(&c->mu);
  while (c->queued >= QUEUE_CAP && !c->cancel) pthread_cond_wait(&c->cv, &c->mu);
  int stop = c->cancel;
  if (stop) {
    free(r);
  } else {
    if (c->tail) c->tail->next = r;
    else c->head = r;
    c->tail = r;
    c->queued++;
    pthread_cond_broadcast(&c->cv);
  }
  pthread_mutex_unlock(&c->mu);
  return stop;
}

static px_str cs(const char *s) { return (px_str){s, strlen(s)}; }

static int cb_article(void *user, const px_article *a) {
  int has_time = 0;
  int64_t pub = px_article_published(a, &has_time);
  int64_t ints[] = {px_article_id(a), pub, has_time};
  px_str strs[] = {px_article_get(a, PX_F_ID),     px_article_get(a, PX_F_SOURCE),
                   px_article_get(a, PX_F_URL),    px_article_get(a, PX_F_TITLE),
                   px_article_get(a, PX_F_BYLINE), px_article_get(a, PX_F_LANGUAGE)};
  return cursor_push(user, row_new(3, ints, 0, 6, strs));
}

static int cb_search(void *user, const px_search_hit *h) {
  int64_t ints[] = {h->id, h->published, h->has_time};
  px_str strs[] = {h->source, h->title, h->url, h->snippet, h->ext_id};
  return cursor_push(user, row_new(3, ints, h->score, 5, strs));
}

static int cb_quote(void *user, const px_stored_quote *q) {
  int64_t ints[] = {q->id, q->article, q->published, q->has_time, (int64_t)q->start,
                    (int64_t)q->end};
  px_str strs[] = {cs(px_quote_kind_name(q->kind)), q->source, q->title, q->text, q->cue,
                   q->speaker_name, q->speaker_key, q->ext_id};
  return cursor_push(user, row_new(6, ints, 0, 8, strs));
}

static int cb_entity(void *user, const px_stored_entity *e) {
  int64_t ints[] = {e->articles, e->outlets, e->mentions};
  px_str strs[] = {e->key, e->name, e->type};
  return cursor_push(user, row_new(3, ints, 0, 3, strs));
}

static int cb_story(void *user, const px_story_info *i) {
  int64_t ints[] = {i->id, i->first, i->last, i->has_time, i->articles, i->outlets, i->duplicates};
  px_str strs[] = {i->headline};
  return cursor_push(user, row_new(7, ints, 0, 1, strs));
}

static int cb_outlet(void *user, px_str name, int64_t articles) {
  int64_t ints[] = {articles};
  return cursor_push(user, row_new(1, ints, 0, 1, &name));
}

static void *cursor_main(void *arg) {
  Cursor *c = arg;
  px_ctx *ctx = NULL;
  px_store *st = NULL;
  int rc = px_ctx_new(&ctx);
  if (rc == PX_OK) rc = px_store_open(ctx, c->path, PX_OPEN_READ, &st);
  if (rc == PX_OK) {
    switch (c->kind) {
    case K_ARTICLES: rc = px_store_list(st, &c->af, cb_article, c); break;
    case K_SEARCH: rc = px_store_search(st, c->query, &c->af, cb_search, c); break;
    case K_QUOTES: rc = px_store_quotes(st, &c->qf, cb_quote, c); break;
    case K_ENTITIES: rc = px_store_entities(st, &c->af, cb_entity, c); break;
    case K_STORIES: rc = px_store_stories(st, &c->sf, cb_story, c); break;
    case K_OUTLETS: rc = px_store_outlets(st, c->limit, cb_outlet, c); break;
    default: rc = PX_EINVAL;
    }
  }
  pthread_mutex_lock(&c->mu);
  if (rc != PX_OK && c->status == PX_OK && !c->cancel) {
    c->status = rc;
    snprintf(c->message, sizeof c->message, "%s", ctx ? px_ctx_error(ctx) : "");
  }
  c->done = 1;
  pthread_cond_broadcast(&c->cv);
  pthread_mutex_unlock(&c->mu);
  px_store_free(st);
  px_ctx_free(ctx);
  return NULL;
}

static char *dup_opt(PyObject *o, int *err) {
  if (o == Py_None) return NULL;
  const char *s = PyUnicode_AsUTF8(o);
  if (!s) {
    *err = 1;
    return NULL;
  }
  char *d = strdup(s);
  if (!d) {
    PyErr_NoMemory();
    *err = 1;
  }
  return d;
}

/* Stop the producer and wait for it; free what is queued.  GIL held on entry. */
static void cursor_stop(Cursor *c) {
  if (c->started && !c->joined) {
    pthread_mutex_lock(&c->mu);
    c->cancel = 1;
    pthread_cond_broadcast(&c->cv);
    pthread_mutex_unlock(&c->mu);
    Py_BEGIN_ALLOW_THREADS
    pthread_join(c->thread, NULL);
    Py_END_ALLOW_THREADS
    c->joined = 1;
  }
  while (c->head) {
    row *r = c->head;
    c->head = r->next;
    free(r);
  }
  c->tail = NULL;
  c->queued = 0;
}

static void cursor_dealloc(Cursor *c) {
  cursor_stop(c);
  if (c->started) {
    pthread_mutex_destroy(&c->mu);
    pthread_cond_destroy(&c->cv);
  }
  free(c->path);
  free(c->query);
  free(c->s1);
  free(c->s2);
  Py_TYPE(c)->tp_free((PyObject *)c);
}

/* Cursor(path, kind, query, source, speaker, since, until, limit, offset,
 *        min_outlets, with_scare, article) */
static int cursor_init(Cursor *c, PyObject *args, PyObject *kw) {
  PyObject *path, *query, *s1, *s2, *since, *until;
  long long limit = 0, offset = 0, min_outlets = 0, article = 0;
  int with_scare = 0;
  if (c->started) {
    PyErr_SetString(PyExc_RuntimeError, "cursor already started");
    return -1;
  }
  if (!PyArg_ParseTuple(args, "O&iOOOOOLLLp|L", PyUnicode_FSConverter, &path, &c->kind, &query,
                        &s1, &s2, &since, &until, &limit, &offset, &min_outlets, &with_scare,
                        &article))
    return -1;
  int err = 0;
  c->path = strdup(PyBytes_AS_STRING(path));
  Py_DECREF(path);
  c->query = dup_opt(query, &err);
  c->s1 = err ? NULL : dup_opt(s1, &err);
  c->s2 = err ? NULL : dup_opt(s2, &err);
  if (err || !c->path) {
    if (!PyErr_Occurred()) PyErr_NoMemory();
    return -1;
  }
  int has_since = since != Py_None, has_until = until != Py_None;
  long long vs = has_since ? PyLong_AsLongLong(since) : 0;
  long long vu = has_until ? PyLong_AsLongLong(until) : 0;
  if (PyErr_Occurred()) return -1;
  c->af = (px_article_filter){.source = c->s1, .since = vs, .until = vu, .has_since = has_since,
                              .has_until = has_until, .limit = limit, .offset = offset};
  c->qf = (px_quote_filter){.speaker = c->s2, .source = c->s1, .since = vs, .until = vu,
                            .has_since = has_since, .has_until = has_until, .limit = limit,
                            .with_scare = with_scare, .article = article, .offset = offset};
  c->sf = (px_story_filter){.since = vs, .until = vu, .has_since = has_since,
                            .has_until = has_until, .min_outlets = min_outlets,
                            .outlet = c->s1, .limit = limit};
  c->limit = limit;
  if (c->kind == K_SEARCH && !c->query) {
    PyErr_SetString(PyExc_TypeError, "search wants a query");
    return -1;
  }
  pthread_mutex_init(&c->mu, NULL);
  pthread_cond_init(&c->cv, NULL);
  c->started = 1;
  int rc = pthread_create(&c->thread, NULL, cursor_main, c);
  if (rc) {
    c->joined = 1;
    c->done = 1;
    PyErr_SetFromErrno(PyExc_OSError);
    return -1;
  }
  return 0;
}

static PyObject *row_tuple(const row *r) {
  PyObject *t = PyTuple_New(r->nint + r->nstr + 1);
  if (!t) return NULL;
  Py_ssize_t k = 0;
  for (int i = 0; i < r->nint; i++) {
    PyObject *v = PyLong_FromLongLong(r->ints[i]);
    if (!v) goto fail;
    PyTuple_SET_ITEM(t, k++, v);
  }
  PyObject *d = PyFloat_FromDouble(r->d);
  if (!d) goto fail;
  PyTuple_SET_ITEM(t, k++, d);
  for (int i = 0; i < r->nstr; i++) {
    PyObject *v = PyUnicode_DecodeUTF8(r->strs[i], (Py_ssize_t)r->lens[i], "replace");
    if (!v) goto fail;
    PyTuple_SET_ITEM(t, k++, v);
  }
  return t;
fail:
  Py_DECREF(t);
  return NULL;
}

/* fetch(n) -> list of up to n row tuples; [] at the end. */
static PyObject *cursor_fetch(Cursor *c, PyObject *args) {
  Py_ssize_t n = 256;
  if (!PyArg_ParseTuple(args, "|n", &n)) return NULL;
  if (!c->started || c->joined) return PyList_New(0);
  row *got = NULL;
  int status = PX_OK;
  char message[512];
  for (;;) {
    int interrupted = 0;
    Py_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&c->mu);
    if (!c->head && !c->done) {
      struct timespec dl;
      clock_gettime(CLOCK_REALTIME, &dl);
      dl.tv_nsec += 100 * 1000000L;
      if (dl.tv_nsec >= 1000000000L) {
        dl.tv_sec++;
        dl.tv_nsec -= 1000000000L;
      }
      pthread_cond_timedwait(&c->cv, &c->mu, &dl);
    }
    if (c->head || c->done) {
      /* take up to n rows */
      row *last = NULL, *r = c->head;
      Py_ssize_t k = 0;
      while (r && k < n) {
        last = r;
        r = r->next;
        k++;
      }
      if (last) {
        got = c->head;
        c->head = r;
        if (!r) c->tail = NULL;
        last->next = NULL;
        c->queued -= (size_t)k;
        pthread_cond_broadcast(&c->cv);
      }
      status = got ? PX_OK : c->status;
      memcpy(message, c->message, sizeof message);
      interrupted = 2; /* have an answer */
    }
    pthread_mutex_unlock(&c->mu);
    Py_END_ALLOW_THREADS
    if (interrupted == 2) break;
    if (PyErr_CheckSignals() < 0) return NULL;
  }
  if (!got) {
    cursor_stop(c);
    if (status) return raise_px(status, message);
    return PyList_New(0);
  }
  PyObject *list = PyList_New(0);
  for (row *r = got; r;) {
    row *next = r->next;
    if (list) {
      PyObject *t = row_tuple(r);
      if (!t || PyList_Append(list, t)) Py_CLEAR(list);
      Py_XDECREF(t);
    }
    free(r);
    r = next;
  }
  return list;
}

static PyObject *cursor_close(Cursor *c, PyObject *unused) {
  cursor_stop(c);
  Py_RETURN_NONE;
}

static PyMethodDef cursor_methods[] = {
    {"fetch", (PyCFunction)cursor_fetch, METH_VARARGS, "fetch(n=256) -> list of row tuples"},
    {"close", (PyCFunction)cursor_close, METH_NOARGS, "Stop the listing and free its rows."},
    {NULL}};

static PyTypeObject CursorType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "parallax._core.Cursor",
    .tp_basicsize = sizeof(Cursor),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Low-level streamed listing of a store (its own read-only connection).",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)cursor_init,
    .tp_dealloc = (destructor)cursor_dealloc,
    .tp_methods = cursor_methods,
};

/* ------------------------------------------------------------- module */

static PyObject *core_parse_date(PyObject *self, PyObject *arg) {
  Py_ssize_t n;
  const char *s = PyUnicode_AsUTF8AndSize(arg, &n);
  if (!s) return NULL;
  int64_t t;
  int rc = px_parse_date(s, (size_t)n, &t);
  if (rc) {
    PyObject *r = PyUnicode_FromFormat("cannot read the date %R", arg);
    if (r) {
      raise_px(rc, PyUnicode_AsUTF8(r));
      Py_DECREF(r);
    }
    return NULL;
  }
  return PyLong_FromLongLong(t);
}

static PyObject *core_strerror(PyObject *self, PyObject *arg) {
  long st = PyLong_AsLong(arg);
  if (st == -1 && PyErr_Occurred()) return NULL;
  return PyUnicode_FromString(px_strerror((int)st));
}

static PyObject *core_speaker_match(PyObject *self, PyObject *args) {
  const char *a, *b;
  Py_ssize_t na, nb;
  if (!PyArg_ParseTuple(args, "s#s#", &a, &na, &b, &nb)) return NULL;
  return PyBool_FromLong(px_speaker_match(a, (size_t)na, b, (size_t)nb));
}

static PyMethodDef core_methods[] = {
    {"_set_errors", set_errors, METH_VARARGS, "Register the exception classes."},
    {"compare", core_compare, METH_VARARGS,
     "compare(article_tuples, threshold=0, quotes=True, wire=True, max_articles=0) -> Comparison"},
    {"parse_date", core_parse_date, METH_O, "parse_date(text) -> Unix seconds (px_parse_date)"},
    {"strerror", core_strerror, METH_O, "strerror(status) -> str"},
    {"speaker_match", core_speaker_match, METH_VARARGS,
     "speaker_match(a, b) -> bool (px_speaker_match)"},
    {NULL}};

static struct PyModuleDef core_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "parallax._core",
    .m_doc = "C extension over libparallax (see parallax).",
    .m_size = -1,
    .m_methods = core_methods,
};

PyMODINIT_FUNC PyInit__core(void) {
  if (PyType_Ready(&AnalyzerType) < 0 || PyType_Ready(&ComparisonType) < 0 ||
      PyType_Ready(&StoreType) < 0 || PyType_Ready(&CursorType) < 0)
    return NULL;
  PyObject *m = PyModule_Create(&core_module);
  if (!m) return NULL;
  if (PyModule_AddObjectRef(m, "Analyzer", (PyObject *)&AnalyzerType) ||
      PyModule_AddObjectRef(m, "Comparison", (PyObject *)&ComparisonType) ||
      PyModule_AddObjectRef(m, "Store", (PyObject *)&StoreType) ||
      PyModule_AddObjectRef(m, "Cursor", (PyObject *)&CursorType) ||
      PyModule_AddStringConstant(m, "library_version", px_version_string()) ||
      PyModule_AddIntConstant(m, "K_ARTICLES", K_ARTICLES) ||
      PyModule_AddIntConstant(m, "K_SEARCH", K_SEARCH) ||
      PyModule_AddIntConstant(m, "K_QUOTES", K_QUOTES) ||
      PyModule_AddIntConstant(m, "K_ENTITIES", K_ENTITIES) ||
      PyModule_AddIntConstant(m, "K_STORIES", K_STORIES) ||
      PyModule_AddIntConstant(m, "K_OUTLETS", K_OUTLETS)) {
    Py_DECREF(m);
    return NULL;
  }
  return m;
}
