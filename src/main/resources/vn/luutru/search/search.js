// luutru search: Vietnamese full-text search over the static index that `luutru build`
// writes beside this file. A dependency-free ES module; it finds its index from its own
// address, so it works under any path prefix.
//
//   import { search } from "/luu-tru/search/search.js";
//   const { total, results } = await search("dai hoi chi bo", { limit: 10 });
//   // results: [{ url, title, titleHtml, date, category, excerpt, people?, thumbnail? }],
//   // titleHtml, excerpt and people are HTML with <mark>; thumbnail, when the article has a photo: { src, srcset, width, height }
//
// The index format is described in SearchIndexWriter.java; the tokenizer and folding below
// must stay identical to SearchText.java and VietnameseText.java (a shared fixture checks it).

const HERE = new URL("./", import.meta.url);
const SITE_ROOT = new URL("../", import.meta.url);
const MAX_TOKEN_LENGTH = 32;
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060\uFEFF]/g;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const TITLE = 0x10;

/** Lower case, marks removed, đ → d: the form in which "dai hoi" matches "Đại hội". */
export function fold(text) {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[đð]/g, "d")
    .replace(/\p{Mn}/gu, "")
    .normalize("NFC");
}

/** The words of a text as the index holds them: [{ marked: "đại", folded: "dai" }, …]. */
export function tokenize(text) {
  const s = text.replace(/\r/g, "\n").replace(INVISIBLE, "").normalize("NFC").toLowerCase();
  const out = [];
  for (const m of s.matchAll(WORD)) {
    const marked = m[0];
    if ([...marked].length <= MAX_TOKEN_LENGTH) {
      out.push({ marked, folded: fold(marked) });
    }
  }
  return out;
}

