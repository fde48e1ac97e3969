// node --test for search.js, run by `mvn verify` (integration-test phase, after the jar is built).
// Builds the sample archive with the jar, then runs search.js from that site with fetch reading
// files, so the module under test is byte for byte the one a browser downloads.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const site = join(mkdtempSync(join(tmpdir(), "luutru-search-")), "site");
let m;
let fetched = [];

before(async () => {
  execFileSync("java", ["-jar", join(root, "target/luutru.jar"), "build", "--content", join(root, "content"),
    "--templates", join(root, "templates"), "--output", site, "--base-url", "https://example.org/luu-tru/"],
    { stdio: ["ignore", "ignore", "inherit"] });
  globalThis.fetch = async (url) => {
    const path = fileURLToPath(url);
    fetched.push(path.slice(site.length));
    try {
      return new Response(readFileSync(path));
    } catch {
      return new Response("", { status: 404 });
    }
  };
  m = await import(pathToFileURL(join(site, "search/search.js")).href);
});

function unescape(s) {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e) =>
    e[0] === "u" ? String.fromCharCode(parseInt(e.slice(1), 16)) : { t: "\t", b: "\b" }[e] ?? e);
}

test("tokenizes and folds exactly like SearchText.java (shared fixture)", () => {
  const lines = readFileSync(join(root, "src/test/resources/search/fold-fixture.tsv"), "utf8").split("\n");
  let rows = 0;
  for (const line of lines) {
    if (!line || line.startsWith("#")) continue;
    const [input, marked, folded] = line.split("\t");
    const tokens = m.tokenize(unescape(input));
    assert.equal(tokens.map((t) => t.marked).join(" "), marked, input);
    assert.equal(tokens.map((t) => t.folded).join(" "), folded, input);
    rows++;
  }
  assert.ok(rows >= 10);
});

test("hashes like SearchIndexWriter.java", () => {
  assert.equal(m.hash(""), 2166136261);
  assert.equal(m.hash("dai hoi"), 1448055485);
  assert.equal(m.hash("đại"), 2890113847);
});

const seedTitle = "Đại hội Chi bộ Văn phòng 2 lần thứ nhất nhiệm kỳ 2020 - 2022";

test("finds the seed article for 'dai hoi chi bo van phong' typed without marks", async () => {
  const r = await m.search("dai hoi chi bo van phong");
  assert.ok(r.total >= 1);
  assert.equal(r.results[0].title.startsWith("Đại hội Chi bộ Văn phòng"), true);
  assert.ok(r.results.some((x) => x.title === seedTitle));
  const seed = r.results.find((x) => x.title === seedTitle);
  assert.equal(seed.url, "/luu-tru/2020/01/dai-hoi-chi-bo-van-phong-2-lan-thu-nhat-nhiem-ky-2020-2022/".replace("/luu-tru", fileURLToPath(new URL("../", pathToFileURL(join(site, "search/search.js")))).replace(/\/$/, "")));
  assert.equal(seed.date, "2020-01-17");
  assert.equal(seed.category, "Đại hội Đảng");
  assert.match(seed.excerpt, /<mark>/);
  // Its image is an SVG drawing, not a photo: no thumbnail, not even an empty one.
  assert.equal("thumbnail" in seed, false);
});

test("marks typed by the user rank exact matches first", async () => {
  const r = await m.search("Văn phòng 2 lần thứ nhất");
  assert.equal(r.results[0].title, seedTitle);
});

test("the last word matches as a prefix while typing, not after a space", async () => {
  const typing = await m.search("van phon");
  assert.ok(typing.results.some((x) => x.title === seedTitle));
  const done = await m.search("van phon ");
  assert.equal(done.total, 0);
});

test("filters by year, category, organization and term, and sorts by date", async () => {
  const all = await m.search("dai hoi", { limit: 100 });
  assert.ok(all.total > 5);
  const y2020 = await m.search("dai hoi", { limit: 100, filters: { year: 2020 } });
  assert.ok(y2020.total > 0 && y2020.total < all.total);
  assert.ok(y2020.results.every((x) => x.date.startsWith("2020")));
  const org = await m.search("dai hoi", { limit: 100, filters: { organization: "Chi bộ Văn phòng Sở 2" } });
  assert.ok(org.results.length >= 1);
  assert.ok(org.results.every((x) => /Văn phòng (Sở )?2/.test(x.title)));
  const term = await m.search("dai hoi", { limit: 100, filters: { term: "2020-2022" } });
  assert.ok(term.results.every((x) => x.title.includes("2020 - 2022")));
  const cat = await m.search("dai hoi", { limit: 100, filters: { category: "Tin hoạt động" } });
  assert.ok(cat.results.every((x) => x.category === "Tin hoạt động"));
  const byDate = await m.search("dai hoi", { limit: 100, sort: "date" });
  const dates = byDate.results.map((x) => x.date);
  assert.deepEqual(dates, [...dates].sort().reverse());
  const paged = await m.search("dai hoi", { limit: 2, offset: 2, sort: "date" });
  assert.deepEqual(paged.results.map((x) => x.date), dates.slice(2, 4));
  assert.equal(paged.total, byDate.total);
});

test("no results, empty queries and HTML in queries are safe", async () => {
  assert.deepEqual(await m.search(""), { total: 0, results: [] });
  assert.deepEqual(await m.search("   ,,, "), { total: 0, results: [] });
  assert.equal((await m.search("xyzzyqwerty")).total, 0);
  const r = await m.search("<img src=x onerror=alert(1)> dai hoi");
  for (const x of r.results) assert.doesNotMatch(x.excerpt, /<img|onerror=/);
  assert.equal(m.highlight("a <b> Đại & hội", m.tokenize("dai"), false), "a &lt;b&gt; <mark>Đại</mark> &amp; hội");
  // A phrase of the query is marked as one run; its words elsewhere are not.
  assert.equal(m.highlight("Chỉ đạo Đại hội Chi bộ, chí", m.tokenize("dai hoi chi bo"), false),
    "Chỉ đạo <mark>Đại hội Chi bộ</mark>, chí");
});

test("a word already fetched is not fetched again", async () => {
  await m.search("ket nap dang vien");
  fetched = [];
  const before = m.stats().bytes;
  await m.search("ket nap dang vien");
  assert.equal(m.stats().bytes, before);
  assert.deepEqual(fetched, []);
});

test("a person's full name finds the articles with the name, not those with half of it", async () => {
  const r = await m.search("nguyen trong thuc");
  assert.deepEqual(r.results.map((x) => x.title), [seedTitle]);
  // The congress's facts name him: the result says who he is there.
  assert.deepEqual(r.results[0].people, ["<mark>Nguyễn Trọng Thức</mark> – Bí thư Chi bộ"]);
  // With marks typed, the same; three words no document has together still find the pairs.
  assert.deepEqual((await m.search("Nguyễn Trọng Thức")).results.map((x) => x.title), [seedTitle]);
  assert.ok((await m.search("chi bo xyzzy")).total > 0);
});
