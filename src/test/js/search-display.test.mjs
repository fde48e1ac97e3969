// node --test for what search.js shows of a result: the marks (highlight) and the excerpt around
// the match. Pure functions, read from the source file itself: no site, no index.
import { test } from "node:test";
import assert from "node:assert/strict";
import { excerpt, highlight, people, tokenize } from "../../main/resources/vn/luutru/search/search.js";

const SEED =
  "Bầu cấp ủy gồm 03 đồng chí; đồng chí Nguyễn Trọng Thức giữ chức vụ Bí thư Chi bộ; " +
  "đồng chí Nguyễn Sỹ Chín dự và chỉ đạo Đại hội.";

// query, typing (the last word stands for the words it begins), mode, text → marked HTML
const HIGHLIGHTS = [
  // A person's full name: one mark over the name, none on another person's Nguyễn.
  ["nguyen trong thuc", false, "phrase", SEED,
    "Bầu cấp ủy gồm 03 đồng chí; đồng chí <mark>Nguyễn Trọng Thức</mark> giữ chức vụ Bí thư Chi bộ; " +
    "đồng chí Nguyễn Sỹ Chín dự và chỉ đạo Đại hội."],
  ["nguyen trong thuc", false, "auto", SEED,
    "Bầu cấp ủy gồm 03 đồng chí; đồng chí <mark>Nguyễn Trọng Thức</mark> giữ chức vụ Bí thư Chi bộ; " +
    "đồng chí Nguyễn Sỹ Chín dự và chỉ đạo Đại hội."],
  // The document has the phrase, this text does not: nothing is marked, not the syllables.
  ["nguyen trong thuc", false, "phrase", "Đồng chí Nguyễn Sỹ Chín chỉ đạo Đại hội.",
    "Đồng chí Nguyễn Sỹ Chín chỉ đạo Đại hội."],
  // Only single words matched: each word is marked, accents or not.
  ["nguyen thuc", false, "words", "Nguyễn Sỹ Chín và Thức", "<mark>Nguyễn</mark> Sỹ Chín và <mark>Thức</mark>"],
  ["dai", false, "words", "a <b> Đại & hội", "a &lt;b&gt; <mark>Đại</mark> &amp; hội"],
  // Words of the query side by side: one mark.
  ["bi thu chi bo", false, "words", "Bí thư, Chi bộ", "<mark>Bí thư</mark>, <mark>Chi bộ</mark>"],
  // Runs of the query's words in its order, each run once; its words elsewhere are not marked.
  ["dai hoi chi bo", false, "pairs", "Chỉ đạo Đại hội Chi bộ, chí", "Chỉ đạo <mark>Đại hội Chi bộ</mark>, chí"],
  ["dai hoi chi bo van phong", false, "pairs", "Đại hội Chi bộ lần thứ nhất của Văn phòng Sở",
    "<mark>Đại hội Chi bộ</mark> lần thứ nhất của <mark>Văn phòng</mark> Sở"],
  // A long query whose whole phrase this text lacks: its runs of more than half of the words.
  ["dai hoi chi bo van phong", false, "phrase", "Chi bộ Văn phòng 2 tổ chức Đại hội Chi bộ lần thứ nhất",
    "<mark>Chi bộ Văn phòng</mark> 2 tổ chức <mark>Đại hội Chi bộ</mark> lần thứ nhất"],
  ["dai hoi chi bo van phong", false, "phrase", "Đại hội của Chi bộ Văn phòng", "Đại hội của <mark>Chi bộ Văn phòng</mark>"],
  ["nguyen trong thuc", false, "phrase", "Đồng chí Nguyễn Trọng Nghĩa", "Đồng chí Nguyễn Trọng Nghĩa"],
  ["dai hoi", false, "phrase", "Đại hội, đại hội và hội đại", "<mark>Đại hội</mark>, <mark>đại hội</mark> và hội đại"],
  // Typed with marks: the written form typed first, the others only when there is none.
  ["Đại", false, "words", "đại hội và dài", "<mark>đại</mark> hội và dài"],
  ["dài", false, "words", "đại hội và dài", "đại hội và <mark>dài</mark>"],
  ["dãi", false, "words", "đại hội và dài", "<mark>đại</mark> hội và <mark>dài</mark>"],
  ["Nguyễn Trọng Thức", false, "phrase", "nguyen trong thuc và Nguyễn Trọng Thức", "nguyen trong thuc và <mark>Nguyễn Trọng Thức</mark>"],
  // While typing, the last word stands for the words it begins.
  ["van phon", true, "phrase", "Chi bộ Văn phòng 2 và văn bản", "Chi bộ <mark>Văn phòng</mark> 2 và văn bản"],
  ["phon", true, "words", "Văn phòng và phong trào", "Văn <mark>phòng</mark> và <mark>phong</mark> trào"],
  ["phon", false, "words", "Văn phòng và phong trào", "Văn phòng và phong trào"],
  // Escaping everywhere, marks or not.
  ["script", false, "words", "<script>alert(1)</script>", "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;"],
];

