/* stream.c - decompressed byte streams over files, stdin and memory.
 *
 * The compressed input is read in 256 KiB chunks and decoded into a 1 MiB
 * window; lines and peeks are served from the window, so memory does not
 * grow with the input.  gzip streams may have several members (as
 * concatenated .gz files and WARC.gz do): each member is decoded in turn.
 * A gzip file the first read takes whole (a web page) is decoded at once
 * instead (decode_whole).
 */
#include "ingest.h"

#include <errno.h>
#include <pthread.h>
#include <libdeflate.h>
#include <lzma.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <zlib.h>
#include <zstd.h>

#define IN_CHUNK (256u * 1024u)
#define WIN_SIZE (1024u * 1024u)
#define BLK_SIZE (512u * 1024u)
#define NBLK 4
/* Largest decoded size of a gzip file decoded in one call (decode_whole). */
#define WHOLE_MAX (64u * 1024u * 1024u)

struct px__stream {
  FILE *fp;
  bool own_fp;
  const unsigned char *mem; /* memory input instead of fp */
  size_t mem_len, mem_pos;
  px__codec codec;
  unsigned char *in;
  size_t in_len, in_pos;
  bool in_eof;
  bool in_eof_known; /* the first fill_in read the whole input */
  bool whole;        /* decode_whole decoded it all: win has a byte for a NUL after win_cap */
  unsigned char *win; /* decoded bytes [win_pos, win_len) not yet consumed */
  size_t win_len, win_pos;
  size_t in_cap, win_cap; /* IN_CHUNK and WIN_SIZE, less for a small memory input */
  bool out_eof;       /* no more decoded bytes will come */
  bool truncated;     /* compressed stream ended early */
  /* Decoder side (written by the decoding thread when there is one). */
  bool dec_eof, dec_failed, dec_truncated;
  char dec_err[160];
  /* Decoding thread: decodes compressed input into a ring of blocks while
   * the consumer parses, so decompression overlaps the rest of the work. */
  bool threaded;
  pthread_t thr;
  pthread_mutex_t mu;
  pthread_cond_t cv_full, cv_free;
  unsigned char *blk[NBLK];
  size_t blk_len[NBLK];
  unsigned head, nfull; /* next block to consume; blocks ready */
  size_t head_pos;      /* consumed bytes of the head block */
  bool thr_done, thr_stop;
  int thr_rc;
  bool failed;
  uint64_t bytes_in, size;
  z_stream z;
  bool z_live;
  ZSTD_DStream *zs;
  bool zs_mid_frame; /* a zstd frame has started and not ended */
  lzma_stream lz;
  bool lz_live;
  char err[160];
};

px__codec px__stream_codec(const px__stream *s) { return s->codec; }
uint64_t px__stream_bytes_in(const px__stream *s) {
  return s ? __atomic_load_n(&s->bytes_in, __ATOMIC_RELAXED) : 0;
}
uint64_t px__stream_size(const px__stream *s) { return s ? s->size : 0; }
const char *px__stream_error(const px__stream *s) { return s->err; }

static void stop_thread(px__stream *s);
static int start_thread(px__stream *s);

static int fill_in(px__stream *s) {
  if (s->in_pos < s->in_len || s->in_eof) return PX_OK;
  if (s->mem) {
    size_t n = s->mem_len - s->mem_pos;
    if (n > s->in_cap) n = s->in_cap;
    memcpy(s->in, s->mem + s->mem_pos, n);
    s->mem_pos += n;
    s->in_len = n;
  } else {
    s->in_len = fread(s->in, 1, s->in_cap, s->fp);
    if (s->in_len == 0 && ferror(s->fp)) {
      snprintf(s->dec_err, sizeof(s->dec_err), "read error: %s", strerror(errno));
      s->dec_failed = true;
      return PX_EIO;
    }
  }
  s->in_pos = 0;
  __atomic_fetch_add(&s->bytes_in, s->in_len, __ATOMIC_RELAXED);
  if (s->in_len == 0) s->in_eof = true;
  return PX_OK;
}