/** FNV-1a over UTF-8, as SearchIndexWriter.hash. */
export function hash(term) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(term)) {
    h = Math.imul(h ^ b, 16777619);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------
// Fetching, with a cache so that a word already fetched costs nothing the next time.

const cache = new Map();
const counters = { bytes: 0, requests: 0 };

/** Bytes and requests this module has fetched so far (for benchmarks). */
export function stats() {
  return { ...counters };
}

function once(key, load) {
  let p = cache.get(key);
  if (!p) {
    p = load().catch((e) => {
      cache.delete(key);
      throw e;
    });
    cache.set(key, p);
  }
  return p;
}

async function fetchBytes(path) {
  const response = await fetch(new URL(path, HERE));
  if (!response.ok) {
    throw new Error(`search: ${path}: HTTP ${response.status}`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  counters.bytes += bytes.length;
  counters.requests += 1;
  return bytes;
}

const utf8 = new TextDecoder();
const fetchText = async (path) => utf8.decode(await fetchBytes(path));
const fetchJson = async (path) => JSON.parse(await fetchText(path));

const loadIndex = () => once("index", () => fetchJson("index.json"));

class Reader {
  constructor(bytes) {
    this.b = bytes;
    this.i = 0;
  }
  more() {
    return this.i < this.b.length;
  }
  byte() {
    return this.b[this.i++];
  }
  varint() {
    let v = 0;
    let shift = 0;
    for (;;) {
      const x = this.b[this.i++];
      v += (x & 0x7f) * 2 ** shift;
      if (x < 0x80) return v;
      shift += 7;
    }
  }
  string() {
    const n = this.varint();
    const s = utf8.decode(this.b.subarray(this.i, this.i + n));
    this.i += n;
    return s;
  }
}

const EMPTY = { variants: [], docs: new Int32Array(0), flags: new Uint8Array(0), bits: new Uint32Array(0) };

function readPostings(r) {
  const variants = [];
  for (let n = r.varint(); n > 0; n--) variants.push(r.string());
  const n = r.varint();
  const docs = new Int32Array(n);
  const flags = new Uint8Array(n);
  const bits = new Uint32Array(n);
  let doc = 0;
  for (let k = 0; k < n; k++) {
    doc = k === 0 ? r.varint() : doc + r.varint();
    docs[k] = doc;
    flags[k] = r.byte();
    bits[k] = variants.length > 1 ? r.varint() : 1;
  }
  return { variants, docs, flags, bits };
}

function loadShard(start, n) {
  return once(`s${start}/${n}`, async () => {
    const r = new Reader(await fetchBytes(`s/${start}/${n}.bin`));
    const terms = new Map();
    while (r.more()) {
      const term = r.string();
      if (r.byte() === 0) {
        terms.set(term, readPostings(r));
      } else {
        terms.set(term, { file: r.varint() });
      }
    }
    return terms;
  });
}

/** The shard of `term` in each segment, fetched in parallel: [{ start, n, terms }]. */
async function shardsOf(term) {
  const index = await loadIndex();
  const h = hash(term);
  return Promise.all(
    index.segments.map(async ([start, , shards]) => {
      const n = h & (shards - 1);
      return { start, n, terms: await loadShard(start, n) };
    }),
  );
}

/** Whether the archive has `term` at all: reads its shards only, never a long list. */
async function exists(term) {
  return (await shardsOf(term)).some((s) => s.terms.has(term));
}

/** A term's postings in one segment. */
function segmentPostings({ start, n, terms }, term) {
  const entry = terms.get(term);
  if (!entry) return EMPTY;
  if (entry.file === undefined) return entry;
  const file = `b/${start}/${n}-${entry.file}.bin`;
  return once(file, async () => readPostings(new Reader(await fetchBytes(file))));
}

/**
 * A term's postings in the whole archive: each segment's, fetched in parallel, one after the
 * other (segments hold runs of documents, oldest first), their written forms as one list.
 */
function postings(term) {
  return once(`p${term}`, async () => {
    const shards = await shardsOf(term);
    const lists = (await Promise.all(shards.map((s) => segmentPostings(s, term)))).filter((l) => l.docs.length > 0);
    return lists.length === 0 ? EMPTY : lists.length === 1 ? lists[0] : merge(lists);
  });
}

/** Segments' postings of one term as one list; a segment's form bits renumbered as the list's. */
function merge(lists) {
  const variants = [];
  const size = lists.reduce((n, l) => n + l.docs.length, 0);
  const docs = new Int32Array(size);
  const flags = new Uint8Array(size);
  const bits = new Uint32Array(size);
  let at = 0;
  for (const l of lists) {
    // The segment's form k is the list's form map[k]; bit 23 stands for forms 23 and later.
    const map = l.variants.map((v) => {
      const k = variants.indexOf(v);
      return k < 0 ? variants.push(v) - 1 : k;
    });
    docs.set(l.docs, at);
    flags.set(l.flags, at);
    for (let i = 0; i < l.docs.length; i++) {
      let b = 0;
      for (let k = 0; k < map.length; k++) {
        if (l.bits[i] & (1 << Math.min(23, k))) b |= 1 << Math.min(23, map[k]);
      }
      bits[at + i] = b >>> 0;
    }
    at += l.docs.length;
  }
  return { variants, docs, flags, bits };
}

/** Up to `max` more frequent syllables that start with `prefix` (for the word being typed). */
async function completions(prefix, max) {
  if (prefix.length < 2 || !/^[a-z0-9]{2}/.test(prefix)) return [];
  const lines = await once(`v${prefix.slice(0, 2)}`, async () => {
    try {
      return (await fetchText(`v/${prefix.slice(0, 2)}.txt`)).split("\n");
    } catch {
      return [];
    }
  });
  const out = [];
  for (const line of lines) {
    const term = line;
    if (term !== prefix && term.startsWith(prefix)) {
      out.push(term);
      if (out.length === max) break;
    }
  }
  return out;
}

function facetDocs(index, facet, value) {
  const names = index[facet] || [];
  const i = names.indexOf(value);
  if (i < 0) return Promise.resolve(new Set());
  return once(`f${facet}${i}`, async () => {
    const r = new Reader(await fetchBytes(`f/${facet}-${i}.bin`));
    const set = new Set();
    let doc = 0;
    for (let n = r.varint(), k = 0; k < n; k++) {
      doc = k === 0 ? r.varint() : doc + r.varint();
      set.add(doc);
    }
    return set;
  });
}

const loadDocument = (doc) => once(`d${doc}`, () => fetchJson(`d/${Math.floor(doc / 1000)}/${doc}.json`));

// ---------------------------------------------------------------------------------------
// Ranking.

/**
 * One position of the query: the terms that may stand there (the word typed, and for the last
 * word its completions), each with a weight and the written form the user typed.
 */
async function slot(alternatives, documents) {
  const lists = await Promise.all(alternatives.map((a) => postings(a.term)));
  const scores = new Map();
  lists.forEach((list, k) => {
    const alt = alternatives[k];
    const n = list.docs.length;
    if (n === 0) return;
    const idf = Math.log(1 + documents / n);
    const exact = alt.marked === alt.term ? -1 : list.variants.indexOf(alt.marked);
    for (let i = 0; i < n; i++) {
      const flags = list.flags[i];
      const tf = flags & 0x0f;
      let s = (flags & TITLE ? 4 : 0) + (tf ? 1 + 0.5 * Math.log(tf) : 0);
      if (exact >= 0 && list.bits[i] & (1 << Math.min(23, exact))) s *= 1.5;
      s *= idf * alt.weight;
      const d = list.docs[i];
      const old = scores.get(d);
      if (old === undefined || s > old) scores.set(d, s);
    }
  });
  return scores;
}

function intersect(slots) {
  if (slots.length === 0) return new Map();
  const ordered = [...slots].sort((a, b) => a.size - b.size);
  const out = new Map();
  for (const [doc, s] of ordered[0]) {
    let total = s;
    let all = true;
    for (let k = 1; k < ordered.length && all; k++) {
      const t = ordered[k].get(doc);
      if (t === undefined) all = false;
      else total += t;
    }
    if (all) out.set(doc, total);
  }
  return out;
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** The words of a text with their places: [{ start, end, marked: "nguyễn", folded: "nguyen" }]. */
function placedWords(text) {
  return [...text.matchAll(WORD)].map((m) => {
    const marked = m[0].toLowerCase();
    return { start: m.index, end: m.index + m[0].length, marked, folded: fold(marked) };
  });
}

/**
 * Which words of `words` to mark, as runs [first, count] in text order. `mode` says how the
 * document matched: "phrase" marks only the whole phrase (where the text lacks it, the runs of
 * more than half of a query of four words or more, never parts of a name); "pairs" every run of two or more
 * neighbouring words in the query's order; "words" each word of the query; "auto" the first of
 * these that marks anything. Where the query was typed with marks, words written that way are
 * preferred: the other forms are marked only when no word has the typed form.
 */
function runs(words, tokens, prefix, mode) {
  const marked = tokens.some((t) => t.marked !== t.folded);
  return (marked && runsOf(words, tokens, prefix, mode, true)) || runsOf(words, tokens, prefix, mode, false) || [];
}

function runsOf(words, tokens, prefix, mode, exact) {
  const n = tokens.length;
  const matches = (w, j) => {
    const t = tokens[j];
    const last = prefix && j === n - 1;
    if (!(last ? w.folded.startsWith(t.folded) : w.folded === t.folded)) return false;
    if (!exact || t.marked === t.folded) return true;
    return last ? w.marked.startsWith(t.marked) : w.marked === t.marked;
  };
  const found = (list) => (list.length ? list : null);
  const phrase = [];
  const pairs = [];
  if (n > 1 && mode !== "words") {
    for (let i = 0; i < words.length; i++) {
      let longest = 0;
      let whole = false;
      for (let j = 0; j < n; j++) {
        // Only runs that do not go on from the word before: each run counts once.
        if (i > 0 && j > 0 && matches(words[i - 1], j - 1)) continue;
        let k = 0;
        while (i + k < words.length && j + k < n && matches(words[i + k], j + k)) k++;
        if (j === 0 && k === n) whole = true;
        longest = Math.max(longest, k);
      }
      if (whole) phrase.push([i, n]);
      if (longest >= 2) {
        pairs.push([i, longest]);
        i += longest - 1;
      }
    }
  }
  if (mode === "phrase" && n > 1) return found(phrase.length || n <= 3 ? phrase : pairs.filter(([, k]) => k > n / 2));
  if (mode === "pairs" && n > 1) return found(pairs);
  if (mode === "auto" && n > 1 && (phrase.length || pairs.length)) return phrase.length ? phrase : pairs;
  const out = [];
  words.forEach((w, i) => {
    for (let j = 0; j < n; j++) {
      if (matches(w, j)) {
        out.push([i, 1]);
        return;
      }
    }
  });
  return found(out);
}

/** `text` from `from` to `to` as HTML, each run of `marks` ([start, end] in text order) in one <mark>. */
function markUp(text, marks, from = 0, to = text.length) {
  let html = "";
  let at = from;
  for (const [start, end] of marks) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s >= e || s < at) continue;
    html += escapeHtml(text.slice(at, s)) + "<mark>" + escapeHtml(text.slice(s, e)) + "</mark>";
    at = e;
  }
  return html + escapeHtml(text.slice(at, to));
}

/** The runs' places in the text, [start, end]; runs with only spaces between them as one. */
function places(text, words, found) {
  const out = [];
  for (const [i, k] of found) {
    const start = words[i].start;
    const end = words[i + k - 1].end;
    const previous = out[out.length - 1];
    if (previous && /^\s+$/u.test(text.slice(previous[1], start))) previous[1] = end;
    else out.push([start, end]);
  }
  return out;
}

/**
 * `text` as HTML, escaped, with the query in <mark>: one <mark> over each whole run of words, so
 * "nguyen trong thuc" marks "Nguyễn Trọng Thức" once. `mode` is how the document matched (see
 * search): "phrase" marks only the whole phrase, not its words elsewhere (see runs); "pairs" runs of two words
 * or more of the query; "words" each word; "auto" (the default) the first of those that the text
 * has. `prefix`: the last word stands for the words it begins (the last word being typed).
 */
export function highlight(text, tokens, prefix = false, mode = "auto") {
  const words = placedWords(text);
  return markUp(text, places(text, words, runs(words, tokens, prefix, mode)));
}

/**
 * About `length` characters of `text` around its first match of the query (for "words", where
 * the most marked words are closest together), cut between words with "…" where text was left
 * out, as HTML marked as by highlight. A text that already ends in " …" was cut before.
 */
export function excerpt(text, tokens, prefix = false, mode = "auto", length = 240) {
  const cut = /\s…$/u.test(text);
  const source = cut ? text.replace(/\s…$/u, "") : text;
  const words = placedWords(source);
  const found = runs(words, tokens, prefix, mode);
  const marks = places(source, words, found);
  let from = 0;
  let to = source.length;
  if (source.length > length) {
    // A phrase: its first place; single words: where most of them are closest together.
    const [focusStart, focusEnd] = found.every(([, k]) => k === 1) ? densest(marks, length) : marks[0];
    // Centre the match, as far as the text's ends allow; then widen to whole words inside.
    from = Math.max(0, Math.min(Math.round((focusStart + focusEnd - length) / 2), source.length - length));
    to = from + length;
    if (from > 0) from = (words.find((w) => w.start >= from) ?? { start: from }).start;
    if (to < source.length) {
      const inside = words.filter((w) => w.end <= to && w.start >= from);
      to = inside.length ? inside[inside.length - 1].end : to;
      // Keep a closing mark or bracket right after the last word.
      while (to < source.length && /[.,;:!?»”)\]]/u.test(source[to])) to++;
    }
  }
  return (from > 0 ? "… " : "") + markUp(source, marks, from, to) + (to < source.length || cut ? " …" : "");
}

