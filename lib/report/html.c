/*
 * html.c - the comparison as one self-contained HTML page (inline CSS and
 * a few lines of inline JS, nothing fetched): the outlets side by side, one
 * column per article with its sentences in order; a sentence of a shared
 * fact is highlighted and links to the same fact in the other columns
 * (clicking one lights up all of them); unique facts are marked.  Quote
 * variants and numeric discrepancies in tables.  Columns stack on a phone;
 * print CSS drops the controls and keeps the colours readable in grey.
 */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

static const char k_css[] =
    "body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:90rem;color:#1b1b1b;"
    "background:#fafafa;overflow-wrap:anywhere}"
    "header,section{padding:0 1rem}h1{font-size:1.35rem}h2{font-size:1.1rem;margin-top:1.6rem}"
    "table{border-collapse:collapse;width:100%;font-size:.9rem;table-layout:fixed}"
    "td,th{border:1px solid #ddd;padding:.3rem .45rem;vertical-align:top;text-align:left}"
    "th{background:#eee}"
    ".cols{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,17rem),1fr));gap:.6rem;"
    "padding:0 1rem}"
    ".col{min-width:0;background:#fff;border:1px solid #ddd;border-radius:6px;"
    "padding:.5rem .7rem}.col h3{font-size:.95rem;margin:.2rem 0 .4rem}"
    ".meta{color:#666;font-size:.8rem}.s{display:block;margin:.25rem 0;padding:.15rem .3rem;"
    "border-left:3px solid transparent;text-decoration:none;color:inherit}"
    ".shared{border-left-color:#3a8a3a}.unique{border-left-color:#c9a227}"
    ".furn{color:#999;font-size:.8rem}.hot{background:#ffe58a!important}"
    ".n{font-size:.7rem;color:#3a8a3a;margin-right:.3rem}.kind{font-size:.75rem;color:#555}"
    ".warn{color:#9a3412}.legend{font-size:.85rem;color:#444;border:1px solid #ddd;background:#fff;"
    "padding:.3rem .6rem;border-radius:6px}.legend span{margin-right:1rem;padding-left:.4rem}"
    ".core li{margin:.35rem 0}.core details div{margin:.2rem 0 .2rem 1rem;font-size:.92rem}.who{font-weight:600}"
    "summary{cursor:pointer}"
    "@media print{body{background:#fff;font-size:10pt;max-width:none}.cols{display:block}"
    ".col{break-inside:avoid;border:none;margin-bottom:1rem}details{display:block}"
    "details>*{display:block}.hot{background:none!important}.legend{display:none}"
    "a{color:inherit;text-decoration:none}}";

static const char k_js[] =
    "document.addEventListener('click',function(e){var t=e.target.closest('[data-f]');"
    "if(!t)return;var f=t.getAttribute('data-f');"
    "document.querySelectorAll('.hot').forEach(function(x){x.classList.remove('hot')});"
    "document.querySelectorAll('[data-f=\"'+f+'\"]').forEach(function(x){x.classList.add('hot')});"
    "});";

static void h(px__w *w, px_str s) { px__w_html(w, s.ptr, s.len); }

