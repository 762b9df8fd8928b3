/*
 * md.c - the comparison as Markdown, for a note or an issue: an article
 * table, shared facts as lists of each outlet's sentence, unique facts per
 * outlet, quote variants and numeric discrepancies as tables, entities.
 */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

static void tag(px__w *w, const px_comparison *c, uint32_t a) {
  px__w_printf(w, "**[%u] ", a + 1);
  px__w_md(w, c->art[a].label.ptr, c->art[a].label.len);
  px__w_puts(w, "**");
}

static void mdstr(px__w *w, px_str s) { px__w_md(w, s.ptr, s.len); }

void px__report_md(const px_comparison *c, px__w *w) {
  char tb[40];
  px__w_printf(w, "# Comparison of %zu articles from %zu outlets\n\n", c->nart, c->noutlet);
  px__w_printf(w,
               "%zu facts are reported by two outlets or more, %zu by one only; %zu numeric "
               "discrepancies.\n\n",
               c->nshared, c->nfact - c->nshared, c->ndisc);
  px__w_puts(w, "| # | Outlet | Published | Dateline | Title | Sentences | Unique | Wire copy |\n");
  px__w_puts(w, "|---|---|---|---|---|---|---|---|\n");
  for (size_t i = 0; i < c->nart; i++) {
    const px__cart *a = &c->art[i];
    px__w_printf(w, "| %zu | ", i + 1);
    mdstr(w, a->label);
    px__w_puts(w, " | ");
    if (a->has_time) {
      px__fmt_time(a->published, false, tb, sizeof tb);
      px__w_puts(w, tb);
    }
    px__w_puts(w, " | ");
    mdstr(w, a->place);
    px__w_puts(w, " | ");
    mdstr(w, a->title);
    px__w_printf(w, " | %u | %u | ", a->nsent, a->nunique);
    if (a->wire_share >= 0) px__w_printf(w, "%.0f%%", a->wire_share * 100);
    px__w_puts(w, " |\n");
  }
  uint32_t *order = NULL;
  if (px__fact_order(c, &order)) {
    w->err = PX_ENOMEM;
    return;
  }
  px__w_puts(w, "\n## Reported by several outlets\n");
  if (!c->nshared) px__w_puts(w, "\nNo fact is reported by more than one outlet.\n");
  for (size_t k = 0; k < c->nfact; k++) {
    const px__cfact *fa = &c->fact[order[k]];
    if (fa->noutlets < 2) break;
    px__w_printf(w, "\n### Fact %u (%u outlets", order[k] + 1, fa->noutlets);
    if (fa->earliest != UINT32_MAX) {
      px__fmt_time(c->art[c->mem[fa->earliest].art].published, false, tb, sizeof tb);
      px__w_printf(w, "; first: %s, ", tb);
      mdstr(w, c->art[c->mem[fa->earliest].art].label);
    }
    px__w_puts(w, ")\n\n");
    for (uint32_t j = fa->first; j < fa->first + fa->count; j++) {
      const px__cmember *m = &c->mem[j];
      px__w_puts(w, "- ");
      tag(w, c, m->art);
      px__w_puts(w, ": ");
      mdstr(w, px__span(c, m->art, m->start, m->end));
      px__w_raw(w, "\n", 1);
    }
  }
  free(order);
  px__w_puts(w, "\n## Reported by one outlet only\n");
  for (size_t i = 0; i < c->nart; i++) {
    const px__cart *a = &c->art[i];
    px__w_puts(w, "\n");
    tag(w, c, (uint32_t)i);
    px__w_printf(w, " (%u)\n\n", a->nunique);
    for (uint32_t s = 0; s < a->nsent; s++) {
      if (c->fact[c->sent_fact[a->sent_first + s]].noutlets > 1) continue;
      const px__sentence *se = &a->tx->sent[s];
      px__w_puts(w, "- ");
      mdstr(w, px__span(c, (uint32_t)i, se->start, se->end));
      px__w_raw(w, "\n", 1);
    }
  }
  px__w_puts(w, "\n## Quotes\n\n| Speaker | Outlet | Kind | Rendering |\n|---|---|---|---|\n");
  for (size_t q = 0; q < c->nquote; q++) {
    const px__cquote *cq = &c->quote[q];
    if (cq->noutlets < 2 && c->noutlet > 1) continue;
    for (uint32_t j = cq->first; j < cq->first + cq->count; j++) {
      const px__cqmember *m = &c->qmem[j];
      px__w_puts(w, "| ");
      if (j == cq->first) {
        if (cq->name.len) mdstr(w, cq->name);
        else px__w_puts(w, "(unknown)");
      }
      px__w_puts(w, " | ");
      tag(w, c, m->art);
      px__w_printf(w, " | %s | ", px__qkind_name(m));
      mdstr(w, px__span(c, m->art, m->start, m->end));
      px__w_puts(w, " |\n");
    }
  }
  px__w_puts(w, "\n## Numbers that differ\n\n");
  if (!c->ndisc) px__w_puts(w, "None found.\n");
  else px__w_puts(w, "| Fact | Unit | Outlet | As written |\n|---|---|---|---|\n");
  for (size_t d = 0; d < c->ndisc; d++) {
    const px__cdisc *cd = &c->disc[d];
    for (uint32_t j = cd->first; j < cd->first + cd->count; j++) {
      const px__cdval *v = &c->dval[j];
      if (j == cd->first) {
        px__w_printf(w, "| %u | ", cd->fact + 1);
        mdstr(w, cd->unit);
      } else {
        px__w_puts(w, "| |");
      }
      px__w_puts(w, " | ");
      tag(w, c, v->art);
      px__w_puts(w, " | ");
      mdstr(w, px__span(c, v->art, v->start, v->end));
      px__w_puts(w, " |\n");
    }
  }
  px__w_puts(w, "\n## Who is mentioned by whom\n\n| Entity | Type | Outlets | Variants |\n|---|---|---|---|\n");
  for (size_t e = 0; e < c->nent && e < 50; e++) {
    const px__centity *ce = &c->ent[e];
    px__w_puts(w, "| ");
    mdstr(w, ce->name);
    px__w_printf(w, " | %s | %u/%zu | ", px_entity_type_name((px_entity_type)ce->type), ce->noutlets,
                 c->noutlet);
    for (uint32_t v = 0; v < ce->nvar && v < 6; v++) {
      if (v) px__w_puts(w, ", ");
      mdstr(w, c->var[ce->var_first + v]);
    }
    px__w_puts(w, " |\n");
  }
  if (c->nwarn) {
    px__w_puts(w, "\n## Warnings\n\n");
    for (size_t i = 0; i < c->nwarn; i++) {
      px__w_puts(w, "- ");
      mdstr(w, c->warn[i]);
      px__w_raw(w, "\n", 1);
    }
  }
}
