// What marking a page of results costs in search.js: title, excerpt around the match and people
// for each of 10 documents, over SearchEval's queries, against an older search.js's excerpt marks.
//
//   git show a9584f4:src/main/resources/vn/luutru/search/search.js > /tmp/search-old.mjs
//   node bench/search-marks.mjs target/search-eval /tmp/search-old.mjs
//
// The first argument is SearchEval's folder (its site and queries.tsv); prints µs a query.
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [evalDir = "target/search-eval", oldPath] = process.argv.slice(2);
const neu = await import(new URL("../src/main/resources/vn/luutru/search/search.js", import.meta.url).href);
const old = oldPath ? await import(pathToFileURL(resolve(oldPath)).href) : null;
const dir = `${evalDir}/site/search/d/0`;
const docs = readdirSync(dir).map((f) => JSON.parse(readFileSync(`${dir}/${f}`, "utf8")));
const queries = readFileSync(`${evalDir}/queries.tsv`, "utf8").trim().split("\n").map((l) => l.split("\t")[1]);

function perQuery(mark) {
  let n = 0;
  const t0 = process.hrtime.bigint();
  for (const q of queries) for (let k = 0; k < 10; k++) mark(q, docs[(n++ * 7) % docs.length]);
  return Number(process.hrtime.bigint() - t0) / 1e3 / queries.length;
}
function median(mark) {
  for (let r = 0; r < 3; r++) perQuery(mark);
  const runs = Array.from({ length: 7 }, () => perQuery(mark)).sort((a, b) => a - b);
  return runs[3].toFixed(0);
}
const line = [`${queries.length} queries, 10 results each, µs a query (median of 7 runs):`];
if (old) line.push(`older excerpt marks ${median((q, d) => old.highlight(d.excerpt, old.tokenize(q), false))}`);
for (const mode of ["phrase", "words"]) {
  line.push(`${mode}: ${median((q, d) => {
    const t = neu.tokenize(q);
    neu.highlight(d.title, t, false, mode);
    neu.excerpt(d.excerpt, t, false, mode);
    neu.people(d.people, t, false, mode);
  })}`);
}
console.log(line.join(" "));
