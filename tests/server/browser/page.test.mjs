// @file tests/server/browser/page.test.mjs
// @brief The search page in Debian's chromium: search as you type, the GRETA passage first with
//        its compound highlighted, facets (OR within, AND across), the back button, related
//        passages, a hostile document shown as text; a screenshot of the results.
// Usage: node page.test.mjs BASE_URL OUT_DIR   (OUT_DIR holds node_modules/playwright-core)
import { createRequire } from "node:module";
import { join } from "node:path";
import assert from "node:assert/strict";

const [base, out] = process.argv.slice(2);
const require = createRequire(join(out, "package.json"));
const { chromium } = require("playwright-core");

const GRETA = "000-2e1ad919f53edd39/p18";
// launch() gives the browser a fresh profile (--user-data-dir in a new temporary directory).
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"],
});
const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
const dialogs = [], errors = [];
let failed = false;
try {
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on("pageerror", (e) => errors.push(String(e)));
  const count = async (field, value) =>
    Number(await page.locator(`a.facet-value[data-field="${field}"][data-value="${value}"] .count`).textContent());
  const summary = async () => (await page.locator(".summary").textContent()).trim();
  const step = (name) => console.log("ok - " + name);

  // Search as you type: the URL follows, the GRETA passage comes first, the compound marked whole.
  await page.goto(base + "/");
  await page.locator("#q").pressSequentially("non-punishment", { delay: 20 });
  await page.waitForURL((u) => new URL(u).searchParams.get("q") === "non-punishment");
  await page.locator(`article.hit[data-id="${GRETA}"]`).waitFor();
  assert.equal(await page.locator("article.hit").first().getAttribute("data-id"), GRETA);
  assert.equal(await page.locator("article.hit").first().locator(".snippet mark").first().textContent(), "non-punishment");
  assert.ok((await page.locator("article.hit").count()) >= 2, "the test report matches too");
  step("typing searches; GRETA's passage first, non-punishment highlighted");

  // Keyboard: ArrowDown from the box moves to the first result.
  await page.locator("#q").press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), GRETA);
  step("ArrowDown focuses the first result");

  // The organisation facet GRETA: URL, results and the other facets' counts change.
  const before = await summary();
  const oscePassages = await count("org", "OSCE");
  const documentsBefore = await page.locator('a.facet-value[data-field="doc"]').count();
  await page.locator('a.facet-value[data-field="org"][data-value="GRETA"]').click();
  await page.waitForURL((u) => new URL(u).searchParams.getAll("filter").join() === "org:GRETA");
  assert.notEqual(await summary(), before);
  assert.equal(await page.locator("article.hit").count(), 1);
  assert.equal(await page.locator('a.facet-value[data-field="org"][data-value="GRETA"]').getAttribute("aria-pressed"), "true");
  assert.equal(await count("org", "OSCE"), oscePassages, "OR within a facet: OSCE's count is as without GRETA");
  assert.ok((await page.locator('a.facet-value[data-field="doc"]').count()) < documentsBefore, "AND across facets");
  step("facet GRETA: URL, results and counts change");
  await page.screenshot({ path: join(out, "serve-results.png"), fullPage: false });

  // A second organisation: OR within the facet.
  await page.locator('a.facet-value[data-field="org"][data-value="OSCE"]').click();
  await page.waitForURL((u) => new URL(u).searchParams.getAll("filter").length === 2);
  const both = await page.locator("article.hit").count();
  assert.ok(both > 1, "GRETA or OSCE has more passages than GRETA alone");
  const ids = await page.locator("article.hit").evaluateAll((hits) => hits.map((h) => h.dataset.id));
  assert.ok(ids.includes(GRETA));
  step("a second organisation widens the results (OR)");

  // Back: the page of GRETA alone again.
  await page.goBack();
  await page.waitForURL((u) => new URL(u).searchParams.getAll("filter").join() === "org:GRETA");
  assert.equal(await page.locator("article.hit").count(), 1);
  step("the back button returns to the previous state");

  // Related passages of the first hit.
  await page.locator("article.hit").first().locator("a.related").click();
  await page.waitForURL((u) => new URL(u).searchParams.get("like") === GRETA);
  assert.ok((await page.locator("article.hit").count()) >= 1);
  assert.ok(!(await page.locator("article.hit").evaluateAll((hits) => hits.map((h) => h.dataset.id))).includes(GRETA));
  assert.match(await page.locator("article.hit .shared").first().textContent(), /Shares:/);
  step("related passages open, each naming what it shares");

  // The box offers completions of the word being typed (from /api/v1/suggest).
  await page.goto(base + "/");
  await page.locator("#q").pressSequentially("victims of traff", { delay: 20 });
  await page.locator('#completions option[value="victims of trafficking"]').waitFor({ state: "attached" });
  step("the box completes the word being typed");

  // A hostile document: its markup is text on the page, nothing runs.
  await page.goto(base + "/?q=delegates+quoted");
  const snippet = await page.locator("article.hit .snippet").first().textContent();
  assert.ok(snippet.includes("<script>alert(1)</script>"), snippet);
  assert.ok(snippet.includes('"><img src=x onerror=alert(2)>'), snippet);
  assert.equal(await page.locator("main img").count(), 0);
  assert.equal(await page.locator("main script").count(), 0);
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
  step("a document's <script> and <img onerror> are shown as text and never run");

  // At phone width nothing is wider than the screen: the facets go under the results.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const small = await phone.newPage();
  await small.goto(base + "/?q=trafficking&filter=org:GRETA");
  assert.ok(await small.evaluate(() => document.documentElement.scrollWidth <= 360), "no horizontal scrolling");
  const [mainBox, asideBox] = [await small.locator("main").boundingBox(), await small.locator("aside").boundingBox()];
  assert.ok(asideBox.y >= mainBox.y + mainBox.height - 1, "the facets follow the results");
  await phone.close();
  step("usable at phone width");

  // Without JavaScript the page still searches (the form) and drills down (links).
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const p = await plain.newPage();
  await p.goto(base + "/");
  await p.locator("#q").fill("non-punishment");
  await p.locator("#q").press("Enter");
  await p.waitForURL((u) => new URL(u).searchParams.get("q") === "non-punishment");
  assert.equal(await p.locator("article.hit").first().getAttribute("data-id"), GRETA);
  await p.locator('a.facet-value[data-field="org"][data-value="GRETA"]').click();
  await p.waitForURL((u) => new URL(u).searchParams.getAll("filter").join() === "org:GRETA");
  await plain.close();
  step("works with JavaScript off: the form searches, the facets are links");
  assert.deepEqual(errors, []);
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
