/* lazylib.h - libcurl and libmicrohttpd, opened when a command first needs
 * them.
 *
 * Linked at build time, the two libraries and what they load (TLS,
 * Kerberos, LDAP, IDN, PSL: some thirty shared objects) are mapped and
 * relocated at every start of parallax: about 25 ms of CPU time, the
 * larger part of a short query's.  Only 'watch' fetches and only 'serve'
 * listens, so the libraries are opened with dlopen() by those commands.
 *
 * A file that calls libcurl includes this header with LZ_CURL defined, one
 * that calls libmicrohttpd with LZ_MHD: the library's functions are then
 * names of pointers filled by lz_curl_load() / lz_mhd_load(), which must
 * succeed before the first call.
 */
#ifndef PX_LAZYLIB_H
#define PX_LAZYLIB_H

#include <stddef.h>

/* @return 0, or -1 with the reason in err (the library's file name and
 * dlerror()).  Later calls return the first call's result. */
int lz_curl_load(char *err, size_t cap);
int lz_mhd_load(char *err, size_t cap);

#ifdef LZ_CURL
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
typedef struct lz_curl_api {
  __typeof__(curl_global_init) *global_init;
  __typeof__(curl_easy_init) *easy_init;
  __typeof__(curl_easy_cleanup) *easy_cleanup;
  __typeof__(curl_easy_setopt) *easy_setopt;
  __typeof__(curl_easy_getinfo) *easy_getinfo;
  __typeof__(curl_easy_header) *easy_header;
  __typeof__(curl_easy_perform) *easy_perform;
  __typeof__(curl_easy_strerror) *easy_strerror;
  __typeof__(curl_free) *free_;
  __typeof__(curl_multi_init) *multi_init;
  __typeof__(curl_multi_add_handle) *multi_add_handle;
  __typeof__(curl_multi_remove_handle) *multi_remove_handle;
  __typeof__(curl_multi_cleanup) *multi_cleanup;
  __typeof__(curl_multi_info_read) *multi_info_read;
  __typeof__(curl_multi_perform) *multi_perform;
  __typeof__(curl_multi_poll) *multi_poll;
  __typeof__(curl_slist_append) *slist_append;
  __typeof__(curl_slist_free_all) *slist_free_all;
  __typeof__(curl_url) *url;
  __typeof__(curl_url_cleanup) *url_cleanup;
  __typeof__(curl_url_get) *url_get;
  __typeof__(curl_url_set) *url_set;
} lz_curl_api;
extern lz_curl_api lz_curl;
#ifndef LZ_IMPL
#define curl_global_init lz_curl.global_init
#define curl_easy_init lz_curl.easy_init
#define curl_easy_cleanup lz_curl.easy_cleanup
#undef curl_easy_setopt /* curl.h: a macro checking the count of arguments */
#undef curl_easy_getinfo
#define curl_easy_setopt lz_curl.easy_setopt
#define curl_easy_getinfo lz_curl.easy_getinfo
#define curl_easy_header lz_curl.easy_header
#define curl_easy_perform lz_curl.easy_perform
#define curl_easy_strerror lz_curl.easy_strerror
#define curl_free lz_curl.free_
#define curl_multi_init lz_curl.multi_init
#define curl_multi_add_handle lz_curl.multi_add_handle
#define curl_multi_remove_handle lz_curl.multi_remove_handle
#define curl_multi_cleanup lz_curl.multi_cleanup
#define curl_multi_info_read lz_curl.multi_info_read
#define curl_multi_perform lz_curl.multi_perform
#define curl_multi_poll lz_curl.multi_poll
#define curl_slist_append lz_curl.slist_append
#define curl_slist_free_all lz_curl.slist_free_all
#define curl_url lz_curl.url
#define curl_url_cleanup lz_curl.url_cleanup
#define curl_url_get lz_curl.url_get
#define curl_url_set lz_curl.url_set
#endif
#endif

#ifdef LZ_MHD
#include <microhttpd.h>
typedef struct lz_mhd_api {
  __typeof__(MHD_add_response_header) *add_response_header;
  __typeof__(MHD_create_response_from_buffer) *create_response_from_buffer;
  __typeof__(MHD_create_response_from_buffer_with_free_callback_cls)
      *create_response_from_buffer_with_free_callback_cls;
  __typeof__(MHD_destroy_response) *destroy_response;
  __typeof__(MHD_get_connection_values) *get_connection_values;
  __typeof__(MHD_get_daemon_info) *get_daemon_info;
  __typeof__(MHD_queue_response) *queue_response;
  __typeof__(MHD_start_daemon) *start_daemon;
  __typeof__(MHD_stop_daemon) *stop_daemon;
} lz_mhd_api;
extern lz_mhd_api lz_mhd;
#ifndef LZ_IMPL
#define MHD_add_response_header lz_mhd.add_response_header
#define MHD_create_response_from_buffer lz_mhd.create_response_from_buffer
#define MHD_create_response_from_buffer_with_free_callback_cls \
  lz_mhd.create_response_from_buffer_with_free_callback_cls
#define MHD_destroy_response lz_mhd.destroy_response
#define MHD_get_connection_values lz_mhd.get_connection_values
#define MHD_get_daemon_info lz_mhd.get_daemon_info
#define MHD_queue_response lz_mhd.queue_response
#define MHD_start_daemon lz_mhd.start_daemon
#define MHD_stop_daemon lz_mhd.stop_daemon
#endif
#endif

#endif
