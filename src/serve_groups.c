/* serve_groups.c - outlet groups for coverage by group and blind spots: a
 * plain file the user supplies, one "outlet<TAB>dimension<TAB>group" per
 * line ("CNN (Online News)	lean	Left"), '#' comments; dimensions are
 * whatever the file names (lean, country, owner).  scripts/groups_from_jsonl.py
 * writes one from input fields such as AllSides' bias_text. */
#include "serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct row {
  char *outlet;
  size_t dim;
  const char *group; /* one of names[dim] */
} row;

struct sv_groups {
  char **dims;
  size_t ndims;
  const char ***names; /* per dimension */
  size_t *nnames;
  row *rows;
  size_t nrows;
};

static char *dup_n(const char *p, size_t n) {
  char *s = malloc(n + 1);
  if (s) {
    memcpy(s, p, n);
    s[n] = 0;
  }
  return s;
}

static void trim(char **p, size_t *n) {
  while (*n && (**p == ' ' || **p == '\t' || **p == '\r')) (*p)++, (*n)--;
  while (*n && ((*p)[*n - 1] == ' ' || (*p)[*n - 1] == '\r' || (*p)[*n - 1] == '\n')) (*n)--;
}

void sv_groups_free(sv_groups *g) {
  if (!g) return;
  for (size_t i = 0; i < g->nrows; i++) free(g->rows[i].outlet);
  for (size_t d = 0; d < g->ndims; d++) {
    for (size_t k = 0; k < g->nnames[d]; k++) free((char *)g->names[d][k]);
    free(g->names[d]);
    free(g->dims[d]);
  }
  free(g->dims);
  free(g->names);
  free(g->nnames);
  free(g->rows);
  free(g);
}

static int add(sv_groups *g, char *outlet, size_t on, char *dim, size_t dn, char *grp, size_t gn) {
  size_t d;
  for (d = 0; d < g->ndims; d++)
    if (strlen(g->dims[d]) == dn && memcmp(g->dims[d], dim, dn) == 0) break;
  if (d == g->ndims) {
    if (g->ndims >= 8) return -1;
    char **dims = realloc(g->dims, (d + 1) * sizeof(*dims));
    if (!dims) return -1;
    g->dims = dims;
    const char ***names = realloc(g->names, (d + 1) * sizeof(*names));
    if (!names) return -1;
    g->names = names;
    size_t *nn = realloc(g->nnames, (d + 1) * sizeof(*nn));
    if (!nn) return -1;
    g->nnames = nn;
    if (!(g->dims[d] = dup_n(dim, dn))) return -1;
    g->names[d] = NULL;
    g->nnames[d] = 0;
    g->ndims++;
  }
  size_t k;
  for (k = 0; k < g->nnames[d]; k++)
    if (strlen(g->names[d][k]) == gn && memcmp(g->names[d][k], grp, gn) == 0) break;
  if (k == g->nnames[d]) {
    if (k >= 64) return -1;
    const char **nm = realloc(g->names[d], (k + 1) * sizeof(*nm));
    if (!nm) return -1;
    g->names[d] = nm;
    if (!(nm[k] = dup_n(grp, gn))) return -1;
    g->nnames[d]++;
  }
  row *rows = realloc(g->rows, (g->nrows + 1) * sizeof(*rows));
  if (!rows) return -1;
  g->rows = rows;
  row *r = &g->rows[g->nrows];
  if (!(r->outlet = dup_n(outlet, on))) return -1;
  r->dim = d;
  r->group = g->names[d][k];
  g->nrows++;
  return 0;
}

int sv_groups_load(const char *path, sv_groups **out, char *err, size_t nerr) {
  *out = NULL;
  FILE *f = fopen(path, "r");
  if (!f) {
    snprintf(err, nerr, "%s: cannot open the outlet groups file", path);
    return -1;
  }
  sv_groups *g = calloc(1, sizeof(*g));
  char line[4096];
  long ln = 0;
  int rc = g ? 0 : -1;
  while (rc == 0 && fgets(line, sizeof(line), f)) {
    ln++;
    char *p = line;
    size_t n = strlen(p);
    trim(&p, &n);
    if (n == 0 || p[0] == '#') continue;
    char *t1 = memchr(p, '\t', n);
    char *t2 = t1 ? memchr(t1 + 1, '\t', n - (size_t)(t1 + 1 - p)) : NULL;
    if (!t1 || !t2) {
      snprintf(err, nerr, "%s:%ld: expected outlet<TAB>dimension<TAB>group", path, ln);
      rc = -1;
      break;
    }
    char *o = p, *d = t1 + 1, *gr = t2 + 1;
    size_t on = (size_t)(t1 - p), dn = (size_t)(t2 - d), gn = (size_t)(p + n - gr);
    trim(&o, &on);
    trim(&d, &dn);
    trim(&gr, &gn);
    if (!on || !dn || !gn) {
      snprintf(err, nerr, "%s:%ld: empty outlet, dimension or group", path, ln);
      rc = -1;
      break;
    }
    if (add(g, o, on, d, dn, gr, gn)) {
      snprintf(err, nerr, "%s:%ld: too many dimensions (8) or groups (64), or out of memory",
               path, ln);
      rc = -1;
    }
  }
  fclose(f);
  if (rc) {
    sv_groups_free(g);
    return -1;
  }
  *out = g;
  return 0;
}

size_t sv_groups_dims(const sv_groups *g) { return g ? g->ndims : 0; }
const char *sv_groups_dim(const sv_groups *g, size_t d) { return g->dims[d]; }

const char *sv_groups_of(const sv_groups *g, size_t d, const char *outlet, size_t n) {
  if (!g) return NULL;
  for (size_t i = 0; i < g->nrows; i++)
    if (g->rows[i].dim == d && strlen(g->rows[i].outlet) == n && memcmp(g->rows[i].outlet, outlet, n) == 0)
      return g->rows[i].group;
  return NULL;
}

size_t sv_groups_names(const sv_groups *g, size_t d, const char ***names) {
  *names = g->names[d];
  return g->nnames[d];
}
