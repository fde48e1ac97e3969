// node --test for search.js over indexes of several segments (SearchIndexWriter, Segments): sites
// of 3, 12, 40 and 43 articles, that is one segment, one segment without a tail, two segments
// with an empty tail, and three. Each article's body has "dai hoi" written one of two ways, so that
// a term's written forms are numbered differently in different segments.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "luutru-segments-"));
const SITES = { 3: [[0, 3]], 12: [[0, 12]], 40: [[0, 32], [32, 40]], 43: [[0, 32], [32, 40], [40, 43]] };
const modules = {};
let fetched = [];

/** Article i: dated i days after 2020-12-10 (so the later ones are of 2021); "dai hoi" without marks when i % 3 == 0. */
function article(i) {
  const date = new Date(Date.UTC(2020, 11, 10 + i)).toISOString().slice(0, 10);
  const form = i % 3 === 0 ? "dai hoi" : "Đại hội";
  return `---\ntitle: "Bài số ${i}"\ndate: ${date}\n---\n\nHôm nay chi bộ thôn họp ${form} nhiệm kỳ mới, mã số bai${i}.\n`;
}

before(async () => {
  globalThis.fetch = async (url) => {
    const path = fileURLToPath(url);
    fetched.push(path.slice(work.length));
    try {
      return new Response(readFileSync(path));
    } catch {
      return new Response("", { status: 404 });
    }
  };
  for (const n of Object.keys(SITES)) {
    const content = join(work, `content-${n}`);
    mkdirSync(content, { recursive: true });
    for (let i = 0; i < n; i++) writeFileSync(join(content, `bai-${i}.md`), article(i));
    const site = join(work, `site-${n}`);
    execFileSync("java", ["-jar", join(root, "target/luutru.jar"), "build", "--content", content,
      "--templates", join(root, "templates"), "--output", site, "--base-url", "https://example.org/"],
      { stdio: ["ignore", "ignore", "inherit"] });
    modules[n] = await import(pathToFileURL(join(site, "search/search.js")).href);
  }
});

const date = (i) => new Date(Date.UTC(2020, 11, 10 + i)).toISOString().slice(0, 10);

for (const [n, segments] of Object.entries(SITES)) {
  const count = Number(n);

  test(`${n} articles: the index has the segments ${JSON.stringify(segments)}`, () => {
    const index = JSON.parse(readFileSync(join(work, `site-${n}`, "search/index.json"), "utf8"));
    assert.deepEqual(index.segments.map(([start, end]) => [start, end]), segments);
    assert.equal(index.documents, count);
  });

  test(`${n} articles: a word of every article finds them all, newest first by date`, async () => {
    const m = modules[n];
    const r = await m.search("chi bo thon", { limit: 100, sort: "date" });
    assert.equal(r.total, count);
    assert.deepEqual(r.results.map((x) => x.date), [...Array(count).keys()].map(date).reverse());
    const one = await m.search(`bai${count - 1} `);
    assert.deepEqual(one.results.map((x) => x.title), [`Bài số ${count - 1}`]);
    const first = await m.search("bai0 ");
    assert.deepEqual(first.results.map((x) => x.title), ["Bài số 0"]);
  });

  test(`${n} articles: marks typed rank the articles written with them first, in every segment`, async () => {
    const m = modules[n];
    const marked = [...Array(count).keys()].filter((i) => i % 3 !== 0);
    const plain = [...Array(count).keys()].filter((i) => i % 3 === 0);
    const r = await m.search("Đại hội", { limit: 100 });
    assert.equal(r.total, count);
    // Equal scores otherwise: newer first within each kind.
    assert.deepEqual(r.results.map((x) => x.title), [...marked.reverse(), ...plain.reverse()].map((i) => `Bài số ${i}`));
  });

  test(`${n} articles: a year is a run of documents`, async () => {
    const m = modules[n];
    const r = await m.search("chi bo", { limit: 100, filters: { year: 2021 } });
    const expected = [...Array(count).keys()].filter((i) => date(i).startsWith("2021")).length;
    assert.equal(r.total, expected);
    assert.ok(r.results.every((x) => x.date.startsWith("2021")));
  });

  test(`${n} articles: a term's files are fetched once, one shard a segment`, async () => {
    const m = modules[n];
    fetched = [];
    await m.search("nhiem ky moi");
    const shards = fetched.filter((f) => f.includes("/search/s/"));
    assert.equal(new Set(shards).size, shards.length);
    fetched = [];
    await m.search("nhiem ky moi");
    assert.deepEqual(fetched, []);
  });
}
