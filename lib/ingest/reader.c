/* reader.c - px_reader: walks a file, a folder or stdin and yields articles
 * from whichever format each file's content is in. */
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One entry of the list to read: a file, or a folder that could not be read
 * (err is then its errno, reported when the list reaches it). */
typedef struct {
  char *path;
  int err;
} entry;

/* The (device, inode) pairs seen by a walk: each folder is entered and each
 * file read once, whatever links lead to them again. */
typedef struct {
  uint64_t *keys; /* two words per slot; a slot of zeros is empty */
  size_t cap, n;
} seen_set;

struct px_reader {
  px_ctx *ctx;
  entry *paths; /* files to read, in order */
  size_t npaths, next_path;
  char *cur_path;
  px__stream *s;
  const px__format *fmt;
  px__fmt_state *st;
  px_article *art;
  px__buf msg;
  char *err;
  bool fatal;
  bool is_dir;
  size_t root_len; /* length of the folder argument, to name files relative to it */
  uint64_t done_bytes; /* compressed bytes of finished files */
  uint64_t total_size;
  char *mem;                /* px_reader_open_mem: the buffer (a copy) read as paths[0] */
  size_t mem_len;
  const px__format *force;  /* px_reader_open_mem: the format named by the caller */
};

static int cmp_entry(const void *a, const void *b) {
  return strcmp(((const entry *)a)->path, ((const entry *)b)->path);
}

static int add_path(px_reader *rd, size_t *alloc, const char *p, int err) {
  if (rd->npaths == *alloc) {
    size_t n = *alloc ? *alloc * 2 : 16;
    entry *np = realloc(rd->paths, n * sizeof(*np));
    if (!np) return PX_ENOMEM;
    rd->paths = np;
    *alloc = n;
  }
  rd->paths[rd->npaths].path = strdup(p);
  rd->paths[rd->npaths].err = err;
  if (!rd->paths[rd->npaths].path) return PX_ENOMEM;
  rd->npaths++;
  return PX_OK;
}

static uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

/* Add (dev, ino) to the set; *fresh tells whether it was new. */
static int seen_add(seen_set *S, const struct stat *st, bool *fresh) {
  uint64_t k0 = (uint64_t)st->st_dev + 1, k1 = (uint64_t)st->st_ino;
  if ((S->n + 1) * 2 > S->cap) {
    size_t nc = S->cap ? S->cap * 2 : 256;
    uint64_t *nk = calloc(nc * 2, sizeof(*nk));
    if (!nk) return PX_ENOMEM;
    for (size_t i = 0; i < S->cap; i++) {
      if (!S->keys[2 * i]) continue;
      size_t j = mix64(S->keys[2 * i] * 31 + S->keys[2 * i + 1]) & (nc - 1);
      while (nk[2 * j]) j = (j + 1) & (nc - 1);
      nk[2 * j] = S->keys[2 * i];
      nk[2 * j + 1] = S->keys[2 * i + 1];
    }
    free(S->keys);
    S->keys = nk;
    S->cap = nc;
  }
  size_t j = mix64(k0 * 31 + k1) & (S->cap - 1);
  while (S->keys[2 * j]) {
    if (S->keys[2 * j] == k0 && S->keys[2 * j + 1] == k1) {
      *fresh = false;
      return PX_OK;
    }
    j = (j + 1) & (S->cap - 1);
  }
  S->keys[2 * j] = k0;
  S->keys[2 * j + 1] = k1;
  S->n++;
  *fresh = true;
  return PX_OK;
}

/* Collect regular files under dir (recursively, hidden entries skipped).
 * Links are followed, but a folder or file already reached (a link loop, two
 * links to one place) is not taken again.  A subfolder that cannot be read
 * becomes an entry that reports it; the walk goes on.  Only the top folder
 * failing fails the walk (PX_EIO, errno kept). */
