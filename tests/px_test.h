/* px_test.h - helpers shared by the unit tests: temp folders and files. */
#ifndef PX_TEST_H
#define PX_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <ftw.h>
#include <sys/stat.h>

#include <setjmp.h>
#include <cmocka.h>

/* The temp folders made so far, removed with all they hold when the test
 * program exits (a failing test's too: cmocka returns from main). */
static char px_test_dirs[256][32];
static int px_test_ndirs;
static pid_t px_test_owner;

static inline int px_test_rm_one(const char *path, const struct stat *sb, int flag,
                                 struct FTW *ftw) {
  (void)sb, (void)flag, (void)ftw;
  remove(path);
  return 0;
}

static inline void px_test_rm_dirs(void) {
  if (getpid() != px_test_owner) return; /* a forked child leaves them */
  for (int i = 0; i < px_test_ndirs; i++)
    nftw(px_test_dirs[i], px_test_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Make a fresh temp folder; returns a static path valid until the next call. */
static inline const char *px_test_tmpdir(void) {
  static char dir[32];
  snprintf(dir, sizeof(dir), "/tmp/pxtest.XXXXXX");
  if (!mkdtemp(dir)) fail_msg("mkdtemp failed");
  if (px_test_ndirs == 0) {
    px_test_owner = getpid();
    atexit(px_test_rm_dirs);
  }
  if (px_test_ndirs < 256) memcpy(px_test_dirs[px_test_ndirs++], dir, sizeof(dir));
  return dir;
}

/* Write n bytes to dir/name, returning the full path (malloc'd). */
static inline char *px_test_write(const char *dir, const char *name, const void *p, size_t n) {
  size_t len = strlen(dir) + strlen(name) + 2;
  char *path = malloc(len);
  assert_non_null(path);
  snprintf(path, len, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(p, 1, n, f), n);
  fclose(f);
  return path;
}

static inline char *px_test_write_str(const char *dir, const char *name, const char *s) {
  return px_test_write(dir, name, s, strlen(s));
}

/* Run a shell command; fail the test when it does not exit 0. */
static inline void px_test_sh(const char *fmt, ...) {
  char cmd[4096];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(cmd, sizeof(cmd), fmt, ap);
  va_end(ap);
  int rc = system(cmd);
  if (rc != 0) fail_msg("command failed (%d): %s", rc, cmd);
}

#endif
