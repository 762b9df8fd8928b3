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

/* The editor's brief (see text.c), as Markdown. */
static void brief_md(const px_comparison *c, const px_report_opts *o, px__w *w, const px__brief *b) {
  char tb[40], tb2[40];
  const px__cart *lead = &c->art[b->lead];
  px__w_puts(w, "# ");
  mdstr(w, lead->title.len ? lead->title : lead->label);
  px__w_printf(w, "\n\n%zu articles from %zu outlets", c->nart, c->noutlet);
  if (b->has_time) {
    px__fmt_time(b->t_first, false, tb, sizeof tb);
    px__fmt_time(b->t_last, false, tb2, sizeof tb2);
    px__w_printf(w, ", %s%s%s", tb, b->t_first != b->t_last ? " to " : "", b->t_first != b->t_last ? tb2 : "");
  }
  px__w_puts(w, ".\n\n");
  for (size_t i = 0; i < c->nart; i++) {
    px_str url = px__art_url(c, (uint32_t)i);
    px__w_printf(w, "- [%zu] ", i + 1);
    if (url.len) {
      px__w_puts(w, "[");
      mdstr(w, c->art[i].label);
      px__w_puts(w, "](");
      px__w_md(w, url.ptr, url.len);
      px__w_puts(w, ")");
    } else {
      mdstr(w, c->art[i].label);
    }
    if (c->art[i].title.len) {
      px__w_puts(w, ": ");
      mdstr(w, c->art[i].title);
    }
    px__w_puts(w, "\n");
  }
  px__w_puts(w, "\n## Core facts\n\n");
  if (!b->ncore) px__w_puts(w, "No fact is reported by more than one outlet.\n");
  for (size_t k = 0; k < b->ncore; k++) {
    const px__cmember *m = &c->mem[px__brief_member(c, b, b->core[k])];
    px__w_printf(w, "%zu. **%u/%zu outlets** ", k + 1, c->fact[b->core[k]].sure, c->noutlet);
    px_str who = px__brief_core_speaker(c, b, k);
    if (who.len) {
      mdstr(w, who);
      px__w_puts(w, ": ");
    }
    mdstr(w, px__shown(px__span(c, m->art, m->start, m->end)));
    px__w_puts(w, "\n");
  }
  px__w_puts(w, "\n## What each outlet alone adds\n\n");
  for (size_t i = 0; i < c->nart; i++) {
    if (!b->nalone[i]) continue;
    tag(w, c, (uint32_t)i);
    px__w_puts(w, "\n\n");
    for (uint32_t k = 0; k < b->nalone[i]; k++) {
      const px__sentence *se = &c->art[i].tx->sent[b->alone[i * b->top + k]];
      px__w_puts(w, "- ");
      mdstr(w, px__shown(px__span(c, (uint32_t)i, se->start, se->end)));
      px__w_puts(w, "\n");
    }
    px__w_puts(w, "\n");
  }
  px__w_puts(w, "## Quote variants\n\n");
  size_t shown = 0;
  for (size_t q = 0; q < c->nquote && shown < b->top; q++) {
    const px__cquote *cq = &c->quote[q];
    if (cq->noutlets < 2) continue;
    shown++;
    px__w_puts(w, "- **");
    if (cq->name.len) mdstr(w, cq->name);
    else px__w_puts(w, "speaker not named");
    px__w_printf(w, "**, %u outlets:", cq->noutlets);
    for (uint32_t j = cq->first; j < cq->first + cq->count && j < cq->first + b->top; j++) {
      const px__cqmember *m = &c->qmem[j];
      px__w_puts(w, j > cq->first ? "; " : " ");
      mdstr(w, c->art[m->art].label);
      px__w_printf(w, " (%s", px__qkind_name(m));
      if (m->times > 1) px__w_printf(w, ", %u times", m->times);
      if (!px__str_same(m->speaker, cq->name)) {
        px__w_puts(w, ", ");
        if (m->speaker.len) mdstr(w, m->speaker);
        else px__w_puts(w, "speaker not named");
      }
      px__w_puts(w, ") ");
      mdstr(w, px__quote_text(w, c, m));
    }
    px__w_puts(w, "\n");
  }
  if (!shown) px__w_puts(w, "No remark is quoted by more than one outlet.\n");
  px__qconf_groups cg = {0};
  if (c->nqconf && px__qconf_group(c, &cg) != PX_OK) w->err = w->err ? w->err : PX_ENOMEM;
  if (cg.n) px__w_puts(w, "\n## Contradicting attributions\n\n");
  for (size_t k = 0; k < cg.n && k < b->top; k++) {
    px__w_puts(w, "-");
    for (uint32_t e = cg.start[k]; e < cg.start[k + 1]; e++) {
      const px__cqmember *m = &c->qmem[cg.mem[e]];
      px__w_puts(w, e > cg.start[k] ? "; " : " ");
      mdstr(w, c->art[m->art].label);
      px__w_puts(w, " gives it to **");
      mdstr(w, m->speaker);
      px__w_puts(w, "**: ");
      mdstr(w, px__quote_text(w, c, m));
    }
    px__w_puts(w, "\n");
  }
  px__qconf_release(&cg);
  px__w_puts(w, "\n## Disputes\n\n");
  if (!c->ndisc) px__w_puts(w, "No number differs between outlets reporting the same fact.\n");
  for (size_t d = 0; d < c->ndisc && d < b->top; d++) {
    const px__cdisc *cd = &c->disc[d];
    px__w_printf(w, "%zu. **", d + 1);
    mdstr(w, cd->unit);
    px__w_printf(w, "** (fact %u):", cd->fact + 1);
    for (uint32_t j = cd->first; j < cd->first + cd->count; j++) {
      const px__cdval *v = &c->dval[j];
      px__w_puts(w, j > cd->first ? "; " : " ");
      mdstr(w, c->art[v->art].label);
      px__w_puts(w, " ");
      mdstr(w, px__span(c, v->art, v->start, v->end));
    }
    px__w_puts(w, "\n");
  }
  if (!o->full) px__w_puts(w, "\n*Every fact, quote and entity: `--full`.*\n");
}

void px__report_md(const px_comparison *c, const px_report_opts *o, px__w *w) {
  char tb[40];
  px__brief b;
  if (px__brief_make(c, (size_t)o->top, &b)) {
    w->err = PX_ENOMEM;
    return;
  }
  brief_md(c, o, w, &b);
  px__brief_release(&b);
  if (!o->full) return;
  px__w_printf(w, "\n# Full detail: %zu articles from %zu outlets\n\n", c->nart, c->noutlet);
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
      mdstr(w, px__shown(px__span(c, (uint32_t)i, se->start, se->end)));
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
      mdstr(w, px__quote_text(w, c, m));
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
