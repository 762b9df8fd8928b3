/*
 * writer.c - px_json: a small streaming writer of JSON Lines and CSV.
 *
 * Every record serializer of the library (records.c) writes through it, so
 * the CLI, the server and the bindings emit the same bytes.  In JSON mode a
 * top-level value ends with a newline (one record per line).  In CSV mode a
 * top-level object is one row: its members are the columns (the first row's
 * keys make the header), a nested array or object goes into one cell as
 * JSON text, null is an empty cell.
 */
#include "common/px_common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_DEPTH 64

struct px_json {
  px_write_fn write;
  void *user;
  unsigned flags;
  int status;
  int depth;
  unsigned char first[MAX_DEPTH]; /* no member yet at this depth */
  unsigned char after_key;        /* a key was written, its value comes next */
  px__buf out;                    /* JSON: the record; CSV: the row */
  px__buf cell;                   /* CSV: the current nested cell (JSON text) */
  px__buf header;                 /* CSV: the first row's keys */
  int header_done, header_keys;
};

int px_json_new(unsigned flags, px_write_fn write, void *user, px_json **out) {
  if (!out || !write) return PX_EINVAL;
  *out = NULL;
  px_json *j = calloc(1, sizeof *j);
  if (!j) return PX_ENOMEM;
  j->write = write;
  j->user = user;
  j->flags = flags;
  *out = j;
  return PX_OK;
}

void px_json_free(px_json *j) {
  if (!j) return;
  px__buf_release(&j->out);
  px__buf_release(&j->cell);
  px__buf_release(&j->header);
  free(j);
}

int px_json_status(const px_json *j) { return j ? j->status : PX_EINVAL; }

static bool csv(const px_json *j) { return (j->flags & PX_JSON_CSV) != 0; }

/* Where JSON text goes: the record, or in CSV the nested cell. */
static px__buf *dst(px_json *j) { return csv(j) ? &j->cell : &j->out; }

static void put(px_json *j, px__buf *b, const char *p, size_t n) {
  if (j->status == PX_OK && px__buf_append(b, p, n) != PX_OK) j->status = PX_ENOMEM;
}

static void emit(px_json *j, px__buf *b) {
  if (j->status == PX_OK && b->len && j->write(j->user, b->ptr, b->len)) j->status = PX_EIO;
  px__buf_clear(b);
}

/* CSV: one cell, quoted when it holds a comma, quote or line break (RFC 4180). */
static void csv_cell(px_json *j, const char *p, size_t n) {
  bool q = false;
  for (size_t i = 0; i < n && !q; i++) q = p[i] == ',' || p[i] == '"' || p[i] == '\n' || p[i] == '\r';
  if (!q) {
    put(j, &j->out, p, n);
    return;
  }
  put(j, &j->out, "\"", 1);
  size_t run = 0;
  for (size_t i = 0; i < n; i++)
    if (p[i] == '"') {
      put(j, &j->out, p + run, i + 1 - run);
      put(j, &j->out, "\"", 1);
      run = i + 1;
    }
  put(j, &j->out, p + run, n - run);
  put(j, &j->out, "\"", 1);
}

/* JSON string escaping.  Control characters, DEL and the C1 controls
 * (U+0080..U+009F) are written as \u escapes so no output carries a raw
 * terminal control. */
static void esc(px_json *j, px__buf *b, const char *p, size_t n) {
  static const char hex[] = "0123456789abcdef";
  put(j, b, "\"", 1);
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)p[i];
    char e[8];
    size_t en = 0, skip = 1;
    if (ch == '"' || ch == '\\') {
      e[0] = '\\', e[1] = (char)ch, en = 2;
    } else if (ch < 0x20 || ch == 0x7f) {
      if (ch == '\n') e[0] = '\\', e[1] = 'n', en = 2;
      else if (ch == '\t') e[0] = '\\', e[1] = 't', en = 2;
      else if (ch == '\r') e[0] = '\\', e[1] = 'r', en = 2;
      else memcpy(e, "\\u00", 4), e[4] = hex[ch >> 4], e[5] = hex[ch & 15], en = 6;
    } else if (ch == 0xC2 && i + 1 < n && (unsigned char)p[i + 1] >= 0x80 &&
               (unsigned char)p[i + 1] <= 0x9F) {
      unsigned char c1 = (unsigned char)p[i + 1];
      memcpy(e, "\\u00", 4), e[4] = hex[c1 >> 4], e[5] = hex[c1 & 15], en = 6, skip = 2;
    } else {
      continue;
    }
    put(j, b, p + run, i - run);
    put(j, b, e, en);
    run = i + skip;
    i += skip - 1;
  }
  put(j, b, p + run, n - run);
  put(j, b, "\"", 1);
}

/* Before a value: the comma between members, and in CSV the cell separator. */
static void before_value(px_json *j) {
  if (j->after_key) {
    j->after_key = 0;
    return;
  }
  if (j->depth > 0 && !j->first[j->depth]) put(j, dst(j), ",", 1);
  if (j->depth > 0) j->first[j->depth] = 0;
}

/* After a complete value: end the record at depth 0, end a nested cell at
 * depth 1 in CSV. */
