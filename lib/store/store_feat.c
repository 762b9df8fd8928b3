/* store_feat.c - feature records kept for the cluster stage (store.h).
 *
 * An ingest analyses each article once; what clustering needs of that
 * analysis goes here, into an unlinked temporary file (tmpfile), so the
 * cluster stage at the end of the ingest reads a record instead of the
 * stored article and its text analysis.  Memory holds only the index (24
 * bytes an article).  Nothing here is needed for correctness: an article
 * without a record is read back and analysed again.
 */
#include "store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The whole of buf[0..n) written at or read from offset off.  Records go
 * to the file by pwrite and come back by pread, one call each, not through
 * stdio: a record (about 15 KB) is larger than the stream's buffer, so
 * fwrite made two writes a record, and a seek and fread in the cluster
 * stage's time order (not the file's) an lseek and two or three reads. */
static bool io_all(int fd, void *buf, size_t n, uint64_t off, bool write) {
  size_t done = 0;
  while (done < n) {
    ssize_t r = write ? pwrite(fd, (char *)buf + done, n - done, (off_t)(off + done))
                      : pread(fd, (char *)buf + done, n - done, (off_t)(off + done));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    done += (size_t)r;
  }
  return true;
}

void px__spill_put(px_store *st, int64_t id, const void *rec, size_t n) {
  px__spill *sp = &st->spill;
  if (sp->failed || n == 0 || n > UINT32_MAX) return;
  if (sp->n && sp->idx[sp->n - 1].id >= id) {
    /* ids not increasing: a record would be found for the wrong article */
    px__spill_release(st);
    sp->failed = true;
    return;
  }
  if (!sp->f && !(sp->f = tmpfile())) {
    sp->failed = true;
    return;
  }
  if (sp->n == sp->cap) {
    size_t nc = sp->cap ? sp->cap * 2 : 4096;
    px__featidx *ni = realloc(sp->idx, nc * sizeof(*ni));
    if (!ni) return;
    sp->idx = ni;
    sp->cap = nc;
  }
  if (!io_all(fileno(sp->f), (void *)rec, n, sp->end, true)) {
    px__spill_release(st);
    sp->failed = true;
    return;
  }
  sp->idx[sp->n++] = (px__featidx){id, sp->end, (uint32_t)n};
  sp->end += n;
}

const void *px__spill_get(px_store *st, int64_t id, size_t *n) {
  px__spill *sp = &st->spill;
  if (!sp->n || !sp->f) return NULL;
  size_t lo = 0, hi = sp->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (sp->idx[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  if (lo == sp->n || sp->idx[lo].id != id) return NULL;
  const px__featidx *e = &sp->idx[lo];
  px__buf_clear(&sp->buf);
  if (px__buf_reserve(&sp->buf, e->len) != PX_OK) return NULL;
  if (!io_all(fileno(sp->f), sp->buf.ptr, e->len, e->off, false)) return NULL;
  *n = e->len;
  return sp->buf.ptr;
}

void px__spill_mark(px_store *st) {
  st->spill.tx_n = st->spill.n;
  st->spill.tx_end = st->spill.end;
}

void px__spill_undo(px_store *st) {
  px__spill *sp = &st->spill;
  if (sp->tx_n > sp->n) return;
  sp->n = sp->tx_n;
  sp->end = sp->tx_end;
}

void px__spill_release(px_store *st) {
  px__spill *sp = &st->spill;
  if (sp->f) fclose(sp->f);
  free(sp->idx);
  px__buf_release(&sp->buf);
  memset(sp, 0, sizeof(*sp));
}

int px_store_feature_record(px_store *st, int64_t id, const void **rec, size_t *n) {
  if (!st || !rec || !n) return PX_EINVAL;
  size_t len = 0;
  const void *p = px__spill_get(st, id, &len);
  if (!p) return PX_ENOTFOUND;
  *rec = p;
  *n = len;
  return PX_OK;
}