static void detect_codec(px__stream *s) {
  const unsigned char *p = s->in + s->in_pos;
  size_t n = s->in_len - s->in_pos;
  if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) s->codec = PX_CODEC_GZIP;
  else if (n >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd)
    s->codec = PX_CODEC_ZSTD;
  else if (n >= 6 && memcmp(p, "\xfd" "7zXZ\0", 6) == 0) s->codec = PX_CODEC_XZ;
  else s->codec = PX_CODEC_NONE;
}

static int setup_codec(px__stream *s) {
  switch (s->codec) {
  case PX_CODEC_GZIP:
    memset(&s->z, 0, sizeof(s->z));
    if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK) return PX_ENOMEM;
    s->z_live = true;
    break;
  case PX_CODEC_ZSTD:
    s->zs = ZSTD_createDStream();
    if (!s->zs) return PX_ENOMEM;
    ZSTD_initDStream(s->zs);
    break;
  case PX_CODEC_XZ: {
    lzma_stream init = LZMA_STREAM_INIT;
    s->lz = init;
    if (lzma_stream_decoder(&s->lz, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) return PX_ENOMEM;
    s->lz_live = true;
    break;
  }
  case PX_CODEC_NONE: break;
  }
  return PX_OK;
}

/* The decoded size a gzip file states in its last four bytes (ISIZE, that
 * of its last member, modulo 2^32): a hint only, checked by decoding. */
static size_t gzip_stated_size(const unsigned char *p, size_t n) {
  if (n < 18) return 0;
  p += n - 4;
  return (size_t)p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16 | (size_t)p[3] << 24;
}

/* Map the pages of a fresh buffer of n bytes that is about to be written
 * whole, in one call: else each 4 KiB page costs a page fault of its own
 * (several microseconds each in a virtual machine; about a third of the
 * time of reading the AEB pages).  A hint: a kernel without
 * MADV_POPULATE_WRITE (before Linux 5.14) says EINVAL and the pages fault
 * in as before. */
static void prefault(void *p, size_t n) {
#ifdef MADV_POPULATE_WRITE
  const uintptr_t page = 4096;
  uintptr_t a = ((uintptr_t)p + page - 1) & ~(page - 1), e = ((uintptr_t)p + n) & ~(page - 1);
  if (e > a + 16 * page) (void)madvise((void *)a, e - a, MADV_POPULATE_WRITE);
#else
  (void)p;
  (void)n;
#endif
}

/*
 * A gzip file read whole by the first fill_in (a web page, a small feed) is
 * decoded in one call into a window of the size its trailer states: no
 * decoding thread, no ring of blocks, no copies, and px__stream_slurp can
 * hand the window itself to its caller.  True when done; false leaves the
 * stream as it was, to be decoded in blocks as any other (several members,
 * a wrong or too large stated size, damaged or cut data: the block decoder
 * reports those as before).
 */
static bool decode_whole(px__stream *s) {
  if (!s->in_eof_known) return false;
  size_t n = s->in_len, want = gzip_stated_size(s->in, n);
  /* Deflate expands at most 1032 times: a stated size past that is wrong,
   * and its buffer is not allocated. */
  if (want == 0 || want > WHOLE_MAX || want / 1032 > n) return false;
  unsigned char *w = malloc(want + 1); /* +1: output past the stated size shows it wrong */
  if (!w) return false;
  prefault(w, want + 1);
  struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
  size_t used = 0, got = 0;
  enum libdeflate_result r = d ? libdeflate_gzip_decompress_ex(d, s->in, n, w, want + 1, &used, &got)
                               : LIBDEFLATE_BAD_DATA;
  libdeflate_free_decompressor(d);
  if (r != LIBDEFLATE_SUCCESS || got != want || used != n) {
    free(w);
    return false;
  }
  w[want] = '\0';
  s->win = w;
  s->win_len = s->win_cap = want;
  s->in_pos = s->in_len;
  s->dec_eof = s->out_eof = s->whole = true;
  return true;
}

