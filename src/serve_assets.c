/* serve_assets.c - the style sheet and the one script of the web UI,
 * served by the binary itself (no network fetch, no third-party code).
 * The script only enhances: every page works without it. */
#include "serve.h"

#include <string.h>

static const char css[] =
    ":root{--fg:#1b1b1b;--bg:#fff;--mute:#555;--line:#ccc;--link:#0b57a4;--card:#f6f6f4;"
    "--focus:#E69F00;--shared:#0072B2;--unique:#D55E00;--quoted:#009E73;--furn:#777}\n"
    "@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#141414;--mute:#aaa;--line:#444;"
    "--link:#8cc4ff;--card:#1f1f1f;--shared:#56B4E9;--unique:#F0A060;--quoted:#3fcf9f;--furn:#999}}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%}\n"
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:var(--fg);"
    "background:var(--bg);overflow-wrap:anywhere}\n"
    "a{color:var(--link)}\n"
    "a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,"
    "summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}\n"
    ".skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:var(--bg);padding:4px}\n"
    "header.site{border-bottom:1px solid var(--line);padding:.5rem 1rem;display:flex;flex-wrap:wrap;"
    "gap:.5rem 1.25rem;align-items:center}\n"
    "header.site .brand{font-weight:700;text-decoration:none;color:var(--fg)}\n"
    "header.site nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}\n"
    "header.site form{margin-left:auto;display:flex;gap:.25rem;max-width:100%}\n"
    "header.site input[type=search]{min-width:0;width:14rem;max-width:60vw}\n"
    "main{max-width:72rem;margin:0 auto;padding:1rem}\n"
    "h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 .5rem}\n"
    "h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}\n"
    ".meta{color:var(--mute);font-size:.9rem;margin:.1rem 0}\n"
    "ol.stories,ul.plain{list-style:none;padding:0;margin:0}\n"
    "ol.stories>li{padding:.6rem 0;border-bottom:1px solid var(--line)}\n"
    "ol.stories h2{border:0;margin:0;font-size:1.05rem}\n"
    "svg{max-width:100%;height:auto}\n"
    "svg text{fill:var(--fg);font-size:12px}\n"
    "svg .grid{stroke:var(--line)}svg .axis{stroke:var(--mute)}\n"
    "svg.cov{vertical-align:middle;border:1px solid var(--line);width:12rem;max-width:100%;height:.7rem}\n"
    ".legend{font-size:.85rem;color:var(--mute)}\n"
    "figure.chart{margin:.5rem 0 1rem;max-width:46rem}figure.chart figcaption{font-size:.85rem;color:var(--mute)}\n"
    "form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;background:var(--card);"
    "padding:.75rem;border-radius:6px}\n"
    "form.filters label{display:flex;flex-direction:column;font-size:.85rem;min-width:0}\n"
    "form.filters input,form.filters select{font:inherit;max-width:100%}\n"
    "button{font:inherit;cursor:pointer}\n"
    "table{border-collapse:collapse;width:100%;table-layout:fixed}\n"
    "th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line)}\n"
    "th.o,td.o{width:11rem}\n"
    "details{margin:.35rem 0;border:1px solid var(--line);border-radius:6px;padding:.3rem .6rem}\n"
    "summary{cursor:pointer}\n"
    ".tag{display:inline-block;font-size:.72rem;font-weight:700;border:1px solid currentColor;"
    "border-radius:3px;padding:0 .25rem;margin-right:.3rem;vertical-align:1px}\n"
    ".s{padding:0 .1rem}\n"
    ".s-shared{border-bottom:2px solid var(--shared)}.s-shared .tag{color:var(--shared)}\n"
    ".s-unique{border-bottom:2px dashed var(--unique)}.s-unique .tag{color:var(--unique)}\n"
    ".s-quoted{background:color-mix(in srgb,var(--quoted) 14%,transparent)}\n"
    ".s-quoted .tag.q{color:var(--quoted)}\n"
    ".s-furniture{color:var(--furn)}.s-furniture .tag{color:var(--furn)}\n"
    ".body p{margin:.5rem 0}\n"
    ".first{font-weight:700}\n"
    ".note{background:var(--card);border-left:4px solid var(--focus);padding:.5rem .75rem}\n"
    "#live{position:sticky;top:0;background:var(--card);border:1px solid var(--focus);"
    "padding:.4rem .75rem;margin-bottom:.5rem}\n"
    "#live[hidden]{display:none}\n"
    ".hit b{background:color-mix(in srgb,var(--focus) 35%,transparent)}\n"
    ".cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}\n"
    "@media (max-width:600px){th.o,td.o{width:6.5rem}header.site form{margin-left:0;width:100%}"
    "header.site input[type=search]{flex:1;width:auto}}\n"
    "@media print{header.site,form.filters,#live,.skip{display:none}a{color:inherit}"
    "details{border:0}main{max-width:none}}\n";