void px__report_html(const px_comparison *c, px__w *w) {
  char tb[40], tb2[40];
  px__brief b;
  if (px__brief_make(c, 5, &b)) {
    w->err = PX_ENOMEM;
    return;
  }
  const px__cart *lead = &c->art[b.lead];
  px__w_puts(w, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>");
  h(w, lead->title.len ? lead->title : lead->label);
  px__w_puts(w, "</title><style>");
  px__w_puts(w, k_css);
  px__w_puts(w, "</style></head><body><header><h1>");
  h(w, lead->title.len ? lead->title : lead->label);
  px__w_printf(w, "</h1><p>%zu articles from %zu outlets", c->nart, c->noutlet);
  if (b.has_time) {
    px__fmt_time(b.t_first, false, tb, sizeof tb);
    px__fmt_time(b.t_last, false, tb2, sizeof tb2);
    px__w_printf(w, ", %s%s%s", tb, b.t_first != b.t_last ? " to " : "", b.t_first != b.t_last ? tb2 : "");
  }
  px__w_printf(w, ": %zu facts reported by two outlets or more, %zu by one only, %zu disputed "
                  "numbers.</p><ul>",
               c->nshared, c->nfact - c->nshared - c->nfurniture, c->ndisc);
  for (size_t i = 0; i < c->nart; i++) {
    px_str url = px__art_url(c, (uint32_t)i);
    px__w_printf(w, "<li>[%zu] ", i + 1);
    if (url.len) {
      px__w_puts(w, "<a href=\"");
      h(w, url);
      px__w_puts(w, "\">");
    }
    h(w, c->art[i].label);
    if (url.len) px__w_puts(w, "</a>");
    if (c->art[i].title.len) {
      px__w_puts(w, ": ");
      h(w, c->art[i].title);
    }
    px__w_puts(w, "</li>");
  }
  px__w_puts(w, "</ul>");
  for (size_t i = 0; i < c->nwarn; i++) {
    px__w_puts(w, "<p class=\"warn\">");
    h(w, c->warn[i]);
    px__w_puts(w, "</p>");
  }
  px__w_puts(w, "</header><section class=\"core\"><h2>Core facts</h2><ol>");
  for (size_t k = 0; k < b.ncore; k++) {
    uint32_t f = b.core[k];
    const px__cfact *fa = &c->fact[f];
    const px__cmember *m0 = &c->mem[px__brief_member(c, &b, f)];
    px__w_printf(w, "<li><details><summary><b>%u/%zu outlets</b> ", fa->sure, c->noutlet);
    px_str who = px__brief_core_speaker(c, &b, k);
    if (who.len) {
      px__w_puts(w, "<span class=\"who\">");
      h(w, who);
      px__w_puts(w, ":</span> ");
    }
    h(w, px__shown(px__span(c, m0->art, m0->start, m0->end)));
    px__w_puts(w, "</summary>");
    for (uint32_t j = fa->first; j < fa->first + fa->count; j++) {
      const px__cmember *m = &c->mem[j];
      px__w_printf(w, "<div>[%u] ", m->art + 1);
      h(w, c->art[m->art].label);
      px__w_puts(w, ": ");
      h(w, px__shown(px__span(c, m->art, m->start, m->end)));
      px__w_puts(w, "</div>");
    }
    px__w_puts(w, "</details></li>");
  }
  if (!b.ncore) px__w_puts(w, "<li>No fact is reported by more than one outlet.</li>");
  px__w_puts(w, "</ol><h2>What each outlet alone adds</h2>");
  for (size_t i = 0; i < c->nart; i++) {
    if (!b.nalone[i]) continue;
    px__w_printf(w, "<h3>[%zu] ", i + 1);
    h(w, c->art[i].label);
    px__w_puts(w, "</h3><ul>");
    for (uint32_t k = 0; k < b.nalone[i]; k++) {
      const px__sentence *se = &c->art[i].tx->sent[b.alone[i * b.top + k]];
      px__w_puts(w, "<li>");
      h(w, px__shown(px__span(c, (uint32_t)i, se->start, se->end)));
      px__w_puts(w, "</li>");
    }
    px__w_puts(w, "</ul>");
  }
  px__w_puts(w, "</section>");
  px__brief_release(&b);
  px__w_puts(w, "<section><h2>Side by side</h2><p class=\"legend\">"
                "<span class=\"shared\">green bar: a fact other outlets report too (fact number · outlets)</span>"
                "<span class=\"unique\">gold bar: only this outlet</span>"
                "<span class=\"hot\">yellow: the fact you clicked, in every column</span>"
                "<span class=\"furn\">grey: page furniture (adverts, captions, links) and embedded posts (listed as quotes), not compared</span>"
                "</p></section><details open><summary style=\"padding:0 1rem\">every article, sentence by "
                "sentence</summary>");
  px__w_puts(w, "<div class=\"cols\">");
  for (size_t i = 0; i < c->nart; i++) {
    const px__cart *a = &c->art[i];
    px__w_printf(w, "<div class=\"col\" id=\"a%zu\"><h3>[%zu] ", i + 1, i + 1);
    h(w, a->label);
    px__w_puts(w, "</h3><div class=\"meta\">");
    h(w, a->title);
    if (a->has_time) {
      px__fmt_time(a->published, false, tb, sizeof tb);
      px__w_printf(w, "<br>%s", tb);
    }
    if (a->place.len) {
      px__w_puts(w, " · from ");
      h(w, a->place);
    }
    if (a->wire_share >= 0) px__w_printf(w, " · wire copy %.0f%%", a->wire_share * 100);
    px__w_printf(w, " · %u unique of %u</div>", a->nunique, a->nsent);
    if (a->flags & PX__CA_EMPTY) px__w_puts(w, "<p class=\"warn\">(empty article)</p>");
    for (uint32_t s = 0; s < a->nsent; s++) {
      uint32_t f = c->sent_fact[a->sent_first + s];
      const px__cfact *fa = &c->fact[f];
      const px__sentence *se = &a->tx->sent[s];
      if (fa->furniture) {
        px__w_puts(w, "<span class=\"s furn\">");
        h(w, px__span(c, (uint32_t)i, se->start, se->end));
        px__w_puts(w, "</span>");
        continue;
      }
      if (fa->noutlets > 1)
        px__w_printf(w, "<a class=\"s shared\" data-f=\"%u\" id=\"f%u-a%zu-%u\" href=\"#f%u\">"
                        "<span class=\"n\">%u·%u</span>",
                     f, f, i + 1, s, f, f + 1, fa->noutlets);
      else
        px__w_puts(w, "<span class=\"s unique\">");
      h(w, px__span(c, (uint32_t)i, se->start, se->end));
      px__w_puts(w, fa->noutlets > 1 ? "</a>" : "</span>");
    }
    px__w_puts(w, "</div>");
  }
  px__w_puts(w, "</div></details>");

  uint32_t *order = NULL;
  if (px__fact_order(c, &order)) {
    w->err = PX_ENOMEM;
    return;
  }
  px__w_puts(w, "<section><h2>Shared facts</h2><table><tr><th>Fact</th><th>Outlets</th>"
                "<th>First report</th><th>Sentences</th></tr>");
  for (size_t k = 0; k < c->nfact; k++) {
    uint32_t f = order[k];
    const px__cfact *fa = &c->fact[f];
    if (fa->noutlets < 2) break;
    px__w_printf(w, "<tr id=\"f%u\" data-f=\"%u\"><td>%u</td><td>%u</td><td>", f, f, f + 1,
                 fa->noutlets);
    if (fa->earliest != UINT32_MAX) {
      px__fmt_time(c->art[c->mem[fa->earliest].art].published, false, tb, sizeof tb);
      px__w_printf(w, "%s, ", tb);
      h(w, c->art[c->mem[fa->earliest].art].label);
    }
    px__w_puts(w, "</td><td>");
    for (uint32_t j = fa->first; j < fa->first + fa->count; j++) {
      const px__cmember *m = &c->mem[j];
      px__w_printf(w, "<a href=\"#f%u-a%u-%u\">[%u]</a> ", f, m->art + 1, m->sent, m->art + 1);
      h(w, px__span(c, m->art, m->start, m->end));
      px__w_puts(w, "<br>");
    }
    px__w_puts(w, "</td></tr>");
  }
  px__w_puts(w, "</table></section>");
  free(order);

  px__w_puts(w, "<section><h2>Quote variants</h2><table><tr><th>Speaker</th><th>Outlet</th>"
                "<th>Rendering</th><th>Kind, speaker as written</th></tr>");
  for (size_t q = 0; q < c->nquote; q++) {
    const px__cquote *cq = &c->quote[q];
    if (cq->noutlets < 2 && c->noutlet > 1) continue;
    for (uint32_t j = cq->first; j < cq->first + cq->count; j++) {
      const px__cqmember *m = &c->qmem[j];
      px__w_puts(w, "<tr>");
      if (j == cq->first) {
        px__w_printf(w, "<td rowspan=\"%u\">", cq->count);
        if (cq->name.len) h(w, cq->name);
        else px__w_puts(w, "(unknown)");
        px__w_puts(w, "</td>");
      }
      px__w_printf(w, "<td>[%u] ", m->art + 1);
      h(w, c->art[m->art].label);
      px__w_puts(w, "</td><td>");
      h(w, px__quote_text(w, c, m));
      px__w_printf(w, "</td><td class=\"kind\">%s", px__qkind_name(m));
      if (m->times > 1) px__w_printf(w, " (%u times)", m->times);
      if (!px__str_same(m->speaker, cq->name)) {
        px__w_puts(w, "<br>speaker: ");
        if (m->speaker.len) h(w, m->speaker);
        else px__w_puts(w, "not named");
      }
      px__w_puts(w, "</td></tr>");
    }
  }
  px__w_puts(w, "</table></section>");

  px__qconf_groups cg = {0};
  if (c->nqconf && px__qconf_group(c, &cg) != PX_OK) w->err = w->err ? w->err : PX_ENOMEM;
  if (cg.n) {
    px__w_puts(w, "<section><h2>Contradicting attributions: the same words, different speakers</h2><table>"
                  "<tr><th>Entry</th><th>Outlet</th><th>Gives it to</th><th>Rendering</th></tr>");
    for (size_t k = 0; k < cg.n; k++)
      for (uint32_t e = cg.start[k]; e < cg.start[k + 1]; e++) {
        const px__cqmember *m = &c->qmem[cg.mem[e]];
        px__w_puts(w, "<tr>");
        if (e == cg.start[k]) px__w_printf(w, "<td rowspan=\"%u\">%zu</td>", cg.start[k + 1] - cg.start[k], k + 1);
        px__w_printf(w, "<td>[%u] ", m->art + 1);
        h(w, c->art[m->art].label);
        px__w_puts(w, "</td><td>");
        h(w, m->speaker);
        px__w_puts(w, "</td><td>");
        h(w, px__quote_text(w, c, m));
        px__w_puts(w, "</td></tr>");
      }
    px__w_puts(w, "</table></section>");
  }
  px__qconf_release(&cg);

  px__w_puts(w, "<section><h2>Disputes: numbers that differ</h2><table><tr><th>Fact</th><th>Unit</th>"
                "<th>Outlet</th><th>As written</th></tr>");
  for (size_t d = 0; d < c->ndisc; d++) {
    const px__cdisc *cd = &c->disc[d];
    for (uint32_t j = cd->first; j < cd->first + cd->count; j++) {
      const px__cdval *v = &c->dval[j];
      px__w_puts(w, "<tr>");
      if (j == cd->first) {
        px__w_printf(w, "<td rowspan=\"%u\"><a href=\"#f%u\">%u</a></td><td rowspan=\"%u\">",
                     cd->count, cd->fact, cd->fact + 1, cd->count);
        h(w, cd->unit);
        px__w_puts(w, "</td>");
      }
      px__w_printf(w, "<td>[%u] ", v->art + 1);
      h(w, c->art[v->art].label);
      px__w_puts(w, "</td><td>");
      h(w, px__span(c, v->art, v->start, v->end));
      px__w_puts(w, "</td></tr>");
    }
  }
  px__w_puts(w, "</table></section>");

  px__w_puts(w, "<section><h2>Who is mentioned by whom</h2><table><tr><th>Entity</th>"
                "<th>Type</th><th>Outlets</th><th>Written as</th></tr>");
  for (size_t e = 0; e < c->nent && e < 100; e++) {
    const px__centity *ce = &c->ent[e];
    px__w_puts(w, "<tr><td>");
    h(w, ce->name);
    px__w_printf(w, "</td><td>%s</td><td>%u/%zu</td><td>",
                 px_entity_type_name((px_entity_type)ce->type), ce->noutlets, c->noutlet);
    for (uint32_t v = 0; v < ce->nvar; v++) {
      if (v) px__w_puts(w, ", ");
      h(w, c->var[ce->var_first + v]);
    }
    px__w_puts(w, "</td></tr>");
  }
  px__w_puts(w, "</table></section><script>");
  px__w_puts(w, k_js);
  px__w_puts(w, "</script></body></html>\n");
}
