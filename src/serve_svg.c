/* serve_svg.c - charts drawn by the server as inline SVG: scalable
 * (viewBox), titled for screen readers, every value also written as text
 * so no meaning rests on colour; colours from the Okabe-Ito palette, which
 * stays distinguishable with the common colour-vision deficiencies. */
#include "serve.h"

#include <string.h>

static const char *palette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                 "#56B4E9", "#D55E00", "#999999", "#F0E442"};
#define NPAL (sizeof(palette) / sizeof(palette[0]))

void svg_bars(sbuf *b, const char *title, const sv_bar *bars, size_t n, const char *unit) {
  double max = 0;
  for (size_t i = 0; i < n; i++)
    if (bars[i].value > max) max = bars[i].value;
  if (max <= 0) max = 1;
  int row = 22, h = (int)n * row + 8;
  sb_s(b, "<figure class=\"chart\"><svg role=\"img\" viewBox=\"0 0 600 ");
  sb_f(b, "%d\" width=\"100%%\" preserveAspectRatio=\"xMinYMin meet\"><title>", h);
  sb_hs(b, title);
  sb_s(b, "</title>");
  for (size_t i = 0; i < n; i++) {
    int y = (int)i * row + 4;
    double w = 260.0 * bars[i].value / max;
    sb_f(b, "<text x=\"0\" y=\"%d\" class=\"lbl\">", y + 15);
    size_t ln = strlen(bars[i].label);
    sb_html(b, bars[i].label, ln > 36 ? 36 : ln);
    if (ln > 36) sb_s(b, "…");
    sb_f(b, "</text><rect x=\"250\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>", y + 2,
         w < 1 ? 1 : w, palette[0]);
    sb_f(b, "<text x=\"%.1f\" y=\"%d\" class=\"val\">%.0f%s", 256 + w, y + 15, bars[i].value, unit);
    if (bars[i].note) {
      sb_s(b, " ");
      sb_hs(b, bars[i].note);
    }
    sb_s(b, "</text>");
  }
  sb_s(b, "</svg><figcaption>");
  sb_hs(b, title);
  sb_s(b, "</figcaption></figure>");
}

void svg_days(sbuf *b, const char *title, const int64_t *day, const int64_t *a, const int64_t *s,
              size_t n) {
  if (n == 0) return;
  int64_t max = 1;
  for (size_t i = 0; i < n; i++)
    if (a[i] > max) max = a[i];
  double bw = 560.0 / (double)n;
  sb_s(b, "<figure class=\"chart\"><svg role=\"img\" viewBox=\"0 0 600 170\" width=\"100%\"><title>");
  sb_hs(b, title);
  sb_s(b, "</title><desc>");
  for (size_t i = 0; i < n; i++) {
    sb_time(b, day[i] * 86400, false);
    sb_f(b, ": %lld articles, %lld stories. ", (long long)a[i], (long long)s[i]);
  }
  sb_s(b, "</desc>");
  for (size_t i = 0; i < n; i++) {
    double x = 30 + bw * (double)i, ha = 120.0 * (double)a[i] / (double)max,
           hs = 120.0 * (double)s[i] / (double)max;
    sb_f(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>", x,
         130 - ha, bw * 0.45, ha, palette[0]);
    sb_time(b, day[i] * 86400, false);
    sb_f(b, ": %lld articles</title></rect>", (long long)a[i]);
    sb_f(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
            "class=\"hatch\"><title>",
         x + bw * 0.45, 130 - hs, bw * 0.45, hs, palette[1]);
    sb_time(b, day[i] * 86400, false);
    sb_f(b, ": %lld stories</title></rect>", (long long)s[i]);
  }
  sb_f(b, "<text x=\"0\" y=\"14\" class=\"val\">%lld</text><line x1=\"28\" y1=\"130\" x2=\"592\" "
          "y2=\"130\" class=\"axis\"/>",
       (long long)max);
  sb_s(b, "<text x=\"30\" y=\"150\" class=\"val\">");
  sb_time(b, day[0] * 86400, false);
  sb_s(b, "</text><text x=\"590\" y=\"150\" class=\"val\" text-anchor=\"end\">");
  sb_time(b, day[n - 1] * 86400, false);
  sb_f(b, "</text><rect x=\"30\" y=\"156\" width=\"10\" height=\"10\" fill=\"%s\"/>"
          "<text x=\"44\" y=\"165\" class=\"val\">articles (left bar)</text>"
          "<rect x=\"200\" y=\"156\" width=\"10\" height=\"10\" fill=\"%s\"/>"
          "<text x=\"214\" y=\"165\" class=\"val\">stories (right bar)</text></svg><figcaption>",
       palette[0], palette[1]);
  sb_hs(b, title);
  sb_s(b, "</figcaption></figure>");
}