/** From the start of the first to the end of the last of the most marks within `length` characters. */
function densest(marks, length) {
  if (marks.length === 0) return [0, 0];
  let best = 0;
  let bestCount = 0;
  let bestEnd = marks[0][1];
  for (let a = 0; a < marks.length; a++) {
    let b = a;
    while (b + 1 < marks.length && marks[b + 1][1] - marks[a][0] <= length) b++;
    if (b - a + 1 > bestCount) {
      best = a;
      bestCount = b - a + 1;
      bestEnd = marks[b][1];
    }
  }
  return [marks[best][0], bestEnd];
}

/**
 * The people of a congress report (`[[name, role]]`) whose name has the query, as HTML: the name
 * marked as by highlight, then " – " and the role. `mode`: how the document matched.
 */
export function people(list, tokens, prefix = false, mode = "auto") {
  if (!Array.isArray(list)) return [];
  const out = [];
  for (const [name, role] of list) {
    if (typeof name !== "string") continue;
    const html = highlight(name, tokens, prefix, mode === "words" ? "words" : "phrase");
    if (html.includes("<mark>")) out.push(role ? `${html} – ${escapeHtml(String(role))}` : html);
  }
  return out;
}

/**
 * A result's thumbnail from its document's `thumb` and the index's `thumbs` (the format is in
 * ResultThumbnails.java): `{ src, srcset, width, height }`, the addresses starting with `root`,
 * the smallest file as `src`; undefined when there is none.
 */
