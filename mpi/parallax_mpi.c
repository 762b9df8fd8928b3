/* parallax-mpi - the ingest pipeline scaled out over MPI ranks (docs/scale.md).
 *
 *   mpirun -np N parallax-mpi ingest --out DIR INPUT...
 *
 * 1. Partition.  Articles, not files, are the unit.  An uncompressed JSON
 *    Lines file is cut into N byte ranges at line ends (rank r reads only its
 *    range); any other input (compressed, a folder, WARC, HTML, feeds) is
 *    read by every rank, which keeps the records i with i mod N == r.
 * 2. Shards.  Each rank runs its share through px_ingest (read, analyse,
 *    quotes, store, search index) into DIR/rank-K.db, without clustering.
 *    Committed batches survive a dead rank; a rerun stores what is missing.
 * 3. Global numbering.  Record counts per (input, rank) are all-gathered;
 *    an article's global id is its position among the inputs' records
 *    (input order, then record order), the same on every rank.
 * 4. Copies across shards.  Each rank hashes its articles' identity keys
 *    (outlet and id, URL, body hash: the keys px_store_add compares) and
 *    sends each key to the rank owning its hash (MPI_Alltoallv); an owner
 *    keeps the earliest article of each key and returns the later ones to
 *    their ranks (a second MPI_Alltoallv), which drop them: the rule a
 *    single store applies, "a copy of an article already stored is not
 *    stored again".  No rank holds more than its share of the keys.
 * 5. Stories across shards (every rank): clustering terms, document
 *    frequencies counted by each term's owner, candidate keys (heavy terms
 *    and time buckets) paired by each key's owner, pairs scored where the
 *    first article lives, label propagation over the links, each component
 *    clustered by the rank owning its label (see the "stories" section).
 * 6. Merge and storing (rank 0).  Rank 0 copies every shard into
 *    DIR/parallax.db (px_store_import: ATTACH and INSERT ... SELECT, no
 *    re-analysis), stores the stories the owners send (px_store_add_story,
 *    px_store_link_stories) and merges the search index.  Every parallax
 *    command reads the result with --db DIR.
 *
 * Every phase records its completion in the shard's or the merged store's
 * state table, so a rerun with the same ranks and inputs skips what is done.
 */
#include <parallax.h>

#include <mpi.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "chunk.h"

#define WINDOW_BYTES (32u << 20) /* a byte range is read in windows of this size */

static int g_rank, g_size;
static bool g_quiet;
static FILE *g_log; /* DIR/rank-K.log: every message of this rank, --quiet or not */

static void log_line(const char *what, const char *fmt, va_list ap) {
  if (!g_log) return;
  time_t t = time(NULL);
  struct tm tm;
  char stamp[32];
  strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
  fprintf(g_log, "%s rank %d: %s", stamp, g_rank, what);
  vfprintf(g_log, fmt, ap);
  fputc('\n', g_log);
  fflush(g_log);
}

/* A message to stderr (mpirun forwards it) and to the rank's log file: the
 * forwarded copy can be lost when a run is torn down, the file's is not. */
static void say(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  log_line("", fmt, ap);
  va_end(ap);
  if (g_quiet) return;
  va_start(ap, fmt);
  fprintf(stderr, "parallax-mpi: rank %d: ", g_rank);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

/* A problem with the input: always printed (--quiet or not) and logged. */
static void warn(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  log_line("", fmt, ap);
  va_end(ap);
  va_start(ap, fmt);
  fprintf(stderr, "parallax-mpi: rank %d: ", g_rank);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

/* A failure that ends the run: named with its rank, then MPI_Abort so every
 * rank stops (mpirun reports the abort too). */
static _Noreturn void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  log_line("error: ", fmt, ap);
  va_end(ap);
  va_start(ap, fmt);
  fprintf(stderr, "parallax-mpi: rank %d: error: ", g_rank);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  fflush(stderr);
  MPI_Abort(MPI_COMM_WORLD, 1);
  exit(1);
}

static double now_wall(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}
static double now_cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}
static double peak_mb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

/* Testing (PARALLAX_MPI_FAULT="RANK:stories" or "0:merge:K"): this rank kills
 * itself (SIGKILL) at the start of the story stage, or rank 0 after merging K
 * shards: a rank lost after the shards were committed, or in the merge. */
static void fault_at(const char *where, int count) {
  const char *f = getenv("PARALLAX_MPI_FAULT");
  int fr = -1, fk = 0, used = 0;
  char w[16] = "";
  if (!f || sscanf(f, "%d:%15[a-z]%n", &fr, w, &used) != 2 || fr != g_rank || strcmp(w, where)) return;
  if (f[used] == ':' && (fk = atoi(f + used + 1)) != count) return;
  fprintf(stderr, "parallax-mpi: rank %d: PARALLAX_MPI_FAULT: killing this rank (%s)\n", g_rank, where);
  fflush(stderr);
  raise(SIGKILL);
}

/* PARALLAX_MPI_TIMES=1: the CPU time and resident memory at each step of the story stage, to stderr (for measuring) */
static void tick(const char *what) {
  static int on = -1;
  static double last, lastw;
  if (on < 0) on = getenv("PARALLAX_MPI_TIMES") != NULL;
  if (!on) return;
  struct timespec ts, tw;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  clock_gettime(CLOCK_MONOTONIC, &tw);
  double t = (double)ts.tv_sec + ts.tv_nsec / 1e9, w = (double)tw.tv_sec + tw.tv_nsec / 1e9;
  long rss = 0, hwm = 0; /* resident and peak resident kB, from /proc (Linux) */
  FILE *f = fopen("/proc/self/status", "r");
  if (f) {
    char line[128];
    while (fgets(line, sizeof(line), f)) {
      if (!strncmp(line, "VmRSS:", 6)) rss = atol(line + 6);
      if (!strncmp(line, "VmHWM:", 6)) hwm = atol(line + 6);
    }
    fclose(f);
  }
  fprintf(stderr, "parallax-mpi: rank %d: %s: %.3f s CPU (this thread), %.3f s wall, %.1f MB resident (peak %.1f)\n",
          g_rank, what, t - last, w - lastw, rss / 1024.0, hwm / 1024.0);
  last = t;
  lastw = w;
}

