/* lazylib.c - libcurl and libmicrohttpd opened on first use (lazylib.h). */
#define LZ_CURL
#define LZ_MHD
#define LZ_IMPL
#include "lazylib.h"

#include <dlfcn.h>
#include <stdio.h>

/* The sonames of the Debian packages parallax is built against (libcurl4,
 * libmicrohttpd12): the same files the linker would have named. */
#define CURL_SONAME "libcurl.so.4"
#define MHD_SONAME "libmicrohttpd.so.12"

lz_curl_api lz_curl;
lz_mhd_api lz_mhd;

typedef struct sym {
  const char *name;
  void **slot;
} sym;

/* Open lib and fill every slot.  *state: 0 not tried, 1 loaded, -1 failed
 * (the message kept in msg). */
static int load(const char *lib, const sym *syms, size_t n, int *state, char *msg, size_t msgcap,
                char *err, size_t cap) {
  if (*state == 0) {
    *state = -1;
    void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
      const char *e = dlerror();
      snprintf(msg, msgcap, "cannot load %s: %s", lib, e ? e : "unknown error");
    } else {
      size_t i = 0;
      for (; i < n; i++)
        if (!(*syms[i].slot = dlsym(h, syms[i].name))) break;
      if (i == n) *state = 1;
      else snprintf(msg, msgcap, "%s: no symbol %s", lib, syms[i].name);
    }
  }
  if (*state < 0 && err && cap) snprintf(err, cap, "%s", msg);
  return *state > 0 ? 0 : -1;
}

#define S(field, name) {name, (void **)&field}

int lz_curl_load(char *err, size_t cap) {
  static int state;
  static char msg[512];
  const sym syms[] = {
      S(lz_curl.global_init, "curl_global_init"),
      S(lz_curl.easy_init, "curl_easy_init"),
      S(lz_curl.easy_cleanup, "curl_easy_cleanup"),
      S(lz_curl.easy_setopt, "curl_easy_setopt"),
      S(lz_curl.easy_getinfo, "curl_easy_getinfo"),
      S(lz_curl.easy_header, "curl_easy_header"),
      S(lz_curl.easy_perform, "curl_easy_perform"),
      S(lz_curl.easy_strerror, "curl_easy_strerror"),
      S(lz_curl.free_, "curl_free"),
      S(lz_curl.multi_init, "curl_multi_init"),
      S(lz_curl.multi_add_handle, "curl_multi_add_handle"),
      S(lz_curl.multi_remove_handle, "curl_multi_remove_handle"),
      S(lz_curl.multi_cleanup, "curl_multi_cleanup"),
      S(lz_curl.multi_info_read, "curl_multi_info_read"),
      S(lz_curl.multi_perform, "curl_multi_perform"),
      S(lz_curl.multi_poll, "curl_multi_poll"),
      S(lz_curl.slist_append, "curl_slist_append"),
      S(lz_curl.slist_free_all, "curl_slist_free_all"),
      S(lz_curl.url, "curl_url"),
      S(lz_curl.url_cleanup, "curl_url_cleanup"),
      S(lz_curl.url_get, "curl_url_get"),
      S(lz_curl.url_set, "curl_url_set"),
  };
  return load(CURL_SONAME, syms, sizeof syms / sizeof *syms, &state, msg, sizeof msg, err, cap);
}

int lz_mhd_load(char *err, size_t cap) {
  static int state;
  static char msg[512];
  const sym syms[] = {
      S(lz_mhd.add_response_header, "MHD_add_response_header"),
      S(lz_mhd.create_response_from_buffer, "MHD_create_response_from_buffer"),
      S(lz_mhd.create_response_from_buffer_with_free_callback_cls,
        "MHD_create_response_from_buffer_with_free_callback_cls"),
      S(lz_mhd.destroy_response, "MHD_destroy_response"),
      S(lz_mhd.get_connection_values, "MHD_get_connection_values"),
      S(lz_mhd.get_daemon_info, "MHD_get_daemon_info"),
      S(lz_mhd.queue_response, "MHD_queue_response"),
      S(lz_mhd.start_daemon, "MHD_start_daemon"),
      S(lz_mhd.stop_daemon, "MHD_stop_daemon"),
  };
  return load(MHD_SONAME, syms, sizeof syms / sizeof *syms, &state, msg, sizeof msg, err, cap);
}