static int stream_init(px__stream *s) {
  /* A memory input needs no input buffer larger than itself, and when it is
   * not compressed no window larger either (a small record, a fetched feed:
   * no megabyte to set up for each).  A file of known size needs one byte
   * more than itself: a short first read then shows the whole file read. */
  if (s->mem) s->in_cap = PX__MIN(IN_CHUNK, PX__MAX(s->mem_len, 16));
  else if (s->size) s->in_cap = (size_t)PX__MIN((uint64_t)IN_CHUNK, s->size + 1);
  else s->in_cap = IN_CHUNK;
  s->in = malloc(s->in_cap);
  if (!s->in) return PX_ENOMEM;
  int rc = fill_in(s);
  if (rc) return rc;
  detect_codec(s);
  s->in_eof_known = s->mem ? s->mem_pos == s->mem_len : feof(s->fp) != 0;
  if (s->codec == PX_CODEC_GZIP && decode_whole(s)) return PX_OK;
  s->win_cap = s->mem && s->codec == PX_CODEC_NONE ? PX__MIN(WIN_SIZE, PX__MAX(s->mem_len, 16)) : WIN_SIZE;
  if (!(s->win = malloc(s->win_cap))) return PX_ENOMEM;
  if ((rc = setup_codec(s))) return rc;
  return s->codec == PX_CODEC_NONE ? PX_OK : start_thread(s);
}

int px__stream_open(const char *path, px__stream **out) {
  *out = NULL;
  px__stream *s = calloc(1, sizeof(*s));
  if (!s) return PX_ENOMEM;
  if (strcmp(path, "-") == 0) {
    s->fp = stdin;
  } else {
    s->fp = fopen(path, "rb");
    if (!s->fp) {
      int e = errno;
      free(s);
      return e == ENOENT ? PX_ENOTFOUND : PX_EIO;
    }
    s->own_fp = true;
    struct stat st;
    if (fstat(fileno(s->fp), &st) == 0 && S_ISREG(st.st_mode)) s->size = (uint64_t)st.st_size;
  }
  int rc = stream_init(s);
  if (rc) {
    px__stream_free(s);
    return rc;
  }
  *out = s;
  return PX_OK;
}

int px__stream_open_mem(const void *p, size_t n, px__stream **out) {
  *out = NULL;
  px__stream *s = calloc(1, sizeof(*s));
  if (!s) return PX_ENOMEM;
  s->mem = p ? p : (const void *)"";
  s->mem_len = n;
  s->size = n;
  int rc = stream_init(s);
  if (rc) {
    px__stream_free(s);
    return rc;
  }
  *out = s;
  return PX_OK;
}

void px__stream_free(px__stream *s) {
  if (!s) return;
  stop_thread(s);
  if (s->own_fp && s->fp) fclose(s->fp);
  if (s->z_live) inflateEnd(&s->z);
  if (s->zs) ZSTD_freeDStream(s->zs);
  if (s->lz_live) lzma_end(&s->lz);
  free(s->in);
  free(s->win);
  free(s);
}

/*
 * Decode more bytes into buf[*blen, cap), at least one unless the input is
 * exhausted.  Runs on the decoding thread when there is one: it touches only
 * the input side of the stream and the dec_* state.
 */
