/*
 * text.c - the comparison for a terminal: articles, shared facts (most
 * outlets first) with each outlet's sentence, what only one outlet reports,
 * quote variants, numbers that differ, entity coverage, warnings.  Wrapped
 * to the given width; ANSI colour only when asked.
 */
#include "report/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tx {
  px__w *w;
  int width;
  bool color;
} tx;

static void sgr(tx *t, const char *code) {
  if (t->color) px__w_printf(t->w, "\033[%sm", code);
}

static size_t cols(const char *p, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)p[i] & 0xC0) != 0x80) c++;
  return c;
}

/* Write s wrapped: the first line continues at column col, later lines
 * start with indent spaces. */
static void wrap(tx *t, px_str s, size_t col, size_t indent) {
  size_t width = (size_t)t->width;
  size_t i = 0;
  /* text that begins with a space continues what is already on the line
   * (" · 2024-03-02" after an outlet's name): the space is kept */
  bool line_start = !(col > 0 && s.len && s.ptr[0] == ' ');
  while (i < s.len) {
    while (i < s.len && (s.ptr[i] == ' ' || s.ptr[i] == '\n' || s.ptr[i] == '\t')) i++;
    size_t j = i;
    while (j < s.len && s.ptr[j] != ' ' && s.ptr[j] != '\n' && s.ptr[j] != '\t') j++;
    if (j == i) break;
    size_t wc = cols(s.ptr + i, j - i);
    if (!line_start && col + 1 + wc > width) {
      px__w_raw(t->w, "\n", 1);
      for (size_t k = 0; k < indent; k++) px__w_raw(t->w, " ", 1);
      col = indent;
      line_start = true;
    }
    if (!line_start) {
      px__w_raw(t->w, " ", 1);
      col++;
    }
    px__w_raw(t->w, s.ptr + i, j - i);
    col += wc;
    line_start = false;
    i = j;
  }
  px__w_raw(t->w, "\n", 1);
}

/* A note in brackets, indented and wrapped. */
static void note(tx *t, const char *s) {
  px__w_raw(t->w, "  ", 2);
  wrap(t, (px_str){s, strlen(s)}, 2, 3);
}

static void heading(tx *t, const char *s) {
  px__w_raw(t->w, "\n", 1);
  sgr(t, "1");
  px__w_puts(t->w, s);
  sgr(t, "0");
  px__w_raw(t->w, "\n", 1);
}

/* "[n] Outlet"; @return the columns it takes. */
static size_t art_tag(tx *t, const px_comparison *c, uint32_t a) {
  char num[16];
  int n = snprintf(num, sizeof num, "[%u] ", a + 1);
  sgr(t, "36");
  px__w_raw(t->w, num, (size_t)n);
  px__w_str(t->w, c->art[a].label);
  sgr(t, "0");
  return (size_t)n + cols(c->art[a].label.ptr, c->art[a].label.len);
}

/* The editor's brief: the story (headline, dates, outlets with links),
 * the core facts, what each outlet alone adds, quote variants, disputes;
 * each section bounded by o->top. */