export function thumbnail(thumb, common, root) {
  if (!Array.isArray(thumb) || typeof thumb[0] !== "string") return undefined;
  let i = 1;
  const suffix = typeof thumb[1] === "string" ? thumb[i++] : ".jpg";
  const sizes = [];
  if (i === thumb.length) sizes.push(...(common || []));
  for (; i + 1 < thumb.length; i += 2) sizes.push([thumb[i], thumb[i + 1]]);
  if (sizes.length === 0) return undefined;
  const url = ([w, h]) => `${root}${thumb[0]}${w}x${h}${suffix}`;
  return {
    src: url(sizes[0]),
    srcset: sizes.map((s) => `${url(s)} ${s[0]}w`).join(", "),
    width: sizes[0][0],
    height: sizes[0][1],
  };
}

/**
 * Searches the archive.
 *
 * Several words are looked up as a phrase (each pair of neighbouring words): documents with
 * the whole phrase come first, then, for four words or more, those that miss one pair (for three
 * words, such as a person's name, only when no document has the whole phrase). Only
 * when no document has the phrase are the single words looked up, and then every document
 * with all the words anywhere matches. `total` counts the matches. While typing (no space at
 * the end), a last word that the archive does not have matches the words it starts. Matches in the title weigh
 * more, a query typed with marks prefers documents written with the same marks, and newer
 * documents break ties. `titleHtml` and `excerpt` are HTML, escaped, with what matched in <mark>
 * (see highlight); the excerpt is the part of the document's excerpt around the match; `people`,
 * for a congress report that names people the query matches, "name – role" in HTML likewise.
 *
 * @param {string} query
 * @param {{limit?: number, offset?: number, sort?: "relevance"|"date",
 *          filters?: {year?: number|string, category?: string, organization?: string, term?: string}}} options
 * @returns {Promise<{total: number, results: {url: string, title: string, titleHtml: string, date: string, category: string, excerpt: string, people?: string[],
 *          thumbnail?: {src: string, srcset: string, width: number, height: number}}[]}>}
 */
