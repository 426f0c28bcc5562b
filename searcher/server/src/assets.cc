/** @file assets.cc
 *  @brief The page's script (search as you type, keyboard navigation; no framework, no build
 *         step) and style sheet, and the API's OpenAPI description (openapi.json beside this
 *         file, embedded at build time).
 */
#include "assets.h"

#include <iterator>

namespace rapporteur {

namespace {

// Search as you type: the form's fields fetched as the page itself (so the server renders
// every state the same way), its #app swapped in, the URL replaced so it stays the state.
// With JavaScript off the form submits and every link is a page of its own.
constexpr std::string_view SCRIPT = R"js("use strict";
(() => {
  const form = document.getElementById("search-form");
  const input = document.getElementById("q");
  if (!form || !input || !window.fetch || !window.DOMParser) return;
  let timer = 0, sequence = 0;
  const update = async () => {
    const params = new URLSearchParams(new FormData(form));
    if (!params.get("q")) params.delete("q");
    const url = "/" + (params.toString() ? "?" + params.toString() : "");
    const mine = ++sequence;
    try {
      const response = await fetch(url, { headers: { Accept: "text/html" } });
      const html = await response.text();
      if (mine !== sequence) return; // a later keystroke has its own request
      const fresh = new DOMParser().parseFromString(html, "text/html");
      const app = fresh.getElementById("app");
      if (!app) return;
      document.getElementById("app").replaceWith(document.adoptNode(app));
      document.title = fresh.title;
      history.replaceState(null, "", url);
    } catch (e) {
      // The network failed: the form still submits as without the script.
    }
  };
  // Completions of the word being typed (/api/v1/suggest), offered by the box's datalist.
  const completions = document.getElementById("completions");
  const complete = async () => {
    const text = input.value;
    if (!completions || !text.trim()) return;
    try {
      const response = await fetch("/api/v1/suggest?q=" + encodeURIComponent(text));
      if (!response.ok || input.value !== text) return;
      const words = (await response.json()).completions;
      const before = text.slice(0, text.search(/[^\s"()]*$/));
      completions.replaceChildren(...words.map((w) => Object.assign(document.createElement("option"), { value: before + w })));
    } catch (e) {
      // No completions then.
    }
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => { update(); complete(); }, 250);
  });
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const inInput = event.target === input;
    if (event.key === "/" && !inInput) {
      event.preventDefault();
      input.focus();
      input.select();
      return;
    }
    const down = event.key === "ArrowDown" || (!inInput && event.key === "j");
    const up = event.key === "ArrowUp" || (!inInput && event.key === "k");
    if (!down && !up) return;
    const hits = Array.from(document.querySelectorAll("article.hit"));
    if (!hits.length) return;
    const at = hits.indexOf(document.activeElement);
    event.preventDefault();
    if (down) hits[Math.min(at + 1, hits.length - 1)].focus();
    else if (at <= 0) input.focus();
    else hits[at - 1].focus();
  });
})();
)js";

constexpr std::string_view STYLE = R"css(:root { color-scheme: light; --accent: #0b57d0; --muted: #555; --line: #ddd; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1b1b1b; background: #fff; }
a { color: var(--accent); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
header { padding: 1rem; border-bottom: 1px solid var(--line); }
.brand { margin: 0 0 .5rem; font-weight: 700; }
.brand a { color: inherit; text-decoration: none; }
label { display: block; font-weight: 600; }
.box { display: flex; gap: .5rem; max-width: 48rem; }
input[type=search] { flex: 1; min-width: 0; font: inherit; padding: .5rem; border: 1px solid #888; border-radius: 4px; }
button { font: inherit; padding: .5rem 1rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; }
.hint { color: var(--muted); font-size: .875rem; margin: .25rem 0 0; }
.layout { display: flex; flex-direction: row-reverse; gap: 2rem; padding: 1rem; align-items: flex-start; }
main { flex: 1; min-width: 0; max-width: 52rem; }
aside { width: 16rem; flex: none; }
aside h2 { font-size: 1.1rem; margin: 0; }
.facet h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.facet ul { list-style: none; margin: 0; padding: 0; }
.facet a { display: flex; gap: .4rem; padding: .15rem 0; text-decoration: none; color: inherit; }
.facet a:hover .label, .facet a:focus .label { text-decoration: underline; }
.facet .box { width: 1rem; height: 1rem; border: 1px solid #666; border-radius: 2px; margin-top: .25rem; flex: none; }
.facet a.on .box { background: var(--accent); border-color: var(--accent); }
.facet .count { color: var(--muted); margin-left: auto; }
.hits { padding: 0; list-style: none; }
.hit { padding: .75rem 0; border-bottom: 1px solid var(--line); }
.hit:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
.hit h3 { margin: 0; font-size: 1.05rem; }
.meta { margin: .1rem 0; color: var(--muted); font-size: .875rem; overflow-wrap: anywhere; }
.snippet { margin: .4rem 0; overflow-wrap: anywhere; }
mark { background: #ffe45c; color: inherit; padding: 0 .1em; }
.footnotes { font-size: .875rem; color: #333; padding-left: 1.2rem; overflow-wrap: anywhere; }
.actions a { margin-right: 1rem; }
.summary { font-weight: 600; }
.error { border-left: 4px solid #b3261e; padding: .5rem 1rem; background: #fdecea; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.pages a { margin-right: 1rem; }
@media (max-width: 45rem) { .layout { flex-direction: column; } aside { width: 100%; } }
)css";

constexpr std::string_view OPENAPI =
#include "openapi.json.inc"
    ;

constexpr Asset ASSETS[] = {
    {"/assets/search.js", "text/javascript; charset=utf-8", SCRIPT},
    {"/assets/page.css", "text/css; charset=utf-8", STYLE},
    {"/api/v1/openapi.json", "application/json", OPENAPI},
};

} // namespace

const Asset* find_asset(std::string_view path) {
    for (const auto& a : ASSETS) {
        if (a.path == path) return &a;
    }
    return nullptr;
}

} // namespace rapporteur