static uint64_t fnv64(const void *p, size_t n, uint64_t h) {
  const unsigned char *s = p;
  for (size_t i = 0; i < n; i++) {
    h ^= s[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}
static uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

/* ------------------------------------------------------------ per article */

/* An article this rank stored: its shard id, its global position (from
 * its input and record number) and the hashes of its identity keys. */
typedef struct rec {
  int64_t shard_id;
  int32_t file;
  int64_t k;        /* record number within the file (range mode: within this rank's range) */
  int64_t dst;      /* global id, after numbering */
  uint64_t key[3];  /* outlet+id, url, body; 0 when absent */
} rec;

typedef struct vec {
  rec *v;
  size_t n, cap;
} vec;

static void vec_push(vec *a, rec r) {
  if (a->n == a->cap) {
    a->cap = a->cap ? a->cap * 2 : 1024;
    a->v = realloc(a->v, a->cap * sizeof(*a->v));
    if (!a->v) die("out of memory");
  }
  a->v[a->n++] = r;
}

/* ------------------------------------------------------------------ inputs */

typedef struct input {
  const char *path;
  bool range;          /* an uncompressed JSON Lines file cut into byte ranges */
  int64_t lo, hi;      /* this rank's byte range */
  int64_t count;       /* records this rank numbered (range: its range; else: all) */
  int64_t lines_before;/* lines before this rank's range (range mode) */
  int nreaders;        /* ranks that can open it */
  int reader;          /* this rank's place among them, -1 when it cannot open it */
} input;

/* An uncompressed regular file whose first non-blank byte opens a JSON object. */
static bool is_plain_jsonl(const char *path) {
  struct stat sb;
  if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size == 0) return false;
  int fd = open(path, O_RDONLY);
  if (fd < 0) return false;
  unsigned char b[512];
  ssize_t n = read(fd, b, sizeof(b));
  close(fd);
  if (n < 2) return false;
  if ((b[0] == 0x1f && b[1] == 0x8b) || (b[0] == 0xfd && b[1] == '7') ||
      (b[0] == 0x28 && b[1] == 0xb5) || (b[0] == 'B' && b[1] == 'Z'))
    return false;
  for (ssize_t i = 0; i < n; i++) {
    if (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') continue;
    if (i + 2 < n && b[i] == 0xef && b[i + 1] == 0xbb && b[i + 2] == 0xbf) {
      i += 2;
      continue;
    }
    return b[i] == '{';
  }
  return false;
}

/* The offset just past the first '\n' at or after off (or size). */
static int64_t line_start_after(int fd, int64_t off, int64_t size) {
  if (off <= 0) return 0;
  char buf[65536];
  int64_t p = off - 1;
  while (p < size) {
    ssize_t n = pread(fd, buf, sizeof(buf), p);
    if (n <= 0) return size;
    char *nl = memchr(buf, '\n', (size_t)n);
    if (nl) return p + (nl - buf) + 1;
    p += n;
  }
  return size;
}

static int64_t count_lines(int fd, int64_t lo, int64_t hi) {
  char buf[1 << 16];
  int64_t lines = 0;
  for (int64_t p = lo; p < hi;) {
    size_t want = (size_t)(hi - p < (int64_t)sizeof(buf) ? hi - p : (int64_t)sizeof(buf));
    ssize_t n = pread(fd, buf, want, p);
    if (n <= 0) break;
    for (char *q = buf, *e = buf + n; (q = memchr(q, '\n', (size_t)(e - q))); q++) lines++;
    p += n;
  }
  return lines;
}

/* --------------------------------------------------------------- ingest */

typedef struct run {
  px_ctx *ctx;
  px_store *st;
  px_ingest *ing;
  vec recs;
  /* shard ids already met in this run: a later PX_EDUPLICATE with one of
   * them is a copy inside the shard, not an article committed earlier */
  int64_t *seen;
  size_t nseen, aseen;
  uint64_t rejected, read_own;
  int fault_after; /* testing: die by SIGKILL after this many articles (PARALLAX_MPI_FAULT) */
} run;

static void on_event(void *user, px_ingest_event ev, const char *origin, const char *message,
                     uint64_t count) {
  (void)user;
  (void)count;
  if (ev == PX_IE_REPAIRED && g_quiet) return;
  fprintf(stderr, "parallax-mpi: rank %d: %s%s%s\n", g_rank, origin && *origin ? origin : "",
          origin && *origin ? ": " : "", message);
}

static bool seen_has(run *R, int64_t id) {
  /* ids grow as articles are stored; a linear probe of a sorted tail would
   * do, but a small hash is simpler */
  if (!R->aseen) return false;
  size_t m = R->aseen - 1;
  for (size_t j = (size_t)mix64((uint64_t)id) & m;; j = (j + 1) & m) {
    if (!R->seen[j]) return false;
    if (R->seen[j] == id) return true;
  }
}
static void seen_add(run *R, int64_t id) {
  if ((R->nseen + 1) * 2 > R->aseen) {
    size_t na = R->aseen ? R->aseen * 2 : 4096;
    int64_t *ns = calloc(na, sizeof(*ns));
    if (!ns) die("out of memory");
    for (size_t i = 0; i < R->aseen; i++)
      if (R->seen[i])
        for (size_t j = (size_t)mix64((uint64_t)R->seen[i]) & (na - 1);; j = (j + 1) & (na - 1))
          if (!ns[j]) {
            ns[j] = R->seen[i];
            break;
          }
    free(R->seen);
    R->seen = ns;
    R->aseen = na;
  }
  size_t m = R->aseen - 1;
  for (size_t j = (size_t)mix64((uint64_t)id) & m;; j = (j + 1) & m) {
    if (R->seen[j] == id) return;
    if (!R->seen[j]) {
      R->seen[j] = id;
      R->nseen++;
      return;
    }
  }
}

static uint64_t key_of(px_str a, px_str b, uint64_t salt) {
  if (!b.len) return 0;
  uint64_t h = fnv64(a.ptr, a.len, 0xcbf29ce484222325ULL ^ salt);
  h = fnv64("\0", 1, h);
  h = fnv64(b.ptr, b.len, h);
  return h ? h : 1;
}

static void take(run *R, px_article *art, int32_t file, int64_t k) {
  int64_t id = 0;
  int rc = px_ingest_add(R->ing, art, &id);
  if (rc != PX_OK && rc != PX_EDUPLICATE) {
    const char *why = px_ctx_error(R->ctx);
    px_str o = px_article_get(art, PX_F_ORIGIN);
    die("%.*s: storing failed: %s (%s); committed batches are kept, rerun to resume",
        (int)o.len, o.ptr, px_strerror(rc), why && *why ? why : "");
  }
  R->read_own++;
  if (rc == PX_EDUPLICATE && seen_has(R, id)) return; /* a copy inside this shard */
  seen_add(R, id);
  rec r = {id, file, k, 0, {0, 0, 0}};
  px_str none = {"", 0};
  r.key[0] = key_of(px_article_get(art, PX_F_SOURCE), px_article_get(art, PX_F_ID), 1);
  r.key[1] = key_of(none, px_article_get(art, PX_F_URL), 2);
  uint64_t ch = px_article_content_hash(art);
  r.key[2] = mix64(ch ^ 3) ? mix64(ch ^ 3) : 1;
  vec_push(&R->recs, r);
  if (R->fault_after > 0 && (int)R->recs.n >= R->fault_after) {
    fprintf(stderr, "parallax-mpi: rank %d: PARALLAX_MPI_FAULT: killing this rank\n", g_rank);
    fflush(stderr);
    raise(SIGKILL);
  }
}

/* Rewrite "name:LINE" origins of a window into "path:LINE" with the lines
 * before the window added. */
static void fix_origin(px_article *art, const char *path, int64_t lines_before) {
  px_str o = px_article_get(art, PX_F_ORIGIN);
  size_t i = o.len;
  while (i > 0 && o.ptr[i - 1] >= '0' && o.ptr[i - 1] <= '9') i--;
  if (i == o.len || i == 0 || o.ptr[i - 1] != ':') return;
  long long line = strtoll(o.ptr + i, NULL, 10);
  char buf[4096];
  int n = snprintf(buf, sizeof(buf), "%s:%lld", path, line + (long long)lines_before);
  if (n > 0 && (size_t)n < sizeof(buf)) px_article_set(art, PX_F_ORIGIN, buf, (size_t)n);
}

static void ingest_range(run *R, input *in, int32_t f) {
  if (in->reader < 0) {
    if (in->nreaders == 0 && g_rank == 0) R->rejected++;
    in->count = 0; /* said when the inputs were shared out */
    return;
  }
  int fd = open(in->path, O_RDONLY);
  if (fd < 0) {
    R->rejected++;
    fprintf(stderr, "parallax-mpi: rank %d: %s: cannot open: %s; its records on this rank are not stored\n",
            g_rank, in->path, strerror(errno));
    return;
  }
  char *buf = malloc(WINDOW_BYTES + 1);
  if (!buf) die("out of memory");
  int64_t k = 0, lines = in->lines_before;
  for (int64_t p = in->lo; p < in->hi;) {
    int64_t want = in->hi - p < (int64_t)WINDOW_BYTES ? in->hi - p : (int64_t)WINDOW_BYTES;
    ssize_t n = pread(fd, buf, (size_t)want, p);
    if (n <= 0) {
      fprintf(stderr, "parallax-mpi: rank %d: %s: read failed at byte %" PRId64 ": %s\n", g_rank,
              in->path, p, n < 0 ? strerror(errno) : "unexpected end of file");
      R->rejected++;
      break;
    }
    /* end the window at its last line end (a line longer than the window is
     * taken whole up to the range's end) */
    size_t len = (size_t)n;
    if (p + n < in->hi) {
      char *nl = memrchr(buf, '\n', len);
      if (nl) len = (size_t)(nl - buf) + 1;
    }
    px_reader *rd = NULL;
    int rc = px_reader_open_mem(R->ctx, buf, len, in->path, "jsonl", &rd);
    if (rc != PX_OK) die("%s: cannot read bytes from %" PRId64 ": %s", in->path, p, px_strerror(rc));
    for (;;) {
      px_article *art = NULL;
      rc = px_reader_next(rd, &art);
      if (rc == PX_EOF) break;
      if (rc == PX_ENOMEM) die("out of memory");
      if (rc != PX_OK) {
        R->rejected++;
        /* "path:line N: reason" with N counted in the window: made absolute */
        const char *msg = px_reader_error(rd);
        size_t pl = strlen(in->path);
        if (strncmp(msg, in->path, pl) == 0 && strncmp(msg + pl, ":line ", 6) == 0) {
          char *end = NULL;
          long long ln = strtoll(msg + pl + 6, &end, 10);
          fprintf(stderr, "parallax-mpi: rank %d: %s:line %lld%s\n", g_rank, in->path,
                  ln + (long long)lines, end);
        } else {
          fprintf(stderr, "parallax-mpi: rank %d: %s (in the window from byte %" PRId64 ")\n",
                  g_rank, msg, p);
        }
        if (px_reader_error_is_fatal(rd)) break;
        continue;
      }
      fix_origin(art, in->path, lines);
      take(R, art, f, k++);
    }
    px_reader_free(rd);
    for (char *q = buf, *e = buf + len; (q = memchr(q, '\n', (size_t)(e - q))); q++) lines++;
    p += (int64_t)len;
  }
  free(buf);
  close(fd);
  in->count = k;
}

static void ingest_modulo(run *R, input *in, int32_t f) {
  px_reader *rd = NULL;
  if (in->reader < 0) {
    if (in->nreaders == 0 && g_rank == 0) R->rejected++;
    in->count = 0; /* said when the inputs were shared out; the readers count it */
    return;
  }
  int64_t nq = in->nreaders, q = in->reader;
  int rc = px_reader_open(R->ctx, in->path, &rd);
  if (rc != PX_OK) {
    R->rejected++;
    const char *why = px_ctx_error(R->ctx);
    fprintf(stderr, "parallax-mpi: rank %d: %s: %s\n", g_rank, in->path,
            why && *why ? why : px_strerror(rc));
    in->count = -1; /* this rank could not count it: the others' count is used */
    return;
  }
  int64_t k = 0;
  for (;;) {
    px_article *art = NULL;
    rc = px_reader_next(rd, &art);
    if (rc == PX_EOF) break;
    if (rc == PX_ENOMEM) die("out of memory");
    if (rc != PX_OK) {
      /* every rank meets it: the rank of the next record's share says so
       * (and every rank when it ends the input) */
      if (k % nq == q || px_reader_error_is_fatal(rd)) {
        R->rejected++;
        fprintf(stderr, "parallax-mpi: rank %d: %s\n", g_rank, px_reader_error(rd));
      }
      continue;
    }
    if (k % nq == q) take(R, art, f, k);
    k++;
  }
  px_reader_free(rd);
  in->count = k;
}

/* ------------------------------------------------------------ shard state */

#define ST_LAYOUT "mpi.layout"
#define ST_RECS "mpi.records"  /* rec[] of the shard, after the exchange */
#define ST_COUNTS "mpi.counts" /* int64 per input: this rank's record counts */
#define ST_DONE "mpi.done"     /* the shard's ingest is complete */
#define ST_MERGE "mpi.merge"   /* rec[] to merge: ST_RECS less the copies of other shards' */

static px_ctx *g_ctx;
static void state_put(px_store *st, const char *key, const void *p, size_t n) {
  if (px_store_state_set(st, key, p, n) != PX_OK)
    die("cannot write %s in the shard: %s", key, px_ctx_error(g_ctx));
}

/* ------------------------------------------------------------- exchange */

typedef struct keymsg {
  uint64_t key;
  int64_t dst;      /* global id: the earliest wins */
  int64_t shard_id;
  int32_t rank;
  int32_t pad;
} keymsg;

static int cmp_keymsg(const void *a, const void *b) {
  const keymsg *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  if (x->dst != y->dst) return x->dst < y->dst ? -1 : 1;
  return 0;
}
static int cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return x < y ? -1 : x > y;
}

/* All-to-all of byte buffers: out[d] (nout[d] bytes) to rank d; returns what
 * arrived (caller frees) and its size.  Counts bytes sent to other ranks.
 * Any size: the exchange runs in rounds of at most g_chunk bytes per pair
 * (mpi/chunk.h), so no int count or displacement of MPI_Alltoallv passes
 * INT_MAX. */
static uint64_t g_chunk; /* bytes per destination per round (PARALLAX_MPI_CHUNK for tests) */
static char *exchange_n(char **out, const uint64_t *nout, uint64_t *nin_total, uint64_t *bytes_sent,
                        uint64_t *rcounts, uint64_t *consume);
static char *exchange(char **out, const uint64_t *nout, uint64_t *nin_total, uint64_t *bytes_sent) {
  return exchange_n(out, nout, nin_total, bytes_sent, NULL, NULL);
}
/* The same, with the bytes received from each rank in rcounts (when not NULL):
 * what arrived from rank d starts after what arrived from ranks before d.
 * With consume (the buffers' capacities, when not NULL), out[d] is freed
 * (set to NULL, its capacity to 0) once packed, so the send buffers are not
 * held twice beside what arrives (the largest exchange, the components). */
static char *exchange_n(char **out, const uint64_t *nout, uint64_t *nin_total, uint64_t *bytes_sent,
                        uint64_t *rcounts, uint64_t *consume) {
  uint64_t *rc = calloc((size_t)g_size, sizeof(uint64_t)), *roff = calloc((size_t)g_size + 1, sizeof(uint64_t));
  int *sc = calloc((size_t)g_size, sizeof(int)), *sd = calloc((size_t)g_size, sizeof(int));
  int *rcn = calloc((size_t)g_size, sizeof(int)), *rd = calloc((size_t)g_size, sizeof(int));
  if (!rc || !roff || !sc || !sd || !rcn || !rd) die("out of memory");
  for (int d = 0; d < g_size; d++)
    if (d != g_rank) *bytes_sent += nout[d];
  MPI_Alltoall(nout, 1, MPI_UINT64_T, rc, 1, MPI_UINT64_T, MPI_COMM_WORLD);
  for (int d = 0; d < g_size; d++) roff[d + 1] = roff[d] + rc[d];
  uint64_t rtot = roff[g_size];
  if (rtot >= SIZE_MAX / 2) die("an exchange of %" PRIu64 " bytes does not fit in memory", rtot);
  char *rbuf = malloc((size_t)rtot + 1);
  if (!rbuf) die("out of memory (receiving %" PRIu64 " bytes)", rtot);
  /* rounds: the same number on every rank */
  uint64_t chunk = g_chunk, mine = chunk_rounds(nout, g_size, chunk), r2 = chunk_rounds(rc, g_size, chunk), rounds = 0;
  if (r2 > mine) mine = r2;
  MPI_Allreduce(&mine, &rounds, 1, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD);
  uint64_t round_bytes = chunk * (uint64_t)g_size;
  char *sround = NULL, *rround = NULL;
  if (rounds > 1) {
    sround = malloc((size_t)round_bytes + 1);
    rround = malloc((size_t)round_bytes + 1);
    if (!sround || !rround) die("out of memory");
  }
  for (uint64_t r = 0; r < rounds; r++) {
    if (rounds == 1) {
      /* one round: straight from the buffers, packed once */
      uint64_t tot = 0;
      for (int d = 0; d < g_size; d++) tot += nout[d];
      sround = malloc((size_t)tot + 1);
      rround = rbuf;
      if (!sround) die("out of memory");
    }
    if (!chunk_pack(sround, sc, sd, out, nout, g_size, r, chunk, INT_MAX) ||
        !chunk_recv_plan(rcn, rd, rc, g_size, r, chunk, INT_MAX))
      die("internal: an exchange round passes MPI's int counts");
    if (consume && rounds == 1)
      for (int d = 0; d < g_size; d++) {
        free(out[d]);
        out[d] = NULL;
        consume[d] = 0;
      }
    MPI_Alltoallv(sround, sc, sd, MPI_BYTE, rround, rcn, rd, MPI_BYTE, MPI_COMM_WORLD);
    if (rounds > 1) chunk_unpack(rbuf, roff, rround, rcn, rd, g_size, r, chunk);
  }
  if (rounds == 1) rround = NULL;
  free(sround);
  free(rround);
  if (rcounts) memcpy(rcounts, rc, (size_t)g_size * sizeof(uint64_t));
  free(rc);
  free(roff);
  free(sc);
  free(sd);
  free(rcn);
  free(rd);
  *nin_total = rtot;
  return rbuf;
}

/* Drop the articles of recs that copy an earlier article of another rank
 * (or of this one, under a key the shard did not see).  Returns how many. */
static void put(char **out, uint64_t *nout, uint64_t *aout, int d, const void *p, size_t n);
static size_t drop_copies(vec *recs, uint64_t *bytes_sent) {
  char **out = calloc((size_t)g_size, sizeof(char *));
  uint64_t *nout = calloc((size_t)g_size, sizeof(uint64_t)), *aout = calloc((size_t)g_size, sizeof(uint64_t));
  if (!out || !nout || !aout) die("out of memory");
  for (size_t i = 0; i < recs->n; i++)
    for (int j = 0; j < 3; j++) {
      uint64_t key = recs->v[i].key[j];
      if (!key) continue;
      key = key * 4 + (uint64_t)j; /* kinds apart */
      int d = (int)(mix64(key) % (uint64_t)g_size);
      keymsg m = {key, recs->v[i].dst, recs->v[i].shard_id, g_rank, 0};
      put(out, nout, aout, d, &m, sizeof(m));
    }
  uint64_t nin = 0;
  keymsg *in = (keymsg *)exchange(out, nout, &nin, bytes_sent);
  size_t nk = (size_t)nin / sizeof(keymsg);
  qsort(in, nk, sizeof(*in), cmp_keymsg);
  /* later holders of a key go back to their rank */
  for (int d = 0; d < g_size; d++) nout[d] = 0;
  for (size_t i = 0; i < nk;) {
    size_t j = i + 1;
    while (j < nk && in[j].key == in[i].key) {
      if (in[j].dst != in[i].dst) put(out, nout, aout, in[j].rank, &in[j].shard_id, 8);
      j++;
    }
    i = j;
  }
  free(in);
  uint64_t nl = 0;
  int64_t *lose = (int64_t *)exchange(out, nout, &nl, bytes_sent);
  size_t nlose = (size_t)nl / 8;
  qsort(lose, nlose, 8, cmp_i64);
  size_t k = 0;
  for (size_t i = 0; i < recs->n; i++)
    if (!bsearch(&recs->v[i].shard_id, lose, nlose, 8, cmp_i64)) recs->v[k++] = recs->v[i];
  size_t dropped = recs->n - k;
  recs->n = k;
  free(lose);
  for (int d = 0; d < g_size; d++) free(out[d]);
  free(out);
  free(nout);
  free(aout);
  return dropped;
}

/* Waiting without spinning: Open MPI's blocking calls poll at full speed,
 * so a rank waiting for rank 0's merge would burn a core (on a machine with
 * fewer cores than ranks, rank 0's).  These wait with MPI_Test and sleeps. */
static void wait_lazily(MPI_Request *rq) {
  int done = 0;
  long ns = 50000;
  for (;;) {
    MPI_Test(rq, &done, MPI_STATUS_IGNORE);
    if (done) return;
    struct timespec ts = {0, ns};
    nanosleep(&ts, NULL);
    if (ns < 20000000) ns *= 2;
  }
}
static void barrier_lazily(void) {
  MPI_Request rq;
  MPI_Ibarrier(MPI_COMM_WORLD, &rq);
  wait_lazily(&rq);
}

/* ------------------------------------------------------------- stories */

/*
 * Stories across shards, by exchange (docs/scale.md, "Stories"):
 *  a. each rank takes the clustering terms of its articles from its shard
 *     (px_stories_terms);
 *  b. document frequencies: every term goes to the rank owning its hash,
 *     which counts and answers (MPI_Alltoallv there and back); each rank
 *     then weighs its articles' vectors as the single-process clusterer does;
 *  c. candidate keys: an article's heaviest terms with its time bucket (the
 *     window wide: bucket b and b+1, so two articles within the window share
 *     one) go to the key's owner, which pairs the articles of a key within
 *     the window; a pair is scored where its first article lives, with the
 *     second's vector fetched from its rank;
 *  d. pairs similar enough to be linked by the clusterer become edges, and
 *     label propagation over them (min label, one MPI_Alltoallv per round)
 *     gives each article its component: the least global id in it;
 *  e. each component goes whole to the rank owning its label, which clusters
 *     its components with the single-process batch clusterer (with the
 *     collection's document frequencies) reading the articles from their
 *     shards; the stories, numbered by their owner, are written by rank 0.
 * No rank holds more than its share of terms, keys, pairs and components
 * (unless one component is larger than a share).
 */

#define Q_TERMS 12     /* candidate keys per article: its heaviest terms (hac.c's query terms) */
#define V_TERMS 80     /* the vector's length (cluster.c) */
#define DEPTH 128      /* pairs per article and key at most (hac.c's TERM_DEPTH) */
#define EDGE_MIN 0.15f /* a pair at least this similar (time boost included) is a link */
#define UNDATED_BUCKET INT64_MIN

typedef struct vt {
  uint64_t h;
  float w;
} vt;

typedef struct sdoc {
  int64_t gid, shard_id, t, pub, label;
  uint64_t content;
  int has_time, has_pub;
  uint32_t toff, nt, voff, nv;
  bool changed;
  size_t soff, boff; /* its sentence hashes in S->sent, its boilerplate positions in S->bpos */
  uint32_t ns, nb;
  int64_t roff;  /* its feature record in S->recf */
  uint32_t rlen; /* 0: none (a resumed shard): the article is read and analysed instead */
} sdoc;

typedef struct sstate {
  sdoc *d;
  size_t n;
  px_story_term *terms;
  uint32_t *df;
  size_t nterms, aterms;
  vt *vec;
  size_t nvec;
  int64_t *byg; /* (gid, index) pairs sorted by gid: 2 per doc */
  uint64_t *sent; /* sentence hashes of every article, in order (0: too short to count) */
  size_t nsent, asent;
  uint32_t *bpos; /* positions of each article's sentences that are boilerplate in the collection */
  size_t nbpos;
  FILE *recf;     /* the articles' feature records, from the ingest's analysis */
  int64_t recend;
  uint64_t nrec_used, nrec_missing;
} sstate;

static void put(char **out, uint64_t *nout, uint64_t *aout, int d, const void *p, size_t n) {
  while (nout[d] + n > aout[d]) {
    aout[d] = aout[d] ? aout[d] * 2 : 4096;
    out[d] = realloc(out[d], (size_t)aout[d]);
    if (!out[d]) die("out of memory");
  }
  memcpy(out[d] + nout[d], p, n);
  nout[d] += n;
}

typedef struct bufs {
  char **out;
  uint64_t *n, *a;
} bufs;
static bufs bufs_new(void) {
  bufs b = {calloc((size_t)g_size, sizeof(char *)), calloc((size_t)g_size, sizeof(uint64_t)),
            calloc((size_t)g_size, sizeof(uint64_t))};
  if (!b.out || !b.n || !b.a) die("out of memory");
  return b;
}
static void bufs_clear(bufs *b) {
  for (int d = 0; d < g_size; d++) b->n[d] = 0;
}
static void bufs_free(bufs *b) {
  for (int d = 0; d < g_size; d++) free(b->out[d]);
  free(b->out);
  free(b->n);
  free(b->a);
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}
static int cmp_pair64(const void *a, const void *b) { return cmp_i64(a, b); }
/* (a, b) pairs of int64 by a, then b */
static int cmp_pair64x2(const void *a, const void *b) {
  const int64_t *x = a, *y = b;
  if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : x[1] > y[1];
}
/* sentence occurrences in the order the single-process clusterer meets them:
 * by hash, then article (dated first, by time, content hash, id), then place */
static int cmp_sentmsg(const void *a, const void *b) {
  const struct {
    uint64_t h, content;
    int64_t pub, gid;
    int32_t has_pub, rank;
    uint32_t pos, pad;
  } *x = a, *y = b;
  if (x->h != y->h) return x->h < y->h ? -1 : 1;
  if (x->has_pub != y->has_pub) return x->has_pub ? -1 : 1;
  if (x->has_pub && x->pub != y->pub) return x->pub < y->pub ? -1 : 1;
  if (x->content != y->content) return x->content < y->content ? -1 : 1;
  if (x->gid != y->gid) return x->gid < y->gid ? -1 : 1;
  return x->pos < y->pos ? -1 : x->pos > y->pos;
}
static int cmp_dkmsg(const void *a, const void *b) {
  const struct {
    uint64_t key;
    int64_t gid;
    int32_t rank, pad;
  } *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x->gid < y->gid ? -1 : x->gid > y->gid;
}

static int64_t local_of(const sstate *S, int64_t gid) {
  size_t lo = 0, hi = S->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (S->byg[2 * mid] < gid) lo = mid + 1;
    else hi = mid;
  }
  return lo < S->n && S->byg[2 * lo] == gid ? S->byg[2 * lo + 1] : -1;
}