static void brief_text(const px_comparison *c, const px_report_opts *o, tx *t, const px__brief *b) {
  px__w *w = t->w;
  char tb[40], tb2[40], line[512];
  const px__cart *lead = &c->art[b->lead];
  sgr(t, "1");
  wrap(t, lead->title.len ? lead->title : lead->label, 0, 0);
  sgr(t, "0");
  int n = snprintf(line, sizeof line, "%zu article%s from %zu outlet%s", c->nart, c->nart == 1 ? "" : "s",
                   c->noutlet, c->noutlet == 1 ? "" : "s");
  if (b->has_time) {
    px__fmt_time(b->t_first, false, tb, sizeof tb);
    px__fmt_time(b->t_last, false, tb2, sizeof tb2);
    n += snprintf(line + n, sizeof line - (size_t)n, " · %s%s%s", tb, b->t_first != b->t_last ? " to " : "",
                  b->t_first != b->t_last ? tb2 : "");
  }
  if ((size_t)n >= sizeof line) n = (int)sizeof line - 1;
  wrap(t, (px_str){line, (size_t)n}, 0, 0);
  for (size_t i = 0; i < c->nart; i++) {
    const px__cart *a = &c->art[i];
    px__w_raw(w, "  ", 2);
    size_t at = 2 + art_tag(t, c, (uint32_t)i);
    px_str url = px__art_url(c, (uint32_t)i);
    n = 0;
    if (a->has_time) {
      px__fmt_time(a->published, false, tb, sizeof tb);
      n += snprintf(line, sizeof line, " · %s", tb);
    }
    if (url.len && (size_t)n < sizeof line)
      n += snprintf(line + n, sizeof line - (size_t)n, " · %.*s", (int)(url.len < 300 ? url.len : 300), url.ptr);
    if ((size_t)n >= sizeof line) n = (int)sizeof line - 1;
    wrap(t, (px_str){line, (size_t)n}, at, 6);
  }
  heading(t, "Core facts");
  if (!b->ncore) note(t, "(no fact is reported by more than one outlet)");
  for (size_t k = 0; k < b->ncore; k++) {
    const px__cfact *fa = &c->fact[b->core[k]];
    const px__cmember *m = &c->mem[px__brief_member(c, b, b->core[k])];
    n = snprintf(line, sizeof line, "  %zu. [%u/%zu outlets] ", k + 1, fa->sure, c->noutlet);
    px_str who = px__brief_core_speaker(c, b, k);
    if (who.len && who.len < 200)
      n += snprintf(line + n, sizeof line - (size_t)n, "%.*s: ", (int)who.len, who.ptr);
    px__w_raw(w, line, (size_t)n);
    wrap(t, px__shown(px__span(c, m->art, m->start, m->end)), (size_t)n, 6);
  }
  heading(t, "What each outlet alone adds");
  bool any = false;
  for (size_t i = 0; i < c->nart; i++) {
    if (!b->nalone[i]) continue;
    any = true;
    px__w_raw(w, "  ", 2);
    art_tag(t, c, (uint32_t)i);
    px__w_printf(w, " (%u unique)\n", c->art[i].nunique);
    for (uint32_t k = 0; k < b->nalone[i]; k++) {
      const px__sentence *se = &c->art[i].tx->sent[b->alone[i * b->top + k]];
      px__w_puts(w, "    - ");
      wrap(t, px__shown(px__span(c, (uint32_t)i, se->start, se->end)), 6, 6);
    }
  }
  if (!any) note(t, "(nothing of substance only one outlet reports)");
  heading(t, "Quote variants");
  size_t shown = 0;
  for (size_t q = 0; q < c->nquote && shown < b->top; q++) {
    const px__cquote *cq = &c->quote[q];
    if (cq->noutlets < 2) continue;
    shown++;
    px__w_raw(w, "  ", 2);
    sgr(t, "33");
    if (cq->name.len) px__w_str(w, cq->name);
    else px__w_puts(w, "(speaker not named)");
    sgr(t, "0");
    px__w_printf(w, " · %u outlets\n", cq->noutlets);
    for (uint32_t j = cq->first; j < cq->first + cq->count && j < cq->first + b->top; j++) {
      const px__cqmember *m = &c->qmem[j];
      px__w_raw(w, "    ", 4);
      size_t at = 4 + art_tag(t, c, m->art);
      const char *kind = px__qkind_name(m);
      n = snprintf(line, sizeof line, " %s", kind);
      if (m->times > 1) n += snprintf(line + n, sizeof line - (size_t)n, " (%u times)", m->times);
      if (!px__str_same(m->speaker, cq->name)) {
        px_str sp = m->speaker.len ? m->speaker : (px_str){"speaker not named", 17};
        n += snprintf(line + n, sizeof line - (size_t)n, " (%.*s)", (int)(sp.len < 80 ? sp.len : 80), sp.ptr);
      }
      if ((size_t)n >= sizeof line) n = (int)sizeof line - 1;
      px__w_raw(w, line, (size_t)n);
      px__w_puts(w, ": ");
      wrap(t, px__quote_text(w, c, m), at + (size_t)n + 2, 6);
    }
  }
  if (!shown) note(t, "(no remark quoted by more than one outlet)");
  px__qconf_groups cg = {0};
  if (c->nqconf && px__qconf_group(c, &cg) != PX_OK) w->err = w->err ? w->err : PX_ENOMEM;
  if (cg.n) {
    heading(t, "Contradicting attributions (the same words, different speakers)");
    for (size_t k = 0; k < cg.n && k < b->top; k++)
      for (uint32_t e = cg.start[k]; e < cg.start[k + 1]; e++) {
        const px__cqmember *m = &c->qmem[cg.mem[e]];
        px__w_raw(w, e > cg.start[k] ? "    " : "  - ", 4);
        size_t at = 4 + art_tag(t, c, m->art);
        n = snprintf(line, sizeof line, " gives it to %.*s: ", (int)(m->speaker.len < 80 ? m->speaker.len : 80),
                     m->speaker.ptr ? m->speaker.ptr : "");
        if ((size_t)n >= sizeof line) n = (int)sizeof line - 1;
        px__w_raw(w, line, (size_t)n);
        wrap(t, px__quote_text(w, c, m), at + (size_t)n, 6);
      }
  }
  px__qconf_release(&cg);
  heading(t, "Disputes");
  if (!c->ndisc) note(t, "(no number differs between outlets reporting the same fact)");
  for (size_t d = 0; d < c->ndisc && d < b->top; d++) {
    const px__cdisc *cd = &c->disc[d];
    int hn = snprintf(line, sizeof line, "  %zu. ", d + 1);
    px__w_raw(w, line, (size_t)hn);
    n = snprintf(line, sizeof line, "%.*s (fact %u, %u outlets):", (int)(cd->unit.len < 60 ? cd->unit.len : 60),
                 cd->unit.ptr, cd->fact + 1, c->fact[cd->fact].noutlets);
    for (uint32_t j = cd->first; j < cd->first + cd->count && (size_t)n < sizeof line; j++) {
      const px__cdval *v = &c->dval[j];
      px_str sp = px__span(c, v->art, v->start, v->end);
      n += snprintf(line + n, sizeof line - (size_t)n, "%s %.*s %.*s", j > cd->first ? ";" : "",
                    (int)(c->art[v->art].label.len < 60 ? c->art[v->art].label.len : 60), c->art[v->art].label.ptr,
                    (int)(sp.len < 60 ? sp.len : 60), sp.ptr);
    }
    if ((size_t)n >= sizeof line) n = (int)sizeof line - 1;
    wrap(t, (px_str){line, (size_t)n}, (size_t)hn, 6);
  }
  if (!o->full) {
    if (c->nwarn) {
      heading(t, "Warnings");
      for (size_t i = 0; i < c->nwarn; i++) {
        px__w_puts(w, "  ! ");
        wrap(t, c->warn[i], 4, 4);
      }
    }
    px__w_raw(w, "\n", 1);
    note(t, "(every fact, quote and entity: --full)");
  }
}