static int decode_step(px__stream *s, unsigned char *buf, size_t cap, size_t *blen) {
  if (s->dec_eof || s->dec_failed) return PX_OK;
  size_t before = *blen;
  while (*blen == before && !s->dec_eof) {
    int rc = fill_in(s);
    if (rc) return rc;
    unsigned char *in = s->in + s->in_pos;
    size_t avail = s->in_len - s->in_pos;
    unsigned char *out = buf + *blen;
    size_t room = cap - *blen;
    if (room == 0) return PX_OK;
    switch (s->codec) {
    case PX_CODEC_NONE: {
      if (avail == 0) {
        s->dec_eof = true;
        break;
      }
      size_t n = PX__MIN(avail, room);
      memcpy(out, in, n);
      s->in_pos += n;
      *blen += n;
      break;
    }
    case PX_CODEC_GZIP: {
      if (avail == 0 && s->in_eof) {
        /* End of input: fine between members, truncated inside one. */
        if (s->z.total_in != 0) s->dec_truncated = true;
        s->dec_eof = true;
        break;
      }
      s->z.next_in = in;
      s->z.avail_in = (uInt)avail;
      s->z.next_out = out;
      s->z.avail_out = (uInt)room;
      int zr = inflate(&s->z, Z_NO_FLUSH);
      s->in_pos += avail - s->z.avail_in;
      *blen += room - s->z.avail_out;
      if (zr == Z_STREAM_END) {
        /* Another member may follow; skip zero padding between members. */
        inflateReset(&s->z);
        while (true) {
          if ((rc = fill_in(s))) return rc;
          if (s->in_pos < s->in_len && s->in[s->in_pos] == 0) {
            s->in_pos++;
            continue;
          }
          break;
        }
        if (s->in_pos >= s->in_len && s->in_eof) s->dec_eof = true;
      } else if (zr == Z_BUF_ERROR && avail == 0) {
        continue;
      } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
        snprintf(s->dec_err, sizeof(s->dec_err), "gzip data error: %s", s->z.msg ? s->z.msg : "corrupt");
        s->dec_failed = true;
        return PX_ETRUNCATED;
      }
      break;
    }
    case PX_CODEC_ZSTD: {
      if (avail == 0 && s->in_eof) {
        if (s->zs_mid_frame) s->dec_truncated = true;
        s->dec_eof = true;
        break;
      }
      ZSTD_inBuffer ib = {in, avail, 0};
      ZSTD_outBuffer ob = {out, room, 0};
      size_t zr = ZSTD_decompressStream(s->zs, &ob, &ib);
      s->in_pos += ib.pos;
      *blen += ob.pos;
      if (ZSTD_isError(zr)) {
        snprintf(s->dec_err, sizeof(s->dec_err), "zstd data error: %s", ZSTD_getErrorName(zr));
        s->dec_failed = true;
        return PX_ETRUNCATED;
      }
      /* zr == 0: a frame ended; a following frame continues the stream. */
      s->zs_mid_frame = zr != 0;
      break;
    }
    case PX_CODEC_XZ: {
      s->lz.next_in = in;
      s->lz.avail_in = avail;
      s->lz.next_out = out;
      s->lz.avail_out = room;
      lzma_ret lr = lzma_code(&s->lz, s->in_eof ? LZMA_FINISH : LZMA_RUN);
      s->in_pos += avail - s->lz.avail_in;
      *blen += room - s->lz.avail_out;
      if (lr == LZMA_STREAM_END) {
        s->dec_eof = true;
      } else if (lr == LZMA_BUF_ERROR && s->in_eof) {
        s->dec_truncated = true;
        s->dec_eof = true;
      } else if (lr != LZMA_OK && lr != LZMA_BUF_ERROR) {
        snprintf(s->dec_err, sizeof(s->dec_err), "xz data error (code %d)", (int)lr);
        s->dec_failed = true;
        return PX_ETRUNCATED;
      }
      break;
    }
    }
  }
  return PX_OK;
}


/* Copy the decoder's final state to the consumer side. */
static void take_dec_state(px__stream *s) {
  s->out_eof = s->dec_eof || s->dec_failed;
  s->failed = s->dec_failed;
  if (s->dec_truncated) s->truncated = true;
  s->dec_truncated = false;
  if (s->dec_err[0] && !s->err[0]) memcpy(s->err, s->dec_err, sizeof(s->err));
}

static void *decode_thread(void *arg) {
  px__stream *s = arg;
  unsigned tail = 0;
  int rc = PX_OK;
  while (true) {
    pthread_mutex_lock(&s->mu);
    while (s->nfull == NBLK && !s->thr_stop) pthread_cond_wait(&s->cv_free, &s->mu);
    bool stop = s->thr_stop;
    pthread_mutex_unlock(&s->mu);
    if (stop) break;
    size_t len = 0;
    while (len < BLK_SIZE && !s->dec_eof && !s->dec_failed && rc == PX_OK)
      rc = decode_step(s, s->blk[tail], BLK_SIZE, &len);
    pthread_mutex_lock(&s->mu);
    if (len) {
      s->blk_len[tail] = len;
      tail = (tail + 1) % NBLK;
      s->nfull++;
    }
    bool done = rc != PX_OK || s->dec_eof || s->dec_failed;
    if (done) {
      s->thr_done = true;
      s->thr_rc = rc;
    }
    pthread_cond_signal(&s->cv_full);
    pthread_mutex_unlock(&s->mu);
    if (done) break;
  }
  return NULL;
}