test("highlight: query → text → marked HTML", () => {
  for (const [query, typing, mode, text, html] of HIGHLIGHTS) {
    assert.equal(highlight(text, tokenize(query), typing, mode), html, `${query} (${mode}) in «${text}»`);
  }
});

const LONG =
  "Ngày 16/01/2020, Chi bộ Văn phòng 2 tổ chức Đại hội Chi bộ lần thứ nhất nhiệm kỳ 2020 - 2022. " +
  "Chi bộ đã hoàn thành các mục tiêu, nhiệm vụ mà Nghị quyết Đại hội đã đề ra, phát huy vai trò lãnh đạo " +
  "trên các mặt giáo dục chính trị tư tưởng. Tại Đại hội, các đại biểu đã biểu quyết thông qua Nghị quyết; " +
  "đồng chí Nguyễn Trọng Thức giữ chức vụ Bí thư Chi bộ; đồng chí Trần Quang Kháng giữ chức vụ Phó Bí thư. " +
  "Phát biểu chỉ đạo Đại hội, đồng chí Nguyễn Sỹ Chín ghi nhận những kết quả đạt được.";

test("excerpt: the part of the text around the phrase, cut between words, with … where text was left out", () => {
  const html = excerpt(LONG, tokenize("nguyen trong thuc"), false, "phrase", 120);
  assert.match(html, /^… [^\s]/);
  assert.match(html, /[^\s] …$/);
  assert.match(html, /<mark>Nguyễn Trọng Thức<\/mark>/);
  const shown = html.replace(/<\/?mark>/g, "").replace(/^… | …$/g, "");
  assert.ok(LONG.includes(shown), shown);
  assert.ok(shown.length <= 120 && shown.length >= 100, `${shown.length}: ${shown}`);
  // Centred: about as much text before the name as after it.
  const at = shown.indexOf("Nguyễn Trọng Thức");
  const after = shown.length - at - "Nguyễn Trọng Thức".length;
  assert.ok(Math.abs(at - after) < 20, `${at} before, ${after} after: ${shown}`);
  // Whole words at both ends.
  const words = new Set(LONG.split(/[\s,.;]+/));
  assert.ok(words.has(shown.split(" ")[0]), shown);
  assert.ok(words.has(shown.split(" ").at(-1).replace(/[,.;]$/, "")), shown);
});

test("excerpt: a match near the start shows the start, without … before it", () => {
  const html = excerpt(LONG, tokenize("van phong 2"), false, "phrase", 120);
  assert.match(html, /^Ngày 16\/01\/2020, Chi bộ <mark>Văn phòng 2<\/mark>/);
  assert.match(html, / …$/);
});

test("excerpt: a match near the end shows the end, without … after it", () => {
  const html = excerpt(LONG, tokenize("ket qua dat duoc"), false, "phrase", 120);
  assert.match(html, /^… /);
  assert.match(html, /<mark>kết quả đạt được<\/mark>\.$/);
});

test("excerpt: single words: where most of them are closest together", () => {
  const html = excerpt(LONG, tokenize("bi thu kháng"), false, "words", 120);
  assert.match(html, /<mark>Kháng<\/mark>/);
  // Neighbouring words in one mark.
  assert.match(html, /<mark>Bí thư<\/mark>/);
});

test("excerpt: no match, or a short text, shows the start as it is", () => {
  assert.equal(excerpt("Ngắn thôi.", tokenize("dai hoi"), false, "phrase"), "Ngắn thôi.");
  const html = excerpt(LONG, tokenize("xyz"), false, "words", 120);
  assert.match(html, /^Ngày 16\/01\/2020/);
  assert.match(html, / …$/);
  // A text the build already cut keeps its … at the end.
  assert.equal(excerpt("Đại hội Chi bộ …", tokenize("dai hoi"), false, "phrase"), "<mark>Đại hội</mark> Chi bộ …");
});

test("people: the congress's people whose name has the query, with their roles", () => {
  const list = [["Nguyễn Trọng Thức", "Bí thư Chi bộ"], ["Trần Quang Kháng", "Phó Bí thư <Chi bộ>"], ["Nguyễn Sỹ Chín", ""]];
  const named = (query, mode) => people(list, tokenize(query), false, mode);
  assert.deepEqual(named("nguyen trong thuc", "phrase"), ["<mark>Nguyễn Trọng Thức</mark> – Bí thư Chi bộ"]);
  assert.deepEqual(named("trong thuc", "phrase"), ["Nguyễn <mark>Trọng Thức</mark> – Bí thư Chi bộ"]);
  assert.deepEqual(named("nguyen", "words"), ["<mark>Nguyễn</mark> Trọng Thức – Bí thư Chi bộ", "<mark>Nguyễn</mark> Sỹ Chín"]);
  assert.deepEqual(named("khang", "words"), ["Trần Quang <mark>Kháng</mark> – Phó Bí thư &lt;Chi bộ&gt;"]);
  assert.deepEqual(named("dai hoi chi bo", "phrase"), []);
  assert.deepEqual(people(undefined, tokenize("nguyen"), false, "words"), []);
});