static const char js[] =
    "'use strict';\n"
    "/* parallax serve: live updates and print; pages work without it. */\n"
    "(function(){\n"
    "  var main=document.querySelector('main[data-live]');\n"
    "  window.addEventListener('beforeprint',function(){\n"
    "    document.querySelectorAll('details').forEach(function(d){d.open=true;});});\n"
    "  if(!main||!window.fetch)return;\n"
    "  var url=main.getAttribute('data-live'),seen=main.getAttribute('data-live-n');\n"
    "  var box=document.getElementById('live'),busy=false,want=0,tries=0;\n"
    "  function show(n){\n"
    "    if(!box)return;\n"
    "    box.hidden=false;\n"
    "    box.querySelector('.n').textContent=n;\n"
    "  }\n"
    "  function poll(){\n"
    "    if(busy||document.hidden)return;busy=true;\n"
    "    fetch(url,{headers:{'Accept':'application/json'}}).then(function(r){return r.json();})\n"
    "    .then(function(j){busy=false;var n=String(j.articles);\n"
    "      if(n!==seen){want=j.articles;show(Math.max(0,j.articles-Number(seen)));}})\n"
    "    .catch(function(){busy=false;});\n"
    "  }\n"
    "  function refresh(){\n"
    "    var y=window.scrollY;\n"
    "    fetch(location.href).then(function(r){return r.text();}).then(function(t){\n"
    "      var d=new DOMParser().parseFromString(t,'text/html');\n"
    "      var nm=d.querySelector('main');if(!nm)return;\n"
    "      /* the server may send a page as it was while it rebuilds it: ask again */\n"
    "      if(Number(nm.getAttribute('data-live-n'))<want&&tries<10){tries++;setTimeout(refresh,300);return;}\n"
    "      tries=0;\n"
    "      var open=[];main.querySelectorAll('details[id]').forEach(function(e){if(e.open)open.push(e.id);});\n"
    "      main.replaceChildren.apply(main,Array.prototype.slice.call(nm.childNodes));\n"
    "      seen=nm.getAttribute('data-live-n');main.setAttribute('data-live-n',seen);\n"
    "      open.forEach(function(id){var e=document.getElementById(id);if(e)e.open=true;});\n"
    "      box.hidden=true;window.scrollTo(0,y);\n"
    "    });\n"
    "  }\n"
    "  if(box)box.querySelector('button').addEventListener('click',refresh);\n"
    "  setInterval(poll,Number(main.getAttribute('data-live-every')||'15')*1000);\n"
    "})();\n";

static const char icon[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">"
    "<rect x=\"1\" y=\"3\" width=\"9\" height=\"10\" fill=\"#0072B2\"/>"
    "<rect x=\"6\" y=\"3\" width=\"9\" height=\"10\" fill=\"#E69F00\" fill-opacity=\".8\"/></svg>";

const char *sv_asset(const char *name, const char **type, size_t *len) {
  if (strcmp(name, "icon.svg") == 0) {
    *type = "image/svg+xml";
    *len = sizeof(icon) - 1;
    return icon;
  }
  if (strcmp(name, "app.css") == 0) {
    *type = "text/css; charset=utf-8";
    *len = sizeof(css) - 1;
    return css;
  }
  if (strcmp(name, "app.js") == 0) {
    *type = "text/javascript; charset=utf-8";
    *len = sizeof(js) - 1;
    return js;
  }
  return NULL;
}