static void after_value(px_json *j) {
  if (j->depth == 0) {
    if (!csv(j)) {
      put(j, &j->out, "\n", 1);
      emit(j, &j->out);
    }
  } else if (csv(j) && j->depth == 1 && j->cell.len) {
    csv_cell(j, j->cell.ptr, j->cell.len);
    px__buf_clear(&j->cell);
  }
}

/* CSV scalars at depth 1 go straight into the row, elsewhere as JSON text. */
static bool csv_scalar(const px_json *j) { return csv(j) && j->depth == 1; }

void px_json_key(px_json *j, const char *key) {
  if (!j) return;
  size_t n = strlen(key);
  if (csv(j) && j->depth == 1) {
    if (!j->first[1]) put(j, &j->out, ",", 1);
    j->first[1] = 0;
    if (!j->header_done) {
      if (j->header_keys++) put(j, &j->header, ",", 1);
      put(j, &j->header, key, n);
    }
    j->after_key = 1;
    return;
  }
  if (j->depth > 0 && !j->first[j->depth]) put(j, dst(j), ",", 1);
  if (j->depth > 0) j->first[j->depth] = 0;
  esc(j, dst(j), key, n);
  put(j, dst(j), ":", 1);
  j->after_key = 1;
}

static void open_(px_json *j, char ch) {
  if (csv(j) && j->depth == 0 && ch == '{') {
    j->depth = 1;
    j->first[1] = 1;
    j->after_key = 0;
    return;
  }
  before_value(j);
  put(j, dst(j), &ch, 1);
  if (j->depth + 1 < MAX_DEPTH) j->depth++;
  else j->status = PX_ETOOBIG;
  j->first[j->depth] = 1;
}

static void close_(px_json *j, char ch) {
  if (j->depth == 0) {
    j->status = PX_EINVAL;
    return;
  }
  if (csv(j) && j->depth == 1 && ch == '}') {
    j->depth = 0;
    if (!j->header_done) {
      put(j, &j->header, "\r\n", 2);
      emit(j, &j->header);
      j->header_done = 1;
    }
    put(j, &j->out, "\r\n", 2);
    emit(j, &j->out);
    return;
  }
  put(j, dst(j), &ch, 1);
  j->depth--;
  after_value(j);
}

void px_json_object(px_json *j) { if (j) open_(j, '{'); }
void px_json_object_end(px_json *j) { if (j) close_(j, '}'); }
void px_json_array(px_json *j) { if (j) open_(j, '['); }
void px_json_array_end(px_json *j) { if (j) close_(j, ']'); }

static void scalar(px_json *j, const char *p, size_t n, bool quoted_in_json) {
  if (csv_scalar(j)) {
    j->after_key = 0;
    csv_cell(j, p, n);
    return;
  }
  before_value(j);
  if (quoted_in_json) esc(j, dst(j), p, n);
  else put(j, dst(j), p, n);
  after_value(j);
}

void px_json_str(px_json *j, const char *p, size_t n) {
  if (!j) return;
  if (!p) {
    px_json_null(j);
    return;
  }
  scalar(j, p, n, true);
}

void px_json_pstr(px_json *j, px_str s) { px_json_str(j, s.ptr ? s.ptr : "", s.len); }

void px_json_str_or_null(px_json *j, px_str s) {
  if (s.len) px_json_str(j, s.ptr, s.len);
  else px_json_null(j);
}

void px_json_int(px_json *j, int64_t v) {
  if (!j) return;
  char b[24];
  int n = snprintf(b, sizeof b, "%lld", (long long)v);
  scalar(j, b, (size_t)n, false);
}

void px_json_num(px_json *j, double v, int decimals) {
  if (!j) return;
  if (!isfinite(v)) {
    px_json_null(j);
    return;
  }
  char b[64];
  if (decimals < 0 || decimals > 17) decimals = 6;
  int n = snprintf(b, sizeof b, "%.*f", decimals, v);
  /* no trailing zeros: 0.500 -> 0.5, 1.000 -> 1 */
  if (decimals > 0 && memchr(b, '.', (size_t)n)) {
    while (n > 1 && b[n - 1] == '0') n--;
    if (b[n - 1] == '.') n--;
  }
  if (n == 2 && b[0] == '-' && b[1] == '0') b[0] = '0', n = 1;
  scalar(j, b, (size_t)n, false);
}

void px_json_bool(px_json *j, int v) {
  if (!j) return;
  scalar(j, v ? "true" : "false", v ? 4 : 5, false);
}

void px_json_null(px_json *j) {
  if (!j) return;
  if (csv_scalar(j)) {
    j->after_key = 0;
    return; /* an empty cell */
  }
  scalar(j, "null", 4, false);
}

void px_json_time(px_json *j, int64_t t, int has) {
  if (!j) return;
  if (!has) {
    px_json_null(j);
    return;
  }
  time_t tt = (time_t)t;
  struct tm tm;
  char b[40];
  if (!gmtime_r(&tt, &tm)) {
    px_json_null(j);
    return;
  }
  size_t n = strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", &tm);
  scalar(j, b, n, true);
}

void px_json_raw(px_json *j, const char *p, size_t n) {
  if (!j) return;
  scalar(j, p, n, false);
}