static int walk(px_reader *rd, size_t *alloc, seen_set *seen, const char *dir, int depth) {
  if (depth > 64) return PX_OK;
  DIR *d = opendir(dir);
  if (!d) {
    if (depth == 0) return PX_EIO;
    int err = errno ? errno : EIO;
    return add_path(rd, alloc, dir, err);
  }
  struct dirent *e;
  int rc = PX_OK;
  size_t first = rd->npaths;
  while (rc == PX_OK && (e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    size_t n = strlen(dir) + strlen(e->d_name) + 2;
    char *p = malloc(n);
    if (!p) {
      rc = PX_ENOMEM;
      break;
    }
    snprintf(p, n, "%s/%s", dir, e->d_name);
    struct stat stt;
    bool fresh = false;
    if (stat(p, &stt) == 0 && (S_ISDIR(stt.st_mode) || S_ISREG(stt.st_mode)) &&
        (rc = seen_add(seen, &stt, &fresh)) == PX_OK && fresh) {
      if (S_ISDIR(stt.st_mode)) rc = walk(rd, alloc, seen, p, depth + 1);
      else {
        rc = add_path(rd, alloc, p, 0);
        rd->total_size += (uint64_t)stt.st_size;
      }
    }
    free(p);
  }
  closedir(d);
  if (rc == PX_OK && rd->npaths > first)
    qsort(rd->paths + first, rd->npaths - first, sizeof(entry), cmp_entry);
  return rc;
}

int px_reader_open(px_ctx *ctx, const char *path, px_reader **out) {
  if (!ctx || !path || !out) return PX_EINVAL;
  *out = NULL;
  px_reader *rd = calloc(1, sizeof(*rd));
  if (!rd) return PX_ENOMEM;
  rd->ctx = ctx;
  px__buf_init(&rd->msg, 4096);
  int rc = px_article_new(&rd->art);
  if (rc) goto fail;
  rd->art->limit_body = ctx->limit_body;
  size_t alloc = 0;
  struct stat stt;
  if (strcmp(path, "-") == 0) {
    rc = add_path(rd, &alloc, "-", 0);
  } else if (stat(path, &stt) != 0) {
    int err = errno;
    px__buf_clear(&rd->msg);
    px__escape_controls(&rd->msg, path, strlen(path));
    rc = px__ctx_fail(ctx, err == ENOENT ? PX_ENOTFOUND : PX_EIO, "%s: %s",
                      rd->msg.ptr ? rd->msg.ptr : "", strerror(err));
  } else if (S_ISDIR(stt.st_mode)) {
    rd->is_dir = true;
    rd->root_len = strlen(path);
    while (rd->root_len > 1 && path[rd->root_len - 1] == '/') rd->root_len--;
    char *root = strndup(path, rd->root_len);
    seen_set seen = {NULL, 0, 0};
    bool fresh;
    errno = 0;
    rc = !root ? PX_ENOMEM : seen_add(&seen, &stt, &fresh);
    if (rc == PX_OK) rc = walk(rd, &alloc, &seen, root, 0);
    int err = errno;
    free(seen.keys);
    free(root);
    if (rc == PX_EIO) {
      px__buf_clear(&rd->msg);
      px__escape_controls(&rd->msg, path, strlen(path));
      px__ctx_fail(ctx, rc, "%s: cannot read folder: %s", rd->msg.ptr ? rd->msg.ptr : "",
                   strerror(err ? err : EIO));
    }
  } else {
    rd->total_size = (uint64_t)stt.st_size;
    rc = add_path(rd, &alloc, path, 0);
  }
  if (rc) goto fail;
  *out = rd;
  return PX_OK;
fail:
  px_reader_free(rd);
  return rc;
}

int px_reader_open_mem(px_ctx *ctx, const void *p, size_t n, const char *origin,
                       const char *format, px_reader **out) {
  if (!ctx || (!p && n) || !origin || !origin[0] || !out) return PX_EINVAL;
  *out = NULL;
  const px__format *force = NULL;
  if (format) {
    const px__format *const *fl = px__formats();
    for (size_t i = 0; fl[i] && !force; i++)
      if (strcmp(fl[i]->name, format) == 0) force = fl[i];
    if (!force && strcmp(format, "feed-links") == 0) force = &px__fmt_feed_links;
    if (!force) return px__ctx_fail(ctx, PX_EINVAL, "unknown input format '%s'", format);
  }
  px_reader *rd = calloc(1, sizeof(*rd));
  if (!rd) return PX_ENOMEM;
  rd->ctx = ctx;
  rd->force = force;
  px__buf_init(&rd->msg, 4096);
  size_t alloc = 0;
  int rc = px_article_new(&rd->art);
  if (rc) goto fail;
  rd->art->limit_body = ctx->limit_body;
  rd->mem = malloc(n ? n : 1);
  if (!rd->mem) {
    rc = PX_ENOMEM;
    goto fail;
  }
  if (n) memcpy(rd->mem, p, n);
  rd->mem_len = n;
  rd->total_size = n;
  if ((rc = add_path(rd, &alloc, origin, 0))) goto fail;
  *out = rd;
  return PX_OK;
fail:
  px_reader_free(rd);
  return rc;
}

static void close_file(px_reader *rd) {
  if (rd->st) rd->fmt->close(rd->st);
  rd->st = NULL;
  if (rd->s) rd->done_bytes += px__stream_bytes_in(rd->s);
  px__stream_free(rd->s);
  rd->s = NULL;
  free(rd->cur_path);
  rd->cur_path = NULL;
}

int px__reader_take(px_reader *rd, px_article *fresh, px_article **taken) {
  if (!rd || !taken) return PX_EINVAL;
  *taken = NULL;
  if (!fresh) {
    int rc = px_article_new(&fresh);
    if (rc) return rc;
  }
  fresh->limit_body = rd->art->limit_body;
  *taken = rd->art;
  rd->art = fresh;
  return PX_OK;
}

void px_reader_free(px_reader *rd) {
  if (!rd) return;
  close_file(rd);
  for (size_t i = 0; i < rd->npaths; i++) free(rd->paths[i].path);
  free(rd->paths);
  free(rd->mem);
  px_article_free(rd->art);
  px__buf_release(&rd->msg);
  free(rd->err);
  free(rd);
}

static int set_error(px_reader *rd, int rc, const char *where_label, uint64_t where,
                     const char *reason) {
  free(rd->err);
  rd->err = NULL;
  const char *raw = rd->cur_path ? rd->cur_path : "?";
  if (strcmp(raw, "-") == 0) raw = "<stdin>";
  /* A file name is outside text: its control characters are shown escaped. */
  px__buf esc;
  px__buf_init(&esc, 0);
  if (px__escape_controls(&esc, raw, strlen(raw)) != PX_OK) {
    px__buf_release(&esc);
    return PX_ENOMEM;
  }
  const char *path = esc.ptr;
  size_t n = strlen(path) + strlen(reason) + 64;
  rd->err = malloc(n);
  if (!rd->err) {
    px__buf_release(&esc);
    return PX_ENOMEM;
  }
  if (where_label && where)
    snprintf(rd->err, n, "%s:%s %llu: %s", path, where_label, (unsigned long long)where, reason);
  else
    snprintf(rd->err, n, "%s: %s", path, reason);
  px__buf_release(&esc);
  return rc;
}

const char *px_reader_error(const px_reader *rd) {
  return rd && rd->err ? rd->err : "";
}
int px_reader_error_is_fatal(const px_reader *rd) { return rd ? rd->fatal : 0; }
uint64_t px_reader_bytes_in(const px_reader *rd) {
  return rd ? rd->done_bytes + px__stream_bytes_in(rd->s) : 0;
}
uint64_t px_reader_size(const px_reader *rd) { return rd ? rd->total_size : 0; }

/* Open the next file of the list and pick its format. */
static int open_next_file(px_reader *rd) {
  const entry *en = &rd->paths[rd->next_path++];
  const char *path = en->path;
  rd->cur_path = strdup(path);
  if (!rd->cur_path) return PX_ENOMEM;
  if (en->err) {
    char why[160];
    snprintf(why, sizeof(why), "cannot read folder: %s", strerror(en->err));
    return set_error(rd, PX_EIO, NULL, 0, why);
  }
  int rc = rd->mem ? px__stream_open_mem(rd->mem, rd->mem_len, &rd->s)
                   : px__stream_open(path, &rd->s);
  if (rc) {
    return set_error(rd, rc, NULL, 0,
                     rc == PX_ENOTFOUND ? "no such file" : "cannot open file");
  }
  const char *p;
  size_t n;
  rc = px__stream_peek(rd->s, 4096, &p, &n);
  if (rc) return set_error(rd, rc, NULL, 0, px__stream_error(rd->s));
  if (n == 0) {
    if (px__stream_codec(rd->s) != PX_CODEC_NONE && px__stream_error(rd->s)[0])
      return set_error(rd, PX_ETRUNCATED, NULL, 0, px__stream_error(rd->s));
    return set_error(rd, PX_ENOBODY, NULL, 0, "empty file");
  }
  /* A web archive holds binary payloads (images, gzip bodies) between its text headers. */
  bool warc = n >= 6 && memcmp(p, "WARC/", 5) == 0;
  if (!warc && px__looks_binary(p, n))
    return set_error(rd, PX_EBINARY, NULL, 0, "binary data, not articles");
  /* An XML or HTML file may open with comments, a DOCTYPE or processing
   * instructions longer than the first look: look past them (up to the
   * stream window) so the formats see the first element. */
  size_t want = n;
  while (n == want && want < ((size_t)1 << 20) && px__markup_prolog_end(p, n) + 512 > n) {
    want = want * 4 > ((size_t)1 << 20) ? ((size_t)1 << 20) : want * 4;
    rc = px__stream_peek(rd->s, want, &p, &n);
    if (rc) return set_error(rd, rc, NULL, 0, px__stream_error(rd->s));
  }
  const px__format *const *fl = px__formats();
  int best = -1;
  if (rd->force) rd->fmt = rd->force;
  for (size_t i = 0; !rd->force && fl[i]; i++) {
    int score = fl[i]->sniff(p, n, path);
    if (score > best) {
      best = score;
      rd->fmt = fl[i];
    }
  }
  /* Formats name a file's article after the file (plain text takes its id
   * from it): inside a folder, the path relative to the folder, so
   * "a/nw.txt" and "b/nw.txt" stay two articles; else the base name. */
  const char *name = path;
  if (rd->mem) {
    /* An origin is a name, not a path: kept whole. */
  } else if (rd->is_dir && strlen(path) > rd->root_len + 1) {
    name = path + rd->root_len + 1;
  } else if (strrchr(path, '/')) {
    name = strrchr(path, '/') + 1;
  }
  rc = rd->fmt->open(rd->ctx, rd->s, name, &rd->st);
  if (rc) return set_error(rd, rc, NULL, 0, rd->ctx->errmsg[0] ? rd->ctx->errmsg : px_strerror(rc));
  return PX_OK;
}

int px_reader_next(px_reader *rd, px_article **art) {
  if (!rd || !art) return PX_EINVAL;
  *art = NULL;
  rd->fatal = false;
  while (true) {
    if (!rd->st) {
      if (rd->s || rd->cur_path) close_file(rd);
      if (rd->next_path >= rd->npaths) return PX_EOF;
      int rc = open_next_file(rd);
      if (rc) {
        /* This file is unreadable; report it and go on with the next one. */
        close_file(rd);
        return rc;
      }
    }
    px__article_clear(rd->art);
    px__buf_clear(&rd->msg);
    uint64_t where = 0;
    int fatal = 0;
    int rc = rd->fmt->next(rd->st, rd->art, &where, &fatal, &rd->msg);
    if (rc == PX_EOF) {
      close_file(rd);
      continue;
    }
    if (rc == PX_OK) {
      px__buf origin;
      px__buf_init(&origin, 0);
      const char *path = strcmp(rd->cur_path, "-") == 0 ? "<stdin>" : rd->cur_path;
      rc = px__escape_controls(&origin, path, strlen(path));
      if (rc == PX_OK && strcmp(rd->fmt->where_label, "file") != 0)
        rc = px__buf_printf(&origin, ":%llu", (unsigned long long)where);
      if (rc == PX_OK)
        rc = px__buf_append(&rd->art->field[PX_F_ORIGIN], origin.ptr, origin.len);
      px__buf_release(&origin);
      if (rc) return rc;
      *art = rd->art;
      return PX_OK;
    }
    const char *reason = rd->msg.len ? rd->msg.ptr : px_strerror(rc);
    set_error(rd, rc, strcmp(rd->fmt->where_label, "file") == 0 ? NULL : rd->fmt->where_label,
              where, reason);
    if (fatal) {
      /* The rest of this file cannot be read; later files still can. */
      rd->fatal = true;
      close_file(rd);
    }
    return rc;
  }
}