export async function search(query, options = {}) {
  const limit = Math.max(0, options.limit ?? 10);
  const offset = Math.max(0, options.offset ?? 0);
  const sort = options.sort === "date" ? "date" : "relevance";
  const filters = options.filters || {};
  const index = await loadIndex();
  const tokens = tokenize(String(query ?? ""));
  if (tokens.length === 0) return { total: 0, results: [] };

  const typing = !/\s$/u.test(query);
  const last = tokens[tokens.length - 1];
  const lastAlternatives = [{ term: last.folded, marked: last.marked, weight: 1 }];
  // Start fetching the phrase's pairs (or the single word) now, while finding out whether the
  // last word needs completing; both are cached, so nothing is fetched twice.
  if (tokens.length > 1) {
    for (let i = 0; i + 1 < tokens.length; i++) postings(`${tokens[i].folded} ${tokens[i + 1].folded}`).catch(() => {});
  } else {
    postings(last.folded).catch(() => {});
  }
  // While typing, a last word that is not a word of the archive stands for the words it starts.
  // The pair it ends, being fetched already, shows it is one without fetching its own shards.
  const lastPair = tokens.length > 1 ? `${tokens[tokens.length - 2].folded} ${last.folded}` : null;
  if (typing && !((lastPair !== null && (await exists(lastPair))) || (await exists(last.folded)))) {
    for (const t of await completions(last.folded, 3)) lastAlternatives.push({ term: t, marked: t, weight: 0.6 });
  }
  const word = (i) => (i === tokens.length - 1 ? lastAlternatives : [{ term: tokens[i].folded, marked: tokens[i].marked, weight: 1 }]);

  let allowed = null;
  const narrow = (set) => {
    allowed = allowed === null ? set : new Set([...allowed].filter((d) => set.has(d)));
  };
  if (filters.year !== undefined && filters.year !== "") {
    // A year may be several ranges: documents are in time order, years are local dates.
    const set = new Set();
    for (const range of index.years.filter((y) => String(y[0]) === String(filters.year))) {
      for (let d = range[1]; d < range[2]; d++) set.add(d);
    }
    narrow(set);
  }
  for (const facet of ["category", "organization", "term"]) {
    if (filters[facet]) narrow(await facetDocs(index, facet, filters[facet]));
  }
  const keep = (scores) => {
    if (allowed === null) return scores;
    const out = new Map();
    for (const [d, s] of scores) if (allowed.has(d)) out.set(d, s);
    return out;
  };

  const n = index.documents;
  // Phrase first: the pairs of neighbouring words. Documents with every pair come first, then
  // (for four words or more, or three that no document has together) those missing one pair. Only when no document has the phrase are
  // the single words looked up, which for common syllables are long lists.
  let ranked = new Map();
  if (tokens.length > 1) {
    const pairs = [];
    for (let i = 0; i + 1 < tokens.length; i++) {
      const left = tokens[i];
      pairs.push(
        word(i + 1).map((a) => ({ term: `${left.folded} ${a.term}`, marked: `${left.marked} ${a.marked}`, weight: a.weight })),
      );
    }
    const slots = await Promise.all(pairs.map((p) => slot(p, n)));
    const full = keep(intersect(slots));
    for (const [d, s] of full) ranked.set(d, s + 2e6);
    // Three words (a person's name, most often) have two pairs: one of them alone is another
    // name or a chance meeting of words, worth showing only when no document has the phrase.
    if (slots.length >= 3 || (slots.length === 2 && full.size === 0)) {
      for (let skip = 0; skip < slots.length; skip++) {
        const partial = keep(intersect(slots.filter((_, k) => k !== skip)));
        for (const [d, s] of partial) if (!ranked.has(d) || ranked.get(d) < s + 1e6) ranked.set(d, Math.max(ranked.get(d) ?? 0, s + 1e6));
      }
    }
  }
  if (ranked.size === 0) {
    const slots = await Promise.all(tokens.map((_, i) => slot(word(i), n)));
    ranked = keep(intersect(slots));
  }

  // Documents are numbered oldest first: newest first is the larger number first.
  const order = [...ranked.entries()];
  if (sort === "date") order.sort((a, b) => b[0] - a[0]);
  else order.sort((a, b) => b[1] - a[1] || b[0] - a[0]);

  const page = order.slice(offset, offset + limit);
  const documents = await Promise.all(page.map(([d]) => loadDocument(d)));
  const root = SITE_ROOT.pathname;
  // Marks show what matched: the whole phrase where a document has it, else its runs of words.
  const completed = lastAlternatives.length > 1;
  return {
    total: order.length,
    results: documents.map((m, k) => {
      const score = page[k][1];
      const mode = tokens.length === 1 ? "words" : score >= 2e6 ? "phrase" : score >= 1e6 ? "pairs" : "words";
      const result = {
        url: root + m.url,
        title: m.title,
        titleHtml: highlight(m.title, tokens, completed, mode),
        date: m.date,
        category: m.category,
        excerpt: excerpt(m.excerpt, tokens, completed, mode),
      };
      const named = people(m.people, tokens, completed, mode);
      if (named.length) result.people = named;
      const t = thumbnail(m.thumb, index.thumbs, root);
      if (t) result.thumbnail = t;
      return result;
    }),
  };
}