void svg_timeline(sbuf *b, const char *title, const int64_t *t, const char *const *label,
                  size_t n) {
  if (n == 0) return;
  int64_t lo = t[0], hi = t[0];
  for (size_t i = 1; i < n; i++) {
    if (t[i] < lo) lo = t[i];
    if (t[i] > hi) hi = t[i];
  }
  double span = hi > lo ? (double)(hi - lo) : 1;
  int row = 20, h = (int)n * row + 40;
  sb_f(b, "<figure class=\"chart\"><svg role=\"img\" viewBox=\"0 0 600 %d\" width=\"100%%\"><title>",
       h);
  sb_hs(b, title);
  sb_s(b, "</title>");
  for (size_t i = 0; i < n; i++) {
    double x = 230 + 340.0 * (double)(t[i] - lo) / span;
    int y = (int)i * row + 14;
    sb_f(b, "<text x=\"0\" y=\"%d\" class=\"lbl\">", y + 4);
    size_t ln = strlen(label[i]);
    sb_html(b, label[i], ln > 30 ? 30 : ln);
    if (ln > 30) sb_s(b, "…");
    sb_f(b, "</text><line x1=\"230\" y1=\"%d\" x2=\"570\" y2=\"%d\" class=\"grid\"/>", y, y);
    if (i == 0)
      sb_f(b, "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", x - 5, y - 5,
           palette[5]);
    else
      sb_f(b, "<circle cx=\"%.1f\" cy=\"%d\" r=\"5\" fill=\"%s\"/>", x, y, palette[0]);
  }
  int y = (int)n * row + 14;
  sb_f(b, "<line x1=\"230\" y1=\"%d\" x2=\"570\" y2=\"%d\" class=\"axis\"/>", y, y);
  sb_f(b, "<text x=\"230\" y=\"%d\" class=\"val\">", y + 16);
  sb_time(b, lo, true);
  sb_f(b, "</text><text x=\"570\" y=\"%d\" class=\"val\" text-anchor=\"end\">", y + 16);
  sb_time(b, hi, true);
  sb_s(b, "</text></svg><figcaption>");
  sb_hs(b, title);
  sb_s(b, " (square: first report)</figcaption></figure>");
}

void svg_coverage(sbuf *b, const char *const *label, const int64_t *count, size_t n, int64_t max) {
  int64_t total = 0;
  for (size_t i = 0; i < n; i++) total += count[i];
  if (max < total) max = total;
  if (max <= 0) return;
  sb_s(b, "<svg class=\"cov\" role=\"img\" viewBox=\"0 0 200 10\" width=\"200\" height=\"10\" "
          "preserveAspectRatio=\"none\"><title>coverage: ");
  for (size_t i = 0; i < n; i++) {
    sb_hs(b, label[i]);
    sb_f(b, " %lld%s", (long long)count[i], i + 1 < n ? ", " : "");
  }
  sb_s(b, "</title>");
  double x = 0;
  for (size_t i = 0; i < n; i++) {
    double w = 200.0 * (double)count[i] / (double)max;
    bool none = strcmp(label[i], "no group") == 0;
    sb_f(b, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"10\" fill=\"%s\"/>", x, w,
         none ? "#BBBBBB" : palette[i % (NPAL - 2)]);
    x += w;
  }
  sb_s(b, "</svg>");
}