static int cmp_vt_w(const void *a, const void *b) {
  const vt *x = a, *y = b;
  if (x->w != y->w) return x->w > y->w ? -1 : 1;
  return x->h < y->h ? -1 : x->h > y->h;
}
static int cmp_vt_h(const void *a, const void *b) {
  uint64_t x = ((const vt *)a)->h, y = ((const vt *)b)->h;
  return x < y ? -1 : x > y;
}
static float vt_dot(const vt *a, uint32_t na, const vt *b, uint32_t nb) {
  float s = 0;
  uint32_t i = 0, j = 0;
  while (i < na && j < nb) {
    if (a[i].h == b[j].h) s += a[i++].w * b[j++].w;
    else if (a[i].h < b[j].h) i++;
    else j++;
  }
  return s;
}

typedef struct candmsg {
  uint64_t key;
  int64_t gid, t;
  int32_t rank, dated;
} candmsg;
static int cmp_cand(const void *a, const void *b) {
  const candmsg *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  if (x->dated != y->dated) return x->dated > y->dated ? -1 : 1;
  if (x->t != y->t) return x->t < y->t ? -1 : 1;
  return x->gid < y->gid ? -1 : x->gid > y->gid;
}
typedef struct pairmsg {
  int64_t a, b;
  int32_t rb, pad;
} pairmsg;
static int cmp_pairmsg(const void *x, const void *y) {
  const pairmsg *p = x, *q = y;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  return p->b < q->b ? -1 : p->b > q->b;
}
typedef struct edge {
  int64_t other;
  int32_t li, rank;
} edge;

/* What a component's owner receives of one article. */
typedef struct memhead {
  int64_t gid, label, shard_id, pub;
  uint64_t content;
  int32_t home, has_pub;
  uint32_t nt, nb; /* terms (12 bytes each), boilerplate sentences (4 bytes each) */
  uint32_t rlen;  /* its feature record's bytes, after them (0: none) */
  uint32_t local; /* 1: the owner is the article's own rank, which reads the record itself */
} memhead;
typedef struct member {
  memhead h;
  size_t toff; /* its (hash, df) pairs in the owner's flat arrays */
} member;
static int cmp_member(const void *a, const void *b) {
  const memhead *x = &((const member *)a)->h, *y = &((const member *)b)->h;
  if (x->has_pub != y->has_pub) return x->has_pub ? -1 : 1;
  if (x->has_pub && x->pub != y->pub) return x->pub < y->pub ? -1 : 1;
  if (x->content != y->content) return x->content < y->content ? -1 : 1;
  return x->gid < y->gid ? -1 : x->gid > y->gid;
}

/* What an owner sends rank 0 to store. */
typedef struct rowmsg {
  int64_t article, story, dup_of, wire_source;
  double similarity, dup_sim, wire_share;
  int32_t dup_exact;
  uint32_t flags;
} rowmsg;
typedef struct storymsg {
  int64_t central;
  uint32_t nsig, pad;
  uint64_t h[40];
  float w[40];
} storymsg;

typedef struct sres {
  rowmsg *rows;
  size_t nrows;
  storymsg *stories;
  size_t nstories;
  uint64_t bytes;
  double edges, rounds, comp_max, comp_mine, dup_links, rec_used;
} sres;

/* a. The clustering terms of this rank's articles, from the analysis its
 * ingest made (the feature records the store kept while this process
 * stored them: no analysis again); an article without one (a shard
 * finished by an earlier run) is read from the shard and analysed.  The
 * records go to a temporary file, read again for the duplicate keys and
 * sent with the article to its component's owner. */