static int start_thread(px__stream *s) {
  for (int i = 0; i < NBLK; i++)
    if (!(s->blk[i] = malloc(BLK_SIZE))) return PX_ENOMEM;
  if (pthread_mutex_init(&s->mu, NULL)) return PX_ENOMEM;
  pthread_cond_init(&s->cv_full, NULL);
  pthread_cond_init(&s->cv_free, NULL);
  if (pthread_create(&s->thr, NULL, decode_thread, s)) {
    pthread_cond_destroy(&s->cv_full);
    pthread_cond_destroy(&s->cv_free);
    pthread_mutex_destroy(&s->mu);
    return PX_OK; /* no thread: decode inline */
  }
  s->threaded = true;
  return PX_OK;
}

static void stop_thread(px__stream *s) {
  if (s->threaded) {
    pthread_mutex_lock(&s->mu);
    s->thr_stop = true;
    pthread_cond_signal(&s->cv_free);
    pthread_mutex_unlock(&s->mu);
    pthread_join(s->thr, NULL);
    pthread_cond_destroy(&s->cv_full);
    pthread_cond_destroy(&s->cv_free);
    pthread_mutex_destroy(&s->mu);
    s->threaded = false;
  }
  for (int i = 0; i < NBLK; i++) {
    free(s->blk[i]);
    s->blk[i] = NULL;
  }
}

/* Move unconsumed window bytes to the front and decode more after them. */
static int refill(px__stream *s) {
  if (s->out_eof || s->failed) return PX_OK;
  if (s->win_pos > 0) {
    memmove(s->win, s->win + s->win_pos, s->win_len - s->win_pos);
    s->win_len -= s->win_pos;
    s->win_pos = 0;
  }
  if (!s->threaded) {
    int rc = decode_step(s, s->win, s->win_cap, &s->win_len);
    take_dec_state(s);
    return rc;
  }
  pthread_mutex_lock(&s->mu);
  while (s->nfull == 0 && !s->thr_done) pthread_cond_wait(&s->cv_full, &s->mu);
  if (s->nfull == 0) {
    /* The thread has finished and every block is consumed. */
    int rc = s->thr_rc;
    pthread_mutex_unlock(&s->mu);
    take_dec_state(s);
    s->out_eof = true;
    return rc;
  }
  unsigned h = s->head;
  pthread_mutex_unlock(&s->mu);
  size_t n = PX__MIN(s->blk_len[h] - s->head_pos, s->win_cap - s->win_len);
  memcpy(s->win + s->win_len, s->blk[h] + s->head_pos, n);
  s->win_len += n;
  s->head_pos += n;
  if (s->head_pos == s->blk_len[h]) {
    pthread_mutex_lock(&s->mu);
    s->head = (h + 1) % NBLK;
    s->head_pos = 0;
    s->nfull--;
    pthread_cond_signal(&s->cv_free);
    pthread_mutex_unlock(&s->mu);
  }
  return PX_OK;
}

static int check_end(px__stream *s) {
  if (s->truncated) {
    if (!s->err[0]) snprintf(s->err, sizeof(s->err), "compressed stream is truncated");
    s->truncated = false; /* report once */
    s->failed = true;
    return PX_ETRUNCATED;
  }
  return s->failed ? PX_ETRUNCATED : PX_EOF;
}

int px__stream_peek(px__stream *s, size_t n, const char **p, size_t *got) {
  if (!s->win) { /* handed over by px__stream_slurp: nothing is left */
    *p = "";
    *got = 0;
    return PX_OK;
  }
  if (n > s->win_cap) n = s->win_cap;
  while (s->win_len - s->win_pos < n && !s->out_eof && !s->failed) {
    int rc = refill(s);
    if (rc) return rc;
  }
  *p = (const char *)s->win + s->win_pos;
  *got = PX__MIN(n, s->win_len - s->win_pos);
  if (*got == 0 && s->truncated) return check_end(s);
  return PX_OK;
}

int px__stream_read(px__stream *s, void *dst, size_t n, size_t *got) {
  *got = 0;
  while (*got < n) {
    if (s->win_pos == s->win_len) {
      if (s->out_eof || s->failed) break;
      int rc = refill(s);
      if (rc) return rc;
      continue;
    }
    size_t k = PX__MIN(n - *got, s->win_len - s->win_pos);
    memcpy((char *)dst + *got, s->win + s->win_pos, k);
    s->win_pos += k;
    *got += k;
  }
  if (*got == 0 && s->truncated) return check_end(s);
  return PX_OK;
}