void px__report_text(const px_comparison *c, const px_report_opts *o, px__w *w) {
  tx t0 = {w, o->width, o->color != 0};
  px__brief b;
  if (px__brief_make(c, (size_t)o->top, &b)) {
    w->err = PX_ENOMEM;
    return;
  }
  brief_text(c, o, &t0, &b);
  px__brief_release(&b);
  if (!o->full) return;
  heading(&t0, "Full detail");
  tx t = {w, o->width, o->color != 0};
  char tb[40], line[512];
  size_t nq_multi = 0;
  for (size_t q = 0; q < c->nquote; q++)
    if (c->quote[q].noutlets > 1) nq_multi++;
  snprintf(line, sizeof line,
           "%zu articles from %zu outlets: %zu facts shared by two outlets or more, %zu "
           "reported by one only; %zu remarks quoted by several outlets; %zu numeric "
           "discrepancies.",
           c->nart, c->noutlet, c->nshared, c->nfact - c->nshared, nq_multi, c->ndisc);
  wrap(&t, (px_str){line, strlen(line)}, 0, 0);

  heading(&t, "Articles");
  for (size_t i = 0; i < c->nart; i++) {
    const px__cart *a = &c->art[i];
    px__w_raw(w, "  ", 2);
    size_t at = 2 + art_tag(&t, c, (uint32_t)i);
    int n = 0;
    if (a->has_time) {
      px__fmt_time(a->published, false, tb, sizeof tb);
      n += snprintf(line + n, sizeof line - (size_t)n, " · %s", tb);
    }
    if (a->place.len && (size_t)n < sizeof line)
      n += snprintf(line + n, sizeof line - (size_t)n, " · from %.*s", (int)(a->place.len < 80 ? a->place.len : 80), a->place.ptr);
    if ((size_t)n < sizeof line)
      n += snprintf(line + n, sizeof line - (size_t)n, " · %u sentences, %u unique", a->nsent, a->nunique);
    if (a->wire_share >= 0 && (size_t)n < sizeof line)
      n += snprintf(line + n, sizeof line - (size_t)n, " · wire copy %.0f%%", a->wire_share * 100);
    if ((size_t)n >= sizeof line) n = (int)sizeof line - 1;
    wrap(&t, (px_str){line, (size_t)n}, at, 6);
    if (a->title.len) {
      px__w_puts(w, "      ");
      wrap(&t, a->title, 6, 6);
    }
  }

  uint32_t *order = NULL;
  if (px__fact_order(c, &order)) {
    w->err = PX_ENOMEM;
    return;
  }
  heading(&t, "Reported by several outlets");
  if (c->nshared == 0) note(&t, "(no fact is reported by more than one outlet)");
  for (size_t k = 0; k < c->nfact; k++) {
    const px__cfact *fa = &c->fact[order[k]];
    if (fa->noutlets < 2) break;
    px__w_raw(w, "\n  ", 3);
    sgr(&t, "32");
    px__w_printf(w, "fact %u ", order[k] + 1);
    sgr(&t, "0");
    int n = snprintf(line, sizeof line, "· %u outlets", fa->noutlets);
    if (fa->earliest != UINT32_MAX) {
      const px__cart *ea = &c->art[c->mem[fa->earliest].art];
      px__fmt_time(ea->published, false, tb, sizeof tb);
      n += snprintf(line + n, sizeof line - (size_t)n, " · first: %s (%.*s)", tb,
                    (int)(ea->label.len < 200 ? ea->label.len : 200), ea->label.ptr);
    }
    if ((size_t)n >= sizeof line) n = (int)sizeof line - 1;
    char head[32];
    int hn = snprintf(head, sizeof head, "fact %u ", order[k] + 1);
    wrap(&t, (px_str){line, (size_t)n}, 2 + (size_t)hn, 6);
    for (uint32_t j = fa->first; j < fa->first + fa->count; j++) {
      const px__cmember *m = &c->mem[j];
      px__w_raw(w, "    ", 4);
      size_t at = 4 + art_tag(&t, c, m->art);
      px__w_raw(w, " ", 1);
      wrap(&t, px__span(c, m->art, m->start, m->end), at + 1, 6);
    }
  }
  heading(&t, "Reported by one outlet only");
  for (size_t i = 0; i < c->nart; i++) {
    const px__cart *a = &c->art[i];
    px__w_raw(w, "  ", 2);
    art_tag(&t, c, (uint32_t)i);
    px__w_printf(w, " (%u)\n", a->nunique);
    for (uint32_t s = 0; s < a->nsent; s++) {
      const px__cfact *fa = &c->fact[c->sent_fact[a->sent_first + s]];
      if (fa->noutlets > 1 || fa->furniture) continue;
      const px__sentence *se = &a->tx->sent[s];
      px__w_puts(w, "    - ");
      wrap(&t, px__span(c, (uint32_t)i, se->start, se->end), 6, 6);
    }
  }
  free(order);

  heading(&t, "Quotes");
  size_t shown = 0;
  for (size_t q = 0; q < c->nquote; q++) {
    const px__cquote *cq = &c->quote[q];
    if (cq->noutlets < 2 && c->noutlet > 1) continue;
    shown++;
    px__w_raw(w, "  ", 2);
    sgr(&t, "33");
    if (cq->name.len) px__w_str(w, cq->name);
    else px__w_puts(w, "(speaker unknown)");
    sgr(&t, "0");
    px__w_printf(w, " · %u outlets\n", cq->noutlets);
    for (uint32_t j = cq->first; j < cq->first + cq->count; j++) {
      const px__cqmember *m = &c->qmem[j];
      px__w_raw(w, "    ", 4);
      size_t at = 4 + art_tag(&t, c, m->art);
      const char *kind = px__qkind_name(m);
      px__w_printf(w, " %s", kind);
      size_t extra = 0, rep = 0;
      if (m->times > 1) {
        char rb[32];
        int tn = snprintf(rb, sizeof rb, " (%u times)", m->times);
        px__w_raw(w, rb, (size_t)tn);
        rep = (size_t)tn;
      }
      /* each rendering's own speaker, where it is not the remark's name */
      if (!px__str_same(m->speaker, cq->name)) {
        if (m->speaker.len) px__w_printf(w, " (%.*s)", (int)(m->speaker.len < 80 ? m->speaker.len : 80), m->speaker.ptr);
        else px__w_puts(w, " (speaker not named)");
        extra = m->speaker.len ? (m->speaker.len < 80 ? m->speaker.len : 80) + 3 : 20;
      }
      extra += rep;
      px__w_puts(w, ": ");
      wrap(&t, px__quote_text(w, c, m), at + strlen(kind) + 3 + extra, 6);
    }
  }
  if (!shown) note(&t, "(no remark quoted by more than one outlet)");

  heading(&t, "Numbers that differ");
  if (!c->ndisc) note(&t, "(none found)");
  for (size_t d = 0; d < c->ndisc; d++) {
    const px__cdisc *cd = &c->disc[d];
    px__w_printf(w, "  fact %u, ", cd->fact + 1);
    sgr(&t, "31");
    px__w_str(w, cd->unit);
    sgr(&t, "0");
    px__w_raw(w, ":\n", 2);
    for (uint32_t j = cd->first; j < cd->first + cd->count; j++) {
      const px__cdval *v = &c->dval[j];
      px__w_raw(w, "    ", 4);
      art_tag(&t, c, v->art);
      px__w_raw(w, "  ", 2);
      px__w_str(w, px__span(c, v->art, v->start, v->end));
      px__w_raw(w, "\n", 1);
    }
  }

  heading(&t, "Who is mentioned by whom");
  size_t lim = c->nent < 25 ? c->nent : 25;
  for (size_t e = 0; e < lim; e++) {
    const px__centity *ce = &c->ent[e];
    int n = snprintf(line, sizeof line, "%.*s (%s) · %u/%zu outlets",
                     (int)(ce->name.len < 200 ? ce->name.len : 200), ce->name.ptr,
                     px_entity_type_name((px_entity_type)ce->type), ce->noutlets, c->noutlet);
    if (ce->nvar > 1) {
      n += snprintf(line + n, sizeof line - (size_t)n, " · as");
      for (uint32_t v = 0; v < ce->nvar && v < 5 && (size_t)n < sizeof line; v++) {
        px_str vs = c->var[ce->var_first + v];
        n += snprintf(line + n, sizeof line - (size_t)n, "%s %.*s", v ? "," : "",
                      (int)(vs.len < 80 ? vs.len : 80), vs.ptr);
      }
    }
    if (ce->noutlets < c->noutlet && ce->noutlets * 2 >= c->noutlet) {
      /* Mostly covered: name who leaves it out. */
      n += snprintf(line + n, sizeof line - (size_t)n, " · not in:");
      for (size_t o2 = 0; o2 < c->noutlet && (size_t)n < sizeof line; o2++) {
        bool in = false;
        for (uint32_t k = 0; k < ce->nart && !in; k++) in = c->art[c->eart[ce->art_first + k]].outlet == o2;
        if (!in)
          n += snprintf(line + n, sizeof line - (size_t)n, " %.*s",
                        (int)(c->outlet[o2].len < 80 ? c->outlet[o2].len : 80), c->outlet[o2].ptr);
      }
    }
    if ((size_t)n >= sizeof line) n = (int)sizeof line - 1;
    px__w_raw(w, "  ", 2);
    wrap(&t, (px_str){line, (size_t)n}, 2, 6);
  }
  if (c->nent > lim) {
    snprintf(line, sizeof line, "... and %zu more (see --format json)", c->nent - lim);
    note(&t, line);
  }

  if (c->nwarn) {
    heading(&t, "Warnings");
    for (size_t i = 0; i < c->nwarn; i++) {
      px__w_puts(w, "  ! ");
      wrap(&t, c->warn[i], 4, 4);
    }
  }
}