static void story_terms(run *R, sstate *S, int *any_pub) {
  px_story_opts o;
  px_story_opts_init(&o);
  o.batch = 1;
  px_stories *sx = NULL;
  if (px_stories_new(R->ctx, &o, &sx) != PX_OK) die("out of memory");
  S->n = R->recs.n;
  S->d = calloc(S->n + 1, sizeof(*S->d));
  S->byg = malloc((S->n + 1) * 2 * sizeof(int64_t));
  if (!S->d || !S->byg) die("out of memory");
  if (!(S->recf = tmpfile())) die("cannot make a temporary file: %s", strerror(errno));
  for (size_t i = 0; i < S->n; i++) {
    sdoc *d = &S->d[i];
    px_story_term *tv = NULL;
    size_t nt = 0;
    px_story_doc doc;
    const void *rp = NULL;
    size_t rn = 0;
    int rc = PX_EFORMAT;
    if (px_store_feature_record(R->st, R->recs.v[i].shard_id, &rp, &rn) == PX_OK &&
        (rc = px_stories_terms_record(sx, rp, rn, &tv, &nt, &doc)) == PX_OK) {
      if (rn > UINT32_MAX || fwrite(rp, 1, rn, S->recf) != rn)
        die("writing a temporary file: %s", strerror(errno));
      d->roff = S->recend;
      d->rlen = (uint32_t)rn;
      S->recend += (int64_t)rn;
      S->nrec_used++;
    } else {
      if (rc == PX_ENOMEM) die("out of memory");
      px_article *art = NULL;
      if (px_store_get(R->st, R->recs.v[i].shard_id, &art) != PX_OK)
        die("reading article %" PRId64 " of the shard: %s", R->recs.v[i].shard_id, px_ctx_error(R->ctx));
      if (px_stories_terms(sx, art, &tv, &nt, &doc) != PX_OK) die("out of memory");
      px_article_free(art);
      S->nrec_missing++;
    }
    const uint64_t *sh = NULL;
    size_t ns = 0;
    if (px_stories_sentences(sx, &sh, &ns) != PX_OK) die("internal: no sentences");
    if (ns > UINT32_MAX) die("an article with too many sentences");
    if (S->nsent + ns > S->asent) {
      while (S->nsent + ns > S->asent) S->asent = S->asent ? S->asent * 2 : 65536;
      S->sent = realloc(S->sent, S->asent * sizeof(*S->sent));
      if (!S->sent) die("out of memory");
    }
    d->soff = S->nsent;
    d->ns = (uint32_t)ns;
    if (ns) memcpy(S->sent + S->nsent, sh, ns * sizeof(*sh));
    S->nsent += ns;
    d->gid = R->recs.v[i].dst;
    d->shard_id = R->recs.v[i].shard_id;
    d->t = doc.t;
    d->has_time = doc.has_time && !(doc.flags & PX_SF_DATE_FROM_TEXT) ? 1 : doc.has_time ? 2 : 0;
    d->pub = doc.published;
    d->has_pub = doc.has_published;
    if (d->has_pub) *any_pub = 1;
    d->content = doc.content;
    d->label = d->gid;
    d->changed = true;
    if (S->nterms + nt > S->aterms) {
      while (S->nterms + nt > S->aterms) S->aterms = S->aterms ? S->aterms * 2 : 65536;
      S->terms = realloc(S->terms, S->aterms * sizeof(*S->terms));
      if (!S->terms) die("out of memory");
    }
    d->toff = (uint32_t)S->nterms;
    d->nt = (uint32_t)nt;
    if (nt) memcpy(S->terms + S->nterms, tv, nt * sizeof(*tv));
    S->nterms += nt;
    free(tv);
    S->byg[2 * i] = d->gid;
    S->byg[2 * i + 1] = (int64_t)i;
  }
  if (fflush(S->recf) != 0) die("writing a temporary file: %s", strerror(errno));
  qsort(S->byg, S->n, 2 * sizeof(int64_t), cmp_pair64);
  px_stories_free(sx);
}

/* Article i's feature record, read back from S->recf into *buf. */
static const void *record_of(sstate *S, size_t i, char **buf, size_t *abuf) {
  const sdoc *d = &S->d[i];
  if (!d->rlen) return NULL;
  if (d->rlen > *abuf) {
    *abuf = d->rlen;
    if (!(*buf = realloc(*buf, *abuf))) die("out of memory");
  }
  if (fseeko(S->recf, (off_t)d->roff, SEEK_SET) != 0 || fread(*buf, 1, d->rlen, S->recf) != d->rlen)
    die("reading a temporary file back: %s", strerror(errno));
  return *buf;
}

