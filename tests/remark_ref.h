/* remark_ref.h - the remarks of quote grouping computed the plain way, for
 * the tests that hold the engine to it: items in order, each compared with
 * the `window` items of its speaker before it (spk[i]: any number naming
 * the speaker); it joins the remark with the highest mean similarity over
 * the remark's members in that window (its 64 most recent, summed most
 * recent first, ties to the remark begun first) when the mean reaches
 * PX_QUOTE_SAME_REMARK, else begins a remark.  lead[i]: the first item of i's remark; sim[i]: the mean
 * it joined with, 1 for a first item. */
#ifndef REMARK_REF_H
#define REMARK_REF_H

#include <parallax.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static inline void remark_ref(px_quote_groups *g, const char *const *text, const size_t *spk, size_t n,
                              size_t window, size_t *lead, double *sim) {
  size_t *win = malloc((window + 1) * sizeof *win);
  double *s = malloc((window + 1) * sizeof *s);
  if (!win || !s) abort();
  for (size_t i = 0; i < n; i++) {
    size_t nw = 0;
    for (size_t j = i; j-- > 0 && nw < window;)
      if (spk[j] == spk[i]) {
        win[nw] = j;
        s[nw++] = px_quote_similarity(g, text[i], strlen(text[i]), text[j], strlen(text[j]));
      }
    size_t blead = SIZE_MAX;
    double best = 0;
    for (size_t a = 0; a < nw; a++) {
      size_t l = lead[win[a]];
      bool seen = false;
      for (size_t b = 0; b < a && !seen; b++) seen = lead[win[b]] == l;
      if (seen) continue;
      double sum = 0;
      size_t cnt = 0;
      for (size_t b = a; b < nw && cnt < 64; b++)
        if (lead[win[b]] == l) sum += s[b], cnt++;
      double mean = sum / (double)cnt;
      if (mean > best || (mean == best && l < blead)) best = mean, blead = l;
    }
    if (blead != SIZE_MAX && best >= PX_QUOTE_SAME_REMARK) {
      lead[i] = blead;
      sim[i] = best;
    } else {
      lead[i] = i;
      sim[i] = 1.0;
    }
  }
  free(win);
  free(s);
}

#endif