int px__stream_getline(px__stream *s, px__buf *line, size_t cap) {
  px__buf_clear(line);
  bool skipping = false;
  bool any = false;
  while (true) {
    if (s->win_pos == s->win_len) {
      if (s->out_eof || s->failed) {
        if (!any) return check_end(s);
        if (s->truncated) return check_end(s);
        break;
      }
      int rc = refill(s);
      if (rc) return rc;
      continue;
    }
    any = true;
    unsigned char *start = s->win + s->win_pos;
    size_t avail = s->win_len - s->win_pos;
    unsigned char *nl = memchr(start, '\n', avail);
    size_t take = nl ? (size_t)(nl - start) : avail;
    if (!skipping) {
      if (line->len + take > cap) {
        skipping = true;
      } else {
        int rc = px__buf_append(line, start, take);
        if (rc) return rc;
      }
    }
    s->win_pos += take + (nl ? 1 : 0);
    if (nl) break;
  }
  if (skipping) {
    px__buf_clear(line);
    return PX_ETOOBIG;
  }
  if (line->len && line->ptr[line->len - 1] == '\r') line->ptr[--line->len] = '\0';
  return PX_OK;
}

int px__stream_slurp(px__stream *s, px__buf *out, size_t cap) {
  if (s->whole && s->win && s->win_pos == 0 && s->win_len <= cap && !out->ptr &&
      (!out->cap || s->win_len <= out->cap)) {
    /* Everything was decoded at once (decode_whole): the window becomes the
     * caller's buffer (it has room for the terminating NUL). */
    out->ptr = (char *)s->win;
    out->len = s->win_len;
    out->alloc = s->win_cap + 1;
    s->win = NULL;
    s->win_len = s->win_cap = 0;
    return PX_OK;
  }
  while (true) {
    if (s->win_pos == s->win_len) {
      if (s->out_eof || s->failed) break;
      int rc = refill(s);
      if (rc) return rc;
      continue;
    }
    size_t avail = s->win_len - s->win_pos;
    if (out->len + avail > cap) return PX_ETOOBIG;
    int rc = px__buf_append(out, s->win + s->win_pos, avail);
    if (rc) return rc;
    s->win_pos = s->win_len;
  }
  if (s->truncated) return check_end(s);
  if (!out->ptr) return px__buf_append(out, "", 0);
  return PX_OK;
}

bool px__looks_binary(const char *p, size_t n) {
  /* A ratio, not one byte: a stray NUL in a text or JSON Lines file costs
   * that record only (the format rejects it), while images, archives and
   * UTF-16 have NULs and controls throughout. */
  size_t ctl = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ctl++;
  }
  return ctl >= 2 && ctl * 20 > n; /* over 5% NUL and control bytes */
}

size_t px__markup_prolog_end(const char *p, size_t n) {
  size_t i = 0;
  if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) i = 3;
  for (;;) {
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')) i++;
    if (i + 1 >= n || p[i] != '<') return i;
    const char *e;
    if (i + 4 <= n && memcmp(p + i, "<!--", 4) == 0) {
      e = memmem(p + i + 4, n - i - 4, "-->", 3);
      if (!e) return n;
      i = (size_t)(e - p) + 3;
    } else if (p[i + 1] == '?') {
      e = memmem(p + i + 2, n - i - 2, "?>", 2);
      if (!e) return n;
      i = (size_t)(e - p) + 2;
    } else if (p[i + 1] == '!') {
      /* <!DOCTYPE ...> with an internal subset in brackets, which may hold
       * declarations and comments with '>' in them. */
      size_t j = i + 2;
      int br = 0;
      char q = 0;
      for (; j < n; j++) {
        char c = p[j];
        if (q) {
          if (c == q) q = 0;
        } else if (c == '"' || c == '\'') {
          q = c;
        } else if (c == '[') {
          br++;
        } else if (c == ']') {
          if (br) br--;
        } else if (c == '>' && br == 0) {
          break;
        }
      }
      if (j >= n) return n;
      i = j + 1;
    } else {
      return i;
    }
  }
}