static void story_stage(sstate *S, const char *out_dir, int undated, sres *res) {
  uint64_t *bytes = &res->bytes;
  bufs B = bufs_new();
  uint64_t *rcount = calloc((size_t)g_size, sizeof(uint64_t));
  if (!rcount) die("out of memory");
  tick("start");
  /* b. document frequencies */
  for (size_t i = 0; i < S->n; i++)
    for (uint32_t k = 0; k < S->d[i].nt; k++) {
      uint64_t h = S->terms[S->d[i].toff + k].hash;
      put(B.out, B.n, B.a, (int)(mix64(h) % (uint64_t)g_size), &h, 8);
    }
  uint64_t nin = 0;
  uint64_t *th = (uint64_t *)exchange_n(B.out, B.n, &nin, bytes, rcount, NULL);
  size_t nth = (size_t)nin / 8;
  uint64_t *sorted = malloc((nth + 1) * 8);
  if (!sorted) die("out of memory");
  if (nth) memcpy(sorted, th, nth * 8);
  qsort(sorted, nth, 8, cmp_u64);
  bufs_clear(&B);
  {
    size_t at = 0;
    for (int d = 0; d < g_size; d++)
      for (uint64_t k = 0; k < rcount[d] / 8; k++, at++) {
        uint64_t h = th[at];
        size_t lo = 0, hi = nth;
        while (lo < hi) {
          size_t mid = lo + (hi - lo) / 2;
          if (sorted[mid] < h) lo = mid + 1;
          else hi = mid;
        }
        size_t a = lo;
        hi = nth;
        while (lo < hi) {
          size_t mid = lo + (hi - lo) / 2;
          if (sorted[mid] <= h) lo = mid + 1;
          else hi = mid;
        }
        uint32_t df = (uint32_t)(lo - a);
        put(B.out, B.n, B.a, d, &df, 4);
      }
  }
  free(th);
  free(sorted);
  uint32_t *dfin = (uint32_t *)exchange_n(B.out, B.n, &nin, bytes, rcount, NULL);
  {
    size_t *cur = calloc((size_t)g_size + 1, sizeof(size_t));
    if (!cur) die("out of memory");
    for (int d = 1; d <= g_size; d++) cur[d] = cur[d - 1] + (size_t)rcount[d - 1] / 4;
    S->df = malloc((S->nterms + 1) * sizeof(uint32_t));
    if (!S->df) die("out of memory");
    for (size_t i = 0; i < S->n; i++)
      for (uint32_t k = 0; k < S->d[i].nt; k++) {
        uint64_t h = S->terms[S->d[i].toff + k].hash;
        int d = (int)(mix64(h) % (uint64_t)g_size);
        S->df[S->d[i].toff + k] = dfin[cur[d]++];
      }
    free(cur);
  }
  free(dfin);
  uint64_t ndocs = 0, mine = S->n;
  MPI_Allreduce(&mine, &ndocs, 1, MPI_UINT64_T, MPI_SUM, MPI_COMM_WORLD);
  /* vectors: (1 + ln tf) idf, the heaviest V_TERMS, unit length */
  S->vec = malloc((S->nterms + 1) * sizeof(vt));
  if (!S->vec) die("out of memory");
  for (size_t i = 0; i < S->n; i++) {
    sdoc *d = &S->d[i];
    vt *v = S->vec + S->nvec;
    for (uint32_t k = 0; k < d->nt; k++) {
      float tf = S->terms[d->toff + k].tf;
      float idf = (float)px_story_idf(S->df[d->toff + k], ndocs);
      v[k] = (vt){S->terms[d->toff + k].hash, (tf <= 1.0f ? tf : 1.0f + logf(tf)) * idf};
    }
    uint32_t n = d->nt;
    qsort(v, n, sizeof(*v), cmp_vt_w);
    if (n > V_TERMS) n = V_TERMS;
    double nm = 0;
    for (uint32_t k = 0; k < n; k++) nm += (double)v[k].w * v[k].w;
    nm = sqrt(nm);
    for (uint32_t k = 0; k < n; k++) v[k].w = nm > 0 ? (float)(v[k].w / nm) : 0;
    /* the Q_TERMS heaviest stay first until the keys are sent */
    d->voff = (uint32_t)S->nvec;
    d->nv = n;
    S->nvec += n;
  }
  tick("df and vectors");
  /* b2. Boilerplate sentences.  The single-process clusterer leaves out of
   * an article's duplicate sketch (and wire share) the sentences that
   * PX_STORY_BOILERPLATE_DF articles before it (in its order: time, content
   * hash, id) carried too; counted in a component only, a site's furniture
   * repeated across stories would look like shared text and make two
   * articles near-duplicates.  So every sentence occurrence goes to the rank
   * owning the sentence's hash, which orders its occurrences as the single
   * process meets them, counts them as dedup.c does, and answers the home
   * rank with the occurrences that are boilerplate by then (16 bytes each). */
  {
    typedef struct sentmsg {
      uint64_t h, content;
      int64_t pub, gid;
      int32_t has_pub, rank;
      uint32_t pos, pad;
    } sentmsg;
    bufs_clear(&B);
    for (size_t i = 0; i < S->n; i++) {
      const sdoc *d = &S->d[i];
      for (uint32_t k = 0; k < d->ns; k++) {
        uint64_t h = S->sent[d->soff + k];
        if (!h) continue;
        sentmsg m = {h, d->content, d->has_pub ? d->pub : 0, d->gid, d->has_pub, g_rank, k, 0};
        put(B.out, B.n, B.a, (int)(mix64(h ^ 0x73656e74ULL) % (uint64_t)g_size), &m, sizeof(m));
      }
    }
    sentmsg *sm = (sentmsg *)exchange(B.out, B.n, &nin, bytes);
    size_t nsm = (size_t)nin / sizeof(sentmsg);
    qsort(sm, nsm, sizeof(*sm), cmp_sentmsg);
    bufs_clear(&B);
    for (size_t i = 0; i < nsm;) {
      size_t j = i + 1;
      uint32_t df = 1; /* the first article's occurrences count once (dedup.c) */
      while (j < nsm && sm[j].h == sm[i].h) {
        if (sm[j].gid != sm[i].gid) df++;
        if (df >= PX_STORY_BOILERPLATE_DF) {
          int64_t m[2] = {sm[j].gid, (int64_t)sm[j].pos};
          put(B.out, B.n, B.a, sm[j].rank, m, 16);
        }
        j++;
      }
      i = j;
    }
    free(sm);
    int64_t *bp = (int64_t *)exchange(B.out, B.n, &nin, bytes);
    size_t nbp = (size_t)nin / 16;
    qsort(bp, nbp, 16, cmp_pair64x2);
    S->bpos = malloc((nbp + 1) * sizeof(uint32_t));
    if (!S->bpos) die("out of memory");
    for (size_t i = 0; i < nbp;) {
      int64_t li = local_of(S, bp[2 * i]);
      if (li < 0) die("internal: a sentence answered to the wrong rank");
      S->d[li].boff = S->nbpos;
      size_t j = i;
      for (; j < nbp && bp[2 * j] == bp[2 * i]; j++) S->bpos[S->nbpos++] = (uint32_t)bp[2 * j + 1];
      S->d[li].nb = (uint32_t)(j - i);
      i = j;
    }
    free(bp);
    free(S->sent);
    S->sent = NULL;
  }
  tick("boilerplate sentences");
  /* b3. Duplicate keys.  Each article's exact-copy keys and the band keys of
   * its duplicate sketch (made without the boilerplate above: the sketch
   * the single process makes) go to the key's owner (24 bytes each), which
   * links the articles of a key in a chain (24 bytes per link to each
   * end): two articles the clusterer could mark as copies share a key, so
   * they end in one component whatever their cosine. */
  char *dein = NULL;
  uint64_t ndein = 0;
  {
    typedef struct dkmsg {
      uint64_t key;
      int64_t gid;
      int32_t rank, pad;
    } dkmsg;
    px_ctx *cx = NULL;
    px_stories *sx = NULL;
    px_story_opts o;
    px_story_opts_init(&o);
    o.batch = 1;
    if (px_ctx_new(&cx) != PX_OK || px_stories_new(cx, &o, &sx) != PX_OK) die("out of memory");
    px_store *own = NULL;
    char *rb = NULL;
    size_t arb = 0;
    bufs_clear(&B);
    for (size_t i = 0; i < S->n; i++) {
      const sdoc *d = &S->d[i];
      px_story_term *tv = NULL;
      size_t nt = 0;
      px_story_doc doc;
      const void *fr = record_of(S, i, &rb, &arb);
      if (!fr || px_stories_terms_record(sx, fr, d->rlen, &tv, &nt, &doc) != PX_OK) {
        if (!own) {
          char path[4096];
          snprintf(path, sizeof(path), "%s/rank-%d.db", out_dir, g_rank);
          if (px_store_open(cx, path, PX_OPEN_READ, &own) != PX_OK) die("%s: %s", path, px_ctx_error(cx));
        }
        px_article *art = NULL;
        if (px_store_get(own, d->shard_id, &art) != PX_OK)
          die("reading article %" PRId64 " of the shard: %s", d->shard_id, px_ctx_error(cx));
        free(tv);
        tv = NULL;
        if (px_stories_terms(sx, art, &tv, &nt, &doc) != PX_OK) die("out of memory");
        px_article_free(art);
      }
      free(tv);
      uint64_t keys[PX_STORY_DUP_KEYS];
      size_t nk = 0;
      if (px_stories_dup_keys(sx, S->bpos + d->boff, d->nb, keys, &nk) != PX_OK) die("out of memory");
      for (size_t k = 0; k < nk; k++) {
        dkmsg m = {keys[k], d->gid, g_rank, 0};
        put(B.out, B.n, B.a, (int)(mix64(keys[k] ^ 0x64757073ULL) % (uint64_t)g_size), &m, sizeof(m));
      }
    }
    free(rb);
    px_store_free(own);
    px_stories_free(sx);
    px_ctx_free(cx);
    dkmsg *dk = (dkmsg *)exchange(B.out, B.n, &nin, bytes);
    size_t ndk = (size_t)nin / sizeof(dkmsg);
    qsort(dk, ndk, sizeof(*dk), cmp_dkmsg);
    bufs_clear(&B);
    for (size_t i = 0; i + 1 < ndk; i++) {
      if (dk[i + 1].key != dk[i].key || dk[i + 1].gid == dk[i].gid) continue;
      struct {
        int64_t mine, other;
        int32_t orank, pad;
      } m1 = {dk[i].gid, dk[i + 1].gid, dk[i + 1].rank, 0}, m2 = {dk[i + 1].gid, dk[i].gid, dk[i].rank, 0};
      put(B.out, B.n, B.a, dk[i].rank, &m1, sizeof(m1));
      put(B.out, B.n, B.a, dk[i + 1].rank, &m2, sizeof(m2));
    }
    free(dk);
    dein = exchange(B.out, B.n, &ndein, bytes);
  }
  tick("duplicate keys");
  /* c. candidate keys to their owners */
  double win = 3.0 * 86400.0;
  int has_undated = 0, any_undated = 0;
  for (size_t i = 0; i < S->n; i++) {
    sdoc *d = &S->d[i];
    if (undated == PX_UNDATED_JOIN && d->has_time == 2) d->has_time = 0;
    if (!d->has_time) has_undated = 1;
  }
  MPI_Allreduce(&has_undated, &any_undated, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  bufs_clear(&B);
  for (size_t i = 0; i < S->n; i++) {
    sdoc *d = &S->d[i];
    uint32_t q = d->nv < Q_TERMS ? d->nv : Q_TERMS;
    for (uint32_t k = 0; k < q; k++) {
      uint64_t h = S->vec[d->voff + k].h;
      int64_t bk[3];
      int nb = 0;
      if (d->has_time) {
        int64_t b = (int64_t)floor((double)d->t / win);
        bk[nb++] = b;
        bk[nb++] = b + 1;
        if (any_undated) bk[nb++] = UNDATED_BUCKET;
      } else {
        bk[nb++] = UNDATED_BUCKET;
      }
      for (int x = 0; x < nb; x++) {
        candmsg m = {mix64(h ^ mix64((uint64_t)bk[x] * 0x9e3779b97f4a7c15ULL + 7)), d->gid, d->t,
                     g_rank, d->has_time ? 1 : 0};
        if (bk[x] == UNDATED_BUCKET) m.key ^= 0x5bd1e995u; /* apart from any dated bucket */
        m.key = m.key ? m.key : 1;
        if (bk[x] == UNDATED_BUCKET) m.t = 0, m.dated = d->has_time ? 3 : 2;
        put(B.out, B.n, B.a, (int)(mix64(m.key) % (uint64_t)g_size), &m, sizeof(m));
      }
    }
  }
  candmsg *cm = (candmsg *)exchange(B.out, B.n, &nin, bytes);
  size_t ncm = (size_t)nin / sizeof(candmsg);
  qsort(cm, ncm, sizeof(*cm), cmp_cand);
  bufs_clear(&B);
  for (size_t i = 0; i < ncm;) {
    size_t j = i;
    while (j < ncm && cm[j].key == cm[i].key) j++;
    for (size_t k = i; k < j; k++) {
      /* dated buckets: the previous members within the window; the undated
       * bucket: an undated article with its neighbours in the list */
      size_t depth = 0;
      for (size_t x = k; x-- > i && depth < DEPTH; depth++) {
        if (cm[k].dated == 1 && cm[x].dated == 1 && (double)cm[k].t - (double)cm[x].t > win) break;
        if (cm[k].dated == 3 && cm[x].dated == 3) continue;
        if (cm[k].gid == cm[x].gid) continue;
        const candmsg *a = &cm[k], *b = &cm[x];
        if (a->gid > b->gid) {
          const candmsg *t = a;
          a = b;
          b = t;
        }
        pairmsg p = {a->gid, b->gid, b->rank, 0};
        put(B.out, B.n, B.a, a->rank, &p, sizeof(p));
      }
    }
    i = j;
  }
  free(cm);
  pairmsg *pm = (pairmsg *)exchange(B.out, B.n, &nin, bytes);
  size_t npm = (size_t)nin / sizeof(pairmsg);
  qsort(pm, npm, sizeof(*pm), cmp_pairmsg);
  {
    size_t k = 0;
    for (size_t i = 0; i < npm; i++)
      if (!k || pm[k - 1].a != pm[i].a || pm[k - 1].b != pm[i].b) pm[k++] = pm[i];
    npm = k;
  }
  tick("candidate pairs");
  /* the second articles' vectors, from their ranks */
  for (size_t i = 0; i < S->n; i++) qsort(S->vec + S->d[i].voff, S->d[i].nv, sizeof(vt), cmp_vt_h);
  bufs_clear(&B);
  int64_t *want = malloc((npm + 1) * 2 * sizeof(int64_t));
  if (!want) die("out of memory");
  size_t nwant = 0;
  for (size_t i = 0; i < npm; i++) {
    want[2 * nwant] = pm[i].b;
    want[2 * nwant + 1] = pm[i].rb;
    nwant++;
  }
  qsort(want, nwant, 2 * sizeof(int64_t), cmp_pair64);
  {
    size_t k = 0;
    for (size_t i = 0; i < nwant; i++)
      if (!k || want[2 * (k - 1)] != want[2 * i]) {
        want[2 * k] = want[2 * i];
        want[2 * k + 1] = want[2 * i + 1];
        k++;
      }
    nwant = k;
  }
  for (size_t i = 0; i < nwant; i++) put(B.out, B.n, B.a, (int)want[2 * i + 1], &want[2 * i], 8);
  int64_t *req = (int64_t *)exchange_n(B.out, B.n, &nin, bytes, rcount, NULL);
  bufs_clear(&B);
  {
    size_t at = 0;
    for (int d = 0; d < g_size; d++)
      for (uint64_t k = 0; k < rcount[d] / 8; k++, at++) {
        int64_t li = local_of(S, req[at]);
        if (li < 0) die("internal: article %" PRId64 " asked of the wrong rank", req[at]);
        uint32_t nv = S->d[li].nv;
        int64_t tt = S->d[li].has_time ? S->d[li].t : INT64_MIN;
        put(B.out, B.n, B.a, d, &tt, 8);
        put(B.out, B.n, B.a, d, &nv, 4);
        put(B.out, B.n, B.a, d, S->vec + S->d[li].voff, nv * sizeof(vt));
      }
  }
  free(req);
  char *vin = exchange_n(B.out, B.n, &nin, bytes, rcount, NULL);
  /* index of the fetched vectors, in the order asked (by rank, then gid) */
  size_t *woff = malloc((nwant + 1) * sizeof(size_t));
  uint32_t *wn = malloc((nwant + 1) * sizeof(uint32_t));
  int64_t *wg = malloc((nwant + 1) * 2 * sizeof(int64_t));
  int64_t *wt = malloc((nwant + 1) * sizeof(int64_t)); /* its time, INT64_MIN: undated */
  if (!woff || !wn || !wg || !wt) die("out of memory");
  {
    /* requests went out per destination in gid order: walk them the same way */
    size_t *rs = calloc((size_t)g_size + 1, sizeof(size_t));
    if (!rs) die("out of memory");
    for (int d = 1; d <= g_size; d++) rs[d] = rs[d - 1] + (size_t)rcount[d - 1];
    size_t *cur = calloc((size_t)g_size, sizeof(size_t));
    if (!cur) die("out of memory");
    for (size_t i = 0; i < nwant; i++) {
      int d = (int)want[2 * i + 1];
      size_t o = rs[d] + cur[d];
      uint32_t nv;
      memcpy(&wt[i], vin + o, 8);
      memcpy(&nv, vin + o + 8, 4);
      woff[i] = o + 12;
      wn[i] = nv;
      cur[d] += 12 + nv * sizeof(vt);
      wg[2 * i] = want[2 * i];
      wg[2 * i + 1] = (int64_t)i;
    }
    free(rs);
    free(cur);
  }
  /* d. score the pairs; edges to both ends' ranks */
  float edge_min = EDGE_MIN;
  if (getenv("PARALLAX_MPI_EDGE")) edge_min = (float)atof(getenv("PARALLAX_MPI_EDGE")); /* for measuring */
  bufs_clear(&B);
  vt *tmpv = malloc((V_TERMS + 1) * sizeof(vt));
  if (!tmpv) die("out of memory");
  for (size_t i = 0; i < npm; i++) {
    int64_t la = local_of(S, pm[i].a);
    if (la < 0) die("internal: a pair sent to the wrong rank");
    size_t lo = 0, hi = nwant;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (wg[2 * mid] < pm[i].b) lo = mid + 1;
      else hi = mid;
    }
    size_t wi = (size_t)wg[2 * lo + 1];
    uint32_t nb = wn[wi];
    memcpy(tmpv, vin + woff[wi], nb * sizeof(vt));
    const sdoc *A = &S->d[la];
    float s = vt_dot(S->vec + A->voff, A->nv, tmpv, nb);
    /* the time boost of hac.c: close in time, less shared text needed */
    if (A->has_time && wt[wi] != INT64_MIN) {
      double dt = fabs((double)A->t - (double)wt[wi]) / win;
      if (dt < 1) s *= 1.0f + 0.3f * (float)(1.0 - dt);
    }
    if (s < edge_min) continue;
    edge e1 = {pm[i].b, 0, pm[i].rb};
    edge e2 = {pm[i].a, 0, g_rank};
    /* to a's rank with b as the other end, to b's rank with a */
    struct {
      int64_t mine, other;
      int32_t orank, pad;
    } m1 = {pm[i].a, e1.other, e1.rank, 0}, m2 = {pm[i].b, e2.other, e2.rank, 0};
    put(B.out, B.n, B.a, g_rank, &m1, sizeof(m1));
    put(B.out, B.n, B.a, pm[i].rb, &m2, sizeof(m2));
  }
  free(tmpv);
  free(vin);
  free(woff);
  free(wn);
  free(wg);
  free(wt);
  free(want);
  free(pm);
  tick("scoring");
  char *ein = exchange(B.out, B.n, &nin, bytes);
  /* the scored links, then the duplicate keys' links (b3) */
  if (ndein) {
    ein = realloc(ein, (size_t)(nin + ndein));
    if (!ein) die("out of memory");
    memcpy(ein + nin, dein, (size_t)ndein);
  }
  free(dein);
  double dcount = (double)(ndein / 24), dall = 0;
  MPI_Allreduce(&dcount, &dall, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
  res->dup_links = dall / 2;
  size_t ne = (size_t)(nin + ndein) / 24;
  edge *E = malloc((ne + 1) * sizeof(edge));
  if (!E) die("out of memory");
  for (size_t i = 0; i < ne; i++) {
    int64_t mine_g, other;
    int32_t orank;
    memcpy(&mine_g, ein + 24 * i, 8);
    memcpy(&other, ein + 24 * i + 8, 8);
    memcpy(&orank, ein + 24 * i + 16, 4);
    int64_t li = local_of(S, mine_g);
    if (li < 0) die("internal: an edge sent to the wrong rank");
    E[i] = (edge){other, (int32_t)li, orank};
  }
  free(ein);
  double ecount = (double)ne, eall = 0;
  MPI_Allreduce(&ecount, &eall, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
  res->edges = eall / 2;
  tick("links");
  /* label propagation: the least global id of the component */
  int rounds = 0;
  for (;;) {
    bufs_clear(&B);
    for (size_t i = 0; i < ne; i++) {
      const sdoc *d = &S->d[E[i].li];
      if (!d->changed) continue;
      int64_t m[2] = {E[i].other, d->label};
      put(B.out, B.n, B.a, E[i].rank, m, 16);
    }
    for (size_t i = 0; i < S->n; i++) S->d[i].changed = false;
    int64_t *lin = (int64_t *)exchange(B.out, B.n, &nin, bytes);
    int changed = 0, any = 0;
    for (size_t k = 0; k < (size_t)nin / 16; k++) {
      int64_t li = local_of(S, lin[2 * k]);
      if (li < 0) die("internal: a label sent to the wrong rank");
      if (lin[2 * k + 1] < S->d[li].label) {
        S->d[li].label = lin[2 * k + 1];
        S->d[li].changed = true;
        changed = 1;
      }
    }
    free(lin);
    rounds++;
    MPI_Allreduce(&changed, &any, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    if (!any) break;
  }
  free(E);
  res->rounds = rounds;
  tick("label propagation");
  /* e. components to their owners, with each article's terms and
   * frequencies, its boilerplate sentences and its feature record (the
   * ingest's analysis: the owner analyses nothing again) */
  bufs_clear(&B);
  {
    char *rb = NULL;
    size_t arb = 0;
    for (size_t i = 0; i < S->n; i++) {
      const sdoc *d = &S->d[i];
      int o = (int)(mix64((uint64_t)d->label) % (uint64_t)g_size);
      memhead h = {d->gid, d->label, d->shard_id, d->pub, d->content, g_rank, d->has_pub,
                   d->nt, d->nb, d->rlen, o == g_rank};
      put(B.out, B.n, B.a, o, &h, sizeof(h));
      for (uint32_t k = 0; k < d->nt; k++) {
        put(B.out, B.n, B.a, o, &S->terms[d->toff + k].hash, 8);
        put(B.out, B.n, B.a, o, &S->df[d->toff + k], 4);
      }
      if (d->nb) put(B.out, B.n, B.a, o, S->bpos + d->boff, (size_t)d->nb * 4);
      if (o == g_rank) continue; /* read from the temporary file by the owner, itself */
      const void *fr = record_of(S, i, &rb, &arb);
      if (fr) put(B.out, B.n, B.a, o, fr, d->rlen);
    }
    free(rb);
  }
  free(S->terms);
  free(S->df);
  free(S->vec);
  S->terms = NULL;
  S->df = NULL;
  S->vec = NULL;
  tick("payload built");
  char *min_ = exchange_n(B.out, B.n, &nin, bytes, NULL, B.a);
  bufs_free(&B);
  free(rcount);
  tick("payload exchanged");
  size_t nm = 0, am = 1024, ntd = 0;
  member *M = malloc(am * sizeof(*M));
  if (!M) die("out of memory");
  for (size_t o = 0; o < (size_t)nin;) {
    if (nm == am) {
      am *= 2;
      M = realloc(M, am * sizeof(*M));
      if (!M) die("out of memory");
    }
    memcpy(&M[nm].h, min_ + o, sizeof(memhead));
    o += sizeof(memhead);
    M[nm].toff = o;
    o += (size_t)M[nm].h.nt * 12 + (size_t)M[nm].h.nb * 4 + (M[nm].h.local ? 0 : M[nm].h.rlen);
    ntd += M[nm].h.nt;
    nm++;
  }
  uint64_t *dh = malloc((ntd + 1) * 8);
  uint32_t *dd = malloc((ntd + 1) * 4);
  if (!dh || !dd) die("out of memory");
  for (size_t i = 0, k = 0; i < nm; i++)
    for (uint32_t x = 0; x < M[i].h.nt; x++, k++) {
      memcpy(&dh[k], min_ + M[i].toff + 12 * x, 8);
      memcpy(&dd[k], min_ + M[i].toff + 12 * x + 8, 4);
    }
  tick("payload parsed");
  qsort(M, nm, sizeof(*M), cmp_member);
  {
    /* the largest component */
    int64_t *lab = malloc((nm + 1) * sizeof(int64_t));
    if (!lab) die("out of memory");
    for (size_t i = 0; i < nm; i++) lab[i] = M[i].h.label;
    qsort(lab, nm, 8, cmp_i64);
    double big = 0, all = 0;
    for (size_t i = 0; i < nm;) {
      size_t j = i;
      while (j < nm && lab[j] == lab[i]) j++;
      if ((double)(j - i) > big) big = (double)(j - i);
      i = j;
    }
    free(lab);
    MPI_Allreduce(&big, &all, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    res->comp_max = all;
    res->comp_mine = (double)nm;
  }
  tick("components sent");
  /* the owner's components, clustered together as one batch */
  px_ctx *ctx = NULL;
  if (px_ctx_new(&ctx) != PX_OK) die("out of memory");
  px_story_opts o;
  px_story_opts_init(&o);
  o.batch = 1;
  o.undated = undated;
  px_stories *sx = NULL;
  if (px_stories_new(ctx, &o, &sx) != PX_OK) die("out of memory");
  px_store **sh = calloc((size_t)g_size, sizeof(*sh));
  if (!sh) die("out of memory");
  uint32_t *bp = NULL;
  size_t abp = 0, alrb = 0;
  char *lrb = NULL;
  for (size_t i = 0; i < nm; i++) {
    int home = M[i].h.home;
    const char *at = min_ + M[i].toff + (size_t)M[i].h.nt * 12;
    if (M[i].h.nb > abp) {
      abp = M[i].h.nb;
      if (!(bp = realloc(bp, abp * sizeof(*bp)))) die("out of memory");
    }
    if (M[i].h.nb) memcpy(bp, at, (size_t)M[i].h.nb * 4);
    if (px_stories_set_boilerplate(sx, bp, M[i].h.nb) != PX_OK) die("clustering: out of memory");
    int64_t idx = 0;
    int rc = PX_EINVAL;
    if (M[i].h.rlen) {
      res->rec_used++;
      const void *fr = at + (size_t)M[i].h.nb * 4;
      if (M[i].h.local) {
        int64_t li = local_of(S, M[i].h.gid);
        if (li < 0) die("internal: a local article not found");
        fr = record_of(S, (size_t)li, &lrb, &alrb);
      }
      rc = px_stories_add_record(sx, fr, M[i].h.rlen, &idx);
      if (rc == PX_ENOMEM) die("clustering: out of memory");
      if (rc == PX_OK) continue;
      res->rec_used--;
    }
    if (!sh[home]) {
      char path[4096];
      snprintf(path, sizeof(path), "%s/rank-%d.db", out_dir, home);
      if (px_store_open(ctx, path, PX_OPEN_READ, &sh[home]) != PX_OK)
        die("%s (rank %d's shard): %s", path, home, px_ctx_error(ctx));
    }
    px_article *art = NULL;
    if (px_store_get(sh[home], M[i].h.shard_id, &art) != PX_OK)
      die("rank %d's shard: article %" PRId64 ": %s", home, M[i].h.shard_id, px_ctx_error(ctx));
    if (px_stories_add(sx, art, &idx) != PX_OK) die("clustering: out of memory");
    px_article_free(art);
  }
  free(bp);
  free(lrb);
  free(min_);
  for (int r = 0; r < g_size; r++) px_store_free(sh[r]);
  free(sh);
  tick("components added");
  if (px_stories_set_df(sx, dh, dd, ntd, ndocs) != PX_OK || px_stories_finish(sx) != PX_OK)
    die("clustering: out of memory");
  free(dh);
  free(dd);
  tick("components clustered");
  res->nrows = nm;
  res->rows = calloc(nm + 1, sizeof(rowmsg));
  res->nstories = (size_t)px_stories_count(sx);
  res->stories = calloc(res->nstories + 1, sizeof(storymsg));
  if (!res->rows || !res->stories) die("out of memory");
  for (size_t i = 0; i < nm; i++) {
    px_story_result r;
    px_stories_result(sx, (int64_t)i, &r);
    rowmsg *w = &res->rows[i];
    w->article = M[i].h.gid;
    w->story = r.story;
    w->dup_of = r.dup_of >= 0 ? M[r.dup_of].h.gid : 0;
    w->wire_source = r.wire_source >= 0 ? M[r.wire_source].h.gid : 0;
    w->similarity = r.similarity;
    w->dup_sim = r.dup_sim;
    w->wire_share = r.wire_share;
    w->dup_exact = r.dup_exact;
    w->flags = r.flags;
  }
  for (size_t s = 0; s < res->nstories; s++) {
    storymsg *m = &res->stories[s];
    int64_t c = 0;
    size_t ns = 0;
    if (px_stories_story(sx, (int64_t)s, &c, m->h, m->w, &ns) == PX_OK) {
      m->central = M[c].h.gid;
      m->nsig = (uint32_t)ns;
    }
  }
  px_stories_free(sx);
  px_ctx_free(ctx);
  free(M);
}

/* A point-to-point message of any size: pieces of at most g_chunk bytes
 * (an int count each), sent and received in order under one tag. */
static void send_big(const void *p, uint64_t n, int to, int tag) {
  for (uint64_t at = 0; at < n; at += g_chunk) {
    uint64_t k = n - at < g_chunk ? n - at : g_chunk;
    MPI_Request rq;
    MPI_Isend((const char *)p + at, (int)k, MPI_BYTE, to, tag, MPI_COMM_WORLD, &rq);
    wait_lazily(&rq);
  }
}
static void recv_big(void *p, uint64_t n, int from, int tag) {
  for (uint64_t at = 0; at < n; at += g_chunk) {
    uint64_t k = n - at < g_chunk ? n - at : g_chunk;
    MPI_Recv((char *)p + at, (int)k, MPI_BYTE, from, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  }
}

static int cmp_row_story(const void *a, const void *b) {
  const rowmsg *x = a, *y = b;
  if (x->story != y->story) return x->story < y->story ? -1 : 1;
  return x->article < y->article ? -1 : x->article > y->article;
}

/* Rank 0: store the stories of every owner (rank order, then each owner's
 * order), one transaction, then link threads.  @return 0 or 1. */
static int store_stories(px_store *st, px_ctx *ctx, sres *mine, bool skip, int64_t *placed) {
  int64_t *ids = NULL;
  size_t nids = 0, aids = 0;
  px_story_place *pl = NULL;
  size_t apl = 0;
  int bad = skip ? 2 : 0; /* 2: only receive (stored by an earlier run, or the merge failed) */
  if (!bad && px_store_begin(st) != PX_OK) bad = 1;
  for (int r = 0; r < g_size; r++) {
    sres got = {0};
    sres *x = mine;
    if (r) {
      uint64_t cnt[2];
      MPI_Request rq;
      MPI_Irecv(cnt, 2, MPI_UINT64_T, r, 40, MPI_COMM_WORLD, &rq);
      wait_lazily(&rq);
      got.nrows = cnt[0];
      got.nstories = cnt[1];
      got.rows = malloc((got.nrows + 1) * sizeof(rowmsg));
      got.stories = malloc((got.nstories + 1) * sizeof(storymsg));
      if (!got.rows || !got.stories) die("out of memory");
      recv_big(got.rows, got.nrows * sizeof(rowmsg), r, 41);
      recv_big(got.stories, got.nstories * sizeof(storymsg), r, 42);
      x = &got;
    }
    if (!bad) qsort(x->rows, x->nrows, sizeof(rowmsg), cmp_row_story);
    for (size_t i = 0; i < x->nrows && !bad;) {
      size_t j = i;
      while (j < x->nrows && x->rows[j].story == x->rows[i].story) j++;
      if (j - i > apl) {
        apl = j - i;
        pl = realloc(pl, apl * sizeof(*pl));
        if (!pl) die("out of memory");
      }
      for (size_t k = i; k < j; k++) {
        const rowmsg *w = &x->rows[k];
        pl[k - i] = (px_story_place){w->article, w->similarity, w->dup_of, w->dup_exact,
                                     w->dup_sim, w->wire_share, w->wire_source, w->flags};
      }
      storymsg *sm = &x->stories[x->rows[i].story];
      int64_t id = 0;
      if (px_store_add_story(st, pl, j - i, sm->central, sm->h, sm->w, sm->nsig, &id) != PX_OK) {
        fprintf(stderr, "parallax-mpi: rank 0: storing rank %d's stories: %s\n", r,
                px_ctx_error(ctx));
        bad = 1;
        break;
      }
      *placed += (int64_t)(j - i);
      if (nids == aids) {
        aids = aids ? aids * 2 : 1024;
        ids = realloc(ids, aids * sizeof(*ids));
        if (!ids) die("out of memory");
      }
      ids[nids++] = id;
      i = j;
    }
    if (r) {
      free(got.rows);
      free(got.stories);
    }
  }
  if (!bad && px_store_link_stories(st, NULL, ids, nids) != PX_OK) {
    fprintf(stderr, "parallax-mpi: rank 0: linking threads: %s\n", px_ctx_error(ctx));
    bad = 1;
  }
  if (!bad && px_store_state_set(st, "mpi.stories", "1", 1) != PX_OK) bad = 1;
  if (bad == 1) px_store_rollback(st);
  else if (!bad && px_store_commit(st) != PX_OK) bad = 1;
  free(ids);
  free(pl);
  return bad == 1;
}

static void send_stories(sres *x) {
  uint64_t cnt[2] = {x->nrows, x->nstories};
  MPI_Request rq;
  MPI_Isend(cnt, 2, MPI_UINT64_T, 0, 40, MPI_COMM_WORLD, &rq);
  wait_lazily(&rq);
  send_big(x->rows, x->nrows * sizeof(rowmsg), 0, 41);
  send_big(x->stories, x->nstories * sizeof(storymsg), 0, 42);
  x->bytes += sizeof(cnt) + x->nrows * sizeof(rowmsg) + x->nstories * sizeof(storymsg);
}

/* ------------------------------------------------------------------ main */

static void usage(FILE *f) {
  fprintf(f,
          "usage: mpirun -np N parallax-mpi ingest --out DIR [--batch N] [--no-analyze] [--quiet] INPUT...\n"
          "\n"
          "Ingest INPUTs on N MPI ranks: each rank stores its share of the articles in\n"
          "DIR/rank-K.db, copies across shards are resolved by a hash-partitioned\n"
          "exchange, stories are made across the ranks by exchange, and rank 0 merges the\n"
          "shards into DIR/parallax.db with the stories.  Read the result with\n"
          "'parallax --db DIR ...'.  A rerun with the same ranks and inputs resumes.\n"
          "See docs/scale.md.\n");
}

typedef struct figures {
  double wall[5], cpu[5]; /* ingest, exchange, merge, stories (the exchange stage), storing them (rank 0) */
  double peak_mb;
  double bytes_sent;
  double articles; /* stored in the shard, after the exchange */
  double read_own, rejected, dropped;
  double bytes_story;  /* bytes sent by the story stage */
  double comp_articles; /* articles of the components this rank clustered */
  double rec_used, rec_missing; /* articles clustered from the ingest's analysis, or analysed again */
  double comp_rec;      /* of its components' articles, added from their records */
  double peak_ingest, peak_stories; /* peak resident MB at the end of the ingest, of the story stage */
} figures;

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &g_rank);
  MPI_Comm_size(MPI_COMM_WORLD, &g_size);
  g_chunk = chunk_size(g_size, INT_MAX);
  if (getenv("PARALLAX_MPI_CHUNK")) { /* testing: small rounds (mpi/chunk.h) */
    long long c = atoll(getenv("PARALLAX_MPI_CHUNK"));
    if (c > 0 && (uint64_t)c < g_chunk) g_chunk = (uint64_t)c;
  }
  const char *out_dir = NULL;
  long batch = 0;
  int analyze = 1;
  bool json = false;
  int first_input = 0;
  if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
    if (g_rank == 0) usage(stdout);
    MPI_Finalize();
    return 0;
  }
  if (argc >= 2 && !strcmp(argv[1], "--version")) {
    if (g_rank == 0) printf("parallax-mpi %s\n", px_version_string());
    MPI_Finalize();
    return 0;
  }
  if (argc < 2 || strcmp(argv[1], "ingest") != 0) {
    if (g_rank == 0) {
      fprintf(stderr, "parallax-mpi: %s\n", argc < 2 ? "no command" : "unknown command");
      usage(stderr);
    }
    MPI_Finalize();
    return 2;
  }
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--out") && i + 1 < argc) out_dir = argv[++i];
    else if (!strncmp(a, "--out=", 6)) out_dir = a + 6;
    else if (!strcmp(a, "--batch") && i + 1 < argc) batch = strtol(argv[++i], NULL, 10);
    else if (!strcmp(a, "--no-analyze")) analyze = 0;
    else if (!strcmp(a, "--quiet")) g_quiet = true;
    else if (!strcmp(a, "--json")) json = true;
    else if (!strcmp(a, "--")) {
      first_input = i + 1;
      break;
    } else if (a[0] == '-' && a[1]) {
      if (g_rank == 0) {
        fprintf(stderr, "parallax-mpi: unknown option %s\n", a);
        usage(stderr);
      }
      MPI_Finalize();
      return 2;
    } else {
      first_input = i;
      break;
    }
  }
  if (!out_dir || !first_input || first_input >= argc) {
    if (g_rank == 0) {
      fprintf(stderr, "parallax-mpi: ingest needs --out DIR and at least one INPUT\n");
      usage(stderr);
    }
    MPI_Finalize();
    return 2;
  }
  int ninputs = argc - first_input;
  input *inputs = calloc((size_t)ninputs, sizeof(*inputs));
  if (!inputs) die("out of memory");
  if (g_rank == 0 && mkdir(out_dir, 0777) != 0 && errno != EEXIST)
    die("%s: cannot create the output folder: %s", out_dir, strerror(errno));
  MPI_Barrier(MPI_COMM_WORLD);
  struct stat sb;
  if (stat(out_dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
    die("%s: not a folder (the output folder must be shared by every rank)", out_dir);
  {
    char lp[4096];
    snprintf(lp, sizeof(lp), "%s/rank-%d.log", out_dir, g_rank);
    g_log = fopen(lp, "a"); /* no log file is not a reason to stop */
  }

  /* The layout a rerun must match: ranks and inputs. */
  char layout[8192];
  int ln = snprintf(layout, sizeof(layout), "ranks=%d analyze=%d", g_size, analyze);
  for (int i = 0; i < ninputs && ln > 0 && (size_t)ln < sizeof(layout); i++) {
    inputs[i].path = argv[first_input + i];
    ln += snprintf(layout + ln, sizeof(layout) - (size_t)ln, " %s", inputs[i].path);
  }
  for (int i = 0; i < ninputs; i++) inputs[i].path = argv[first_input + i];

  figures fg;
  memset(&fg, 0, sizeof(fg));
  double w0 = now_wall(), c0 = now_cpu();
  run R;
  memset(&R, 0, sizeof(R));
  if (px_ctx_new(&R.ctx) != PX_OK) die("out of memory");
  g_ctx = R.ctx;
  /* Inputs: the mode of each and, for byte ranges, this rank's range and the
   * lines before it (collective calls: every rank makes them, resumed or not). */
  for (int f = 0; f < ninputs; f++) {
    input *in = &inputs[f];
    /* Which ranks can open it: a path may differ between nodes (a local
     * disk, a mount missing on one node); the ranks that can read it share
     * it, the others say so. */
    int ok = 0, err = 0;
    {
      int fd = open(in->path, O_RDONLY);
      if (fd >= 0) {
        ok = 1;
        close(fd);
      } else {
        err = errno;
      }
    }
    int *oks = malloc((size_t)g_size * sizeof(int));
    if (!oks) die("out of memory");
    MPI_Allgather(&ok, 1, MPI_INT, oks, 1, MPI_INT, MPI_COMM_WORLD);
    in->nreaders = 0;
    in->reader = -1;
    for (int r = 0; r < g_size; r++) {
      if (r == g_rank && ok) in->reader = in->nreaders;
      in->nreaders += oks[r] != 0;
    }
    if (!ok && in->nreaders > 0) {
      char who[256];
      int wl = 0;
      for (int r = 0; r < g_size && wl < 200; r++)
        if (oks[r]) wl += snprintf(who + wl, sizeof(who) - (size_t)wl, "%s%d", wl ? "," : "", r);
      warn("%s (input %d of %d): cannot open on this rank: %s; read by rank%s %s instead", in->path,
          f + 1, ninputs, strerror(err), in->nreaders > 1 ? "s" : "", who);
    } else if (!ok && g_rank == 0) {
      fprintf(stderr, "parallax-mpi: rank 0: %s (input %d of %d): cannot open on any rank: %s\n",
              in->path, f + 1, ninputs, strerror(err));
    }
    free(oks);
    in->range = ok ? is_plain_jsonl(in->path) : true; /* a rank that cannot read it has no say */
    int64_t mine = 0, before = 0;
    if (in->range && ok) {
      int fd = open(in->path, O_RDONLY);
      if (fd < 0) {
        in->range = false;
      } else {
        struct stat fs;
        fstat(fd, &fs);
        int64_t size = fs.st_size, q = in->reader, nq = in->nreaders;
        in->lo = line_start_after(fd, size * q / nq, size);
        in->hi = q == nq - 1 ? size : line_start_after(fd, size * (q + 1) / nq, size);
        mine = count_lines(fd, in->lo, in->hi);
        close(fd);
      }
    }
    int r = in->range, every = 0;
    MPI_Allreduce(&r, &every, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    MPI_Exscan(&mine, &before, 1, MPI_INT64_T, MPI_SUM, MPI_COMM_WORLD);
    if (r && !every) {
      /* some rank cannot read it as a file: the readers read it whole then */
      if (g_rank == 0)
        fprintf(stderr, "parallax-mpi: %s: not readable as a JSON Lines file on every rank; each "
                        "rank reads it whole and keeps its share\n", in->path);
      in->range = false;
    }
    if (!ok) in->lo = in->hi = 0;
    in->lines_before = g_rank == 0 ? 0 : before;
  }
  char shard[4096];
  snprintf(shard, sizeof(shard), "%s/rank-%d.db", out_dir, g_rank);
  px_store_prefer_bulk();
  if (px_store_open(R.ctx, shard, PX_OPEN_WRITE, &R.st) != PX_OK)
    die("%s: %s", shard, px_ctx_error(R.ctx));
  {
    char *v = NULL;
    if (px_store_state_get(R.st, ST_LAYOUT, &v, NULL) == PX_OK) {
      if (strcmp(v, layout) != 0)
        die("%s was written by another run (%s); rerun with the same ranks and inputs, or use a "
            "new --out folder",
            shard, v);
      free(v);
    } else {
      state_put(R.st, ST_LAYOUT, layout, strlen(layout));
    }
  }
  int64_t *counts = calloc((size_t)ninputs, sizeof(int64_t));
  if (!counts) die("out of memory");
  char *done = NULL;
  bool resumed = px_store_state_get(R.st, ST_DONE, &done, NULL) == PX_OK;
  free(done);
  if (resumed) {
    /* The shard's part was finished by an earlier run: its records and
     * counts are in its state. */
    char *v = NULL;
    size_t n = 0;
    if (px_store_state_get(R.st, ST_RECS, &v, &n) != PX_OK || n % sizeof(rec))
      die("%s: its saved records are missing; remove the folder and run again", shard);
    R.recs.v = (rec *)v;
    R.recs.n = R.recs.cap = n / sizeof(rec);
    char *c = NULL;
    if (px_store_state_get(R.st, ST_COUNTS, &c, &n) != PX_OK || n != (size_t)ninputs * 8)
      die("%s: its saved counts are missing; remove the folder and run again", shard);
    memcpy(counts, c, n);
    free(c);
    say("shard complete from an earlier run: %zu articles", R.recs.n);
  } else {
    px_store_counts k;
    if (px_store_counts_get(R.st, &k) == PX_OK && k.articles > 0)
      say("resuming: %" PRId64 " articles committed by an earlier run are kept", k.articles);
    const char *fault = getenv("PARALLAX_MPI_FAULT"); /* testing: "RANK:ARTICLES" */
    if (fault) {
      int fr = -1, fa = 0;
      if (sscanf(fault, "%d:%d", &fr, &fa) == 2 && fr == g_rank) R.fault_after = fa;
    }
    px_ingest_opts o;
    px_ingest_opts_init(&o);
    o.threads = 1; /* the ranks use the cores */
    o.cluster = 0;
    o.keep_features = 1; /* the story stage clusters from the ingest's analysis */
    o.analyze = analyze;
    if (batch > 0) o.batch = batch;
    o.on_event = on_event;
    if (px_ingest_new(R.st, &o, &R.ing) != PX_OK) die("cannot start the pipeline: %s", px_ctx_error(R.ctx));
    for (int f = 0; f < ninputs; f++) {
      input *in = &inputs[f];
      if (in->range) ingest_range(&R, in, f);
      else ingest_modulo(&R, in, f);
      counts[f] = in->count;
    }
    if (px_ingest_finish(R.ing) != PX_OK) die("%s: committing the last batch: %s", shard, px_ctx_error(R.ctx));
    px_ingest_stats s;
    px_ingest_get_stats(R.ing, &s);
    R.rejected += s.rejected;
    px_ingest_free(R.ing);
    R.ing = NULL;
    state_put(R.st, ST_RECS, R.recs.v, R.recs.n * sizeof(rec));
    state_put(R.st, ST_COUNTS, counts, (size_t)ninputs * 8);
    state_put(R.st, ST_DONE, "1", 1);
  }
  fg.wall[0] = now_wall() - w0;
  fg.cpu[0] = now_cpu() - c0;
  fg.peak_ingest = peak_mb();
  fg.read_own = (double)R.read_own;
  fg.rejected = (double)R.rejected;

  /* Global numbering: counts per (input, rank). */
  double w1 = now_wall(), c1 = now_cpu();
  int64_t *all = malloc((size_t)ninputs * (size_t)g_size * sizeof(int64_t));
  if (!all) die("out of memory");
  {
    /* ranks that finish their share early wait here for the others */
    MPI_Request rq;
    MPI_Iallgather(counts, ninputs, MPI_INT64_T, all, ninputs, MPI_INT64_T, MPI_COMM_WORLD, &rq);
    wait_lazily(&rq);
  }
  /* base[f][r]: the global number of this rank's first record of input f */
  int64_t *mybase = calloc((size_t)ninputs, sizeof(int64_t));
  if (!mybase) die("out of memory");
  {
    int64_t acc = 0;
    for (int f = 0; f < ninputs; f++) {
      /* range inputs: ranks' counts add up; others: every rank saw all (max) */
      int64_t mx = 0, sum = 0, before = 0;
      for (int r = 0; r < g_size; r++) {
        int64_t c = all[(size_t)r * (size_t)ninputs + (size_t)f];
        if (c > mx) mx = c;
        if (c > 0) sum += c;
        if (r < g_rank && c > 0) before += c;
      }
      if (inputs[f].range) {
        mybase[f] = acc + before;
        acc += sum;
        continue;
      }
      mybase[f] = acc;
      acc += mx;
    }
  }
  for (size_t i = 0; i < R.recs.n; i++) R.recs.v[i].dst = mybase[R.recs.v[i].file] + R.recs.v[i].k + 1;
  free(mybase);
  free(all);
  /* Copies across shards. */
  uint64_t bytes = 0;
  size_t dropped = 0;
  /* Every rank takes part, a resumed one with its saved records (the
   * exchange is deterministic: the same articles win again). */
  dropped = drop_copies(&R.recs, &bytes);
  state_put(R.st, ST_MERGE, R.recs.v, R.recs.n * sizeof(rec));
  /* the clustering terms of the shard's articles, read before it is closed */
  double w3 = now_wall(), c3 = now_cpu();
  sstate S;
  memset(&S, 0, sizeof(S));
  int any_pub = 0, undated = PX_UNDATED_JOIN;
  tick("before terms");
  story_terms(&R, &S, &any_pub);
  tick("terms");
  fg.wall[3] = now_wall() - w3;
  fg.cpu[3] = now_cpu() - c3;
  fg.dropped = (double)dropped;
  fg.articles = (double)R.recs.n;
  fg.bytes_sent = (double)bytes;
  px_store_free(R.st); /* closed (and checkpointed) before rank 0 reads it */
  R.st = NULL;
  fg.wall[1] = now_wall() - w1 - fg.wall[3];
  fg.cpu[1] = now_cpu() - c1 - fg.cpu[3];
  barrier_lazily();
  /* Stories across shards, by exchange (every rank). */
  w3 = now_wall();
  c3 = now_cpu();
  {
    int a = 0;
    MPI_Allreduce(&any_pub, &a, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    undated = a ? PX_UNDATED_ALONE : PX_UNDATED_JOIN; /* as px_store_cluster_new_articles decides */
  }
  sres SR;
  memset(&SR, 0, sizeof(SR));
  fault_at("stories", 0);
  story_stage(&S, out_dir, undated, &SR);
  free(S.d);
  free(S.byg);
  free(S.bpos);
  if (S.recf) fclose(S.recf);
  fg.rec_used = (double)S.nrec_used;
  fg.rec_missing = (double)S.nrec_missing;
  fg.comp_articles = SR.comp_mine;
  fg.comp_rec = SR.rec_used;
  if (g_rank != 0) send_stories(&SR);
  fg.bytes_story = (double)SR.bytes;
  fg.wall[3] += now_wall() - w3;
  fg.cpu[3] += now_cpu() - c3;
  fg.peak_stories = peak_mb();

  /* Merge and stories on rank 0. */
  int status = 0;
  int64_t merged = 0, stored_total = 0, clustered = 0, rank0_placed = 0;
  if (g_rank == 0) {
    double w2 = now_wall(), c2 = now_cpu();
    char path[4096];
    snprintf(path, sizeof(path), "%s/parallax.db", out_dir);
    px_store *st = NULL;
    if (px_store_open(R.ctx, path, PX_OPEN_WRITE, &st) != PX_OK) die("%s: %s", path, px_ctx_error(R.ctx));
    for (int r = 0; r < g_size && !status; r++) {
      snprintf(shard, sizeof(shard), "%s/rank-%d.db", out_dir, r);
      px_store *sh = NULL;
      char *v = NULL;
      size_t n = 0;
      if (px_store_open(R.ctx, shard, PX_OPEN_READ, &sh) != PX_OK ||
          px_store_state_get(sh, ST_MERGE, &v, &n) != PX_OK || n % sizeof(rec)) {
        fprintf(stderr, "parallax-mpi: rank 0: %s (rank %d's shard): %s\n", shard, r,
                sh ? "its records are missing" : px_ctx_error(R.ctx));
        status = 1;
        px_store_free(sh);
        break;
      }
      px_store_free(sh);
      size_t nr = n / sizeof(rec);
      rec *rv = (rec *)v;
      int64_t *map = malloc((nr + 1) * 2 * sizeof(int64_t));
      if (!map) die("out of memory");
      for (size_t i = 0; i < nr; i++) {
        map[2 * i] = rv[i].shard_id;
        map[2 * i + 1] = rv[i].dst;
      }
      free(v);
      int64_t got = 0;
      int rc = px_store_import(st, shard, map, nr, &got);
      free(map);
      if (rc != PX_OK) {
        fprintf(stderr, "parallax-mpi: rank 0: merging rank %d's shard %s: %s\n", r, shard,
                px_ctx_error(R.ctx));
        status = 1;
        break;
      }
      merged += got;
      stored_total += (int64_t)nr;
      fault_at("merge", r + 1);
    }
    fg.wall[2] = now_wall() - w2;
    fg.cpu[2] = now_cpu() - c2;
    w3 = now_wall();
    c3 = now_cpu();
    {
      char *v = NULL;
      bool stored = px_store_state_get(st, "mpi.stories", &v, NULL) == PX_OK;
      free(v);
      if (store_stories(st, R.ctx, &SR, status || stored, &clustered)) status = 1;
    }
    if (!status) {
      if (px_store_cluster_new_articles(st, NULL, &rank0_placed) != PX_OK) {
        fprintf(stderr, "parallax-mpi: rank 0: %s: placing articles in stories: %s\n", path,
                px_ctx_error(R.ctx));
        status = 1;
      } else if (px_store_optimize(st) != PX_OK) {
        fprintf(stderr, "parallax-mpi: rank 0: %s: merging the search index: %s\n", path,
                px_ctx_error(R.ctx));
      }
    }
    px_store_free(st);
    fg.wall[4] = now_wall() - w3;
    fg.cpu[4] = now_cpu() - c3;
  }
  free(SR.rows);
  free(SR.stories);
  {
    /* the other ranks wait for rank 0's merge and stories here */
    MPI_Request rq;
    MPI_Ibcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD, &rq);
    wait_lazily(&rq);
  }
  fg.peak_mb = peak_mb();

  /* Figures: every rank's, printed by rank 0. */
  figures *allf = g_rank == 0 ? malloc((size_t)g_size * sizeof(figures)) : NULL;
  MPI_Gather(&fg, (int)(sizeof(fg) / sizeof(double)), MPI_DOUBLE, allf,
             (int)(sizeof(fg) / sizeof(double)), MPI_DOUBLE, 0, MPI_COMM_WORLD);
  if (g_rank == 0) {
    double total_rec = 0, total_rej = 0, total_drop = 0, bytes_all = 0, bytes_story = 0;
    double rec_used = 0, rec_missing = 0, comp_rec = 0;
    for (int r = 0; r < g_size; r++) {
      rec_used += allf[r].rec_used;
      rec_missing += allf[r].rec_missing;
      comp_rec += allf[r].comp_rec;
      bytes_story += allf[r].bytes_story;
      total_rec += allf[r].read_own;
      total_rej += allf[r].rejected;
      total_drop += allf[r].dropped;
      bytes_all += allf[r].bytes_sent;
    }
    if (json) {
      printf("{\"ranks\":%d,\"read\":%.0f,\"rejected\":%.0f,\"stored\":%" PRId64
             ",\"merged\":%" PRId64 ",\"copies_across_shards\":%.0f,\"clustered\":%" PRId64
             ",\"bytes_exchanged\":%.0f,\"story_bytes\":%.0f,\"story_edges\":%.0f,"
             "\"story_rounds\":%.0f,\"largest_component\":%.0f,\"placed_by_rank0\":%" PRId64
             ",\"dup_links\":%.0f,\"from_ingest_analysis\":%.0f,\"analysed_again\":%.0f,"
             "\"owners_from_records\":%.0f,\"status\":%d,\"per_rank\":[",
             g_size, total_rec, total_rej, stored_total, merged, total_drop, clustered, bytes_all,
             bytes_story, SR.edges, SR.rounds, SR.comp_max, rank0_placed, SR.dup_links, rec_used,
             rec_missing, comp_rec, status);
      for (int r = 0; r < g_size; r++) {
        figures *x = &allf[r];
        printf("%s{\"rank\":%d,\"articles\":%.0f,\"bytes_sent\":%.0f,\"story_bytes\":%.0f,"
               "\"component_articles\":%.0f,\"peak_mb\":%.1f,\"peak_mb_ingest\":%.1f,"
               "\"peak_mb_stories\":%.1f,"
               "\"wall\":{\"ingest\":%.3f,\"exchange\":%.3f,\"merge\":%.3f,\"cluster\":%.3f,"
               "\"store_stories\":%.3f},"
               "\"cpu\":{\"ingest\":%.3f,\"exchange\":%.3f,\"merge\":%.3f,\"cluster\":%.3f,"
               "\"store_stories\":%.3f}}",
               r ? "," : "", r, x->articles, x->bytes_sent, x->bytes_story, x->comp_articles,
               x->peak_mb, x->peak_ingest, x->peak_stories, x->wall[0], x->wall[1], x->wall[2], x->wall[3], x->wall[4], x->cpu[0],
               x->cpu[1], x->cpu[2], x->cpu[3], x->cpu[4]);
      }
      printf("]}\n");
    } else {
      printf("%d ranks: %.0f articles read, %.0f rejected, %" PRId64
             " stored (%.0f copies across shards dropped), %" PRId64 " placed in stories by "
             "the exchange, %" PRId64 " left to rank 0\n",
             g_size, total_rec, total_rej, stored_total, total_drop, clustered, rank0_placed);
      printf("exchanged %.0f bytes (%.1f per article); output %s (parallax --db %s)\n", bytes_all,
             stored_total ? bytes_all / (double)stored_total : 0.0, out_dir, out_dir);
      printf("stories by exchange: %.0f candidate links, %.0f rounds of label propagation, largest "
             "component %.0f articles, %.0f bytes (%.1f per article)\n",
             SR.edges, SR.rounds, SR.comp_max, bytes_story,
             stored_total ? bytes_story / (double)stored_total : 0.0);
      printf("duplicate keys: %.0f links; clustered from the ingest's analysis: %.0f articles, "
             "analysed again: %.0f; component owners added %.0f from records\n",
             SR.dup_links, rec_used, rec_missing, comp_rec);
    }
    free(allf);
  }
  px_ctx_free(R.ctx);
  free(R.recs.v);
  free(R.seen);
  free(counts);
  free(inputs);
  MPI_Finalize();
  return status;
}
