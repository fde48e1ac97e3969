// The search page: results as you type, filters, sort, paging, and the query kept in the
// address (?q=…) so that a search can be bookmarked and shared. Needs nothing else of the site.
import { search } from "../search/search.js";

const PAGE = 10;
// As the lists' thumbnails (Picture.THUMB_SIZES and style.css): 7.5rem wide on a phone, 15rem beyond.
const THUMB_SIZES = "(max-width: 30rem) 7.5rem, 15rem";
const form = document.getElementById("tim-kiem");
const input = document.getElementById("q");
const status = document.getElementById("trang-thai");
const list = document.getElementById("danh-sach");
const pager = document.getElementById("phan-trang");
const previous = document.getElementById("trang-truoc");
const next = document.getElementById("trang-sau");
const pageLabel = document.getElementById("so-trang");
const selects = [...form.querySelectorAll("select")];
const toggle = document.getElementById("mo-bo-loc");
const activeFilters = document.getElementById("dang-loc");

let page = 1;
let ticket = 0;
let timer = 0;

function readAddress() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const s of selects) {
    const v = params.get(s.name);
    if (v !== null && [...s.options].some((o) => o.value === v)) s.value = v;
  }
  page = Math.max(1, parseInt(params.get("trang") || "1", 10) || 1);
}

function writeAddress() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value);
  for (const s of selects) if (s.value && !(s.name === "sort" && s.value === "relevance")) params.set(s.name, s.value);
  if (page > 1) params.set("trang", String(page));
  summarizeFilters();
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

// On a phone the filters fold behind a button (style.css) that says which of them are set. A
// search.peb of a theme made before the button has neither: the page works without them.
function summarizeFilters() {
  if (!activeFilters) return;
  const active = selects
    .filter((s) => s.value && !(s.name === "sort" && s.value === "relevance"))
    .map((s) => s.selectedOptions[0].textContent);
  activeFilters.textContent = `: ${active.length ? active.join(" · ") : "không lọc"}`;
}

toggle?.addEventListener("click", () => {
  const open = toggle.getAttribute("aria-expanded") !== "true";
  toggle.setAttribute("aria-expanded", String(open));
  form.classList.toggle("filters-open", open);
});

function shortDate(iso) {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

async function run() {
  const mine = ++ticket;
  writeAddress();
  const q = input.value;
  if (!q.trim()) {
    list.replaceChildren();
    pager.hidden = true;
    status.textContent = "";
    return;
  }
  const filters = {};
  for (const s of selects) if (s.name !== "sort" && s.value) filters[s.name] = s.value;
  const sort = form.elements.sort.value;
  let answer;
  try {
    answer = await search(q, { limit: PAGE, offset: (page - 1) * PAGE, sort, filters });
  } catch (e) {
    if (mine === ticket) status.textContent = "Không tải được chỉ mục tìm kiếm. Vui lòng thử lại.";
    return;
  }
  if (mine !== ticket) return;
  const pages = Math.max(1, Math.ceil(answer.total / PAGE));
  if (page > pages) {
    page = pages;
    return run();
  }
  list.replaceChildren(
    ...answer.results.map((r) => {
      const li = document.createElement("li");
      const h = document.createElement("h2");
      const a = document.createElement("a");
      a.href = r.url;
      a.innerHTML = r.titleHtml; // search.js escapes the text and adds only <mark>
      h.append(a);
      const meta = document.createElement("p");
      meta.className = "meta";
      const time = document.createElement("time");
      time.dateTime = r.date;
      time.textContent = shortDate(r.date);
      meta.append(time);
      if (r.category) meta.append(` · ${r.category}`);
      li.append(h, meta);
      if (r.people) {
        // The people of a congress report whose name was searched for, with their roles.
        const named = document.createElement("p");
        named.className = "people";
        named.innerHTML = r.people.join("; "); // escaped by search.js, as the excerpt
        li.append(named);
      }
      const excerpt = document.createElement("p");
      excerpt.innerHTML = r.excerpt; // search.js escapes the text and adds only <mark>
      li.append(excerpt);
      if (r.thumbnail) {
        // Beside the result as in the lists; decorative, since the title is the link.
        const img = document.createElement("img");
        img.className = "thumb";
        img.alt = "";
        img.loading = "lazy";
        img.decoding = "async";
        img.width = r.thumbnail.width;
        img.height = r.thumbnail.height;
        img.sizes = THUMB_SIZES;
        img.srcset = r.thumbnail.srcset;
        img.src = r.thumbnail.src;
        li.className = "with-thumb";
        li.append(img);
      }
      return li;
    }),
  );
  status.textContent =
    answer.total === 0
      ? `Không tìm thấy bài viết nào cho «${q.trim()}». Hãy thử ít từ hơn hoặc bỏ bớt bộ lọc.`
      : `Tìm thấy ${answer.total} bài viết cho «${q.trim()}»` + (pages > 1 ? ` · trang ${page}/${pages}` : "");
  pager.hidden = pages <= 1;
  previous.disabled = page <= 1;
  next.disabled = page >= pages;
  pageLabel.textContent = `Trang ${page}/${pages}`;
}

input.addEventListener("input", () => {
  page = 1;
  clearTimeout(timer);
  timer = setTimeout(run, 120);
});
for (const s of selects) {
  s.addEventListener("change", () => {
    page = 1;
    run();
  });
}
form.addEventListener("submit", (e) => {
  e.preventDefault();
  page = 1;
  run();
});
previous.addEventListener("click", () => {
  page -= 1;
  run().then(() => status.focus?.());
});
next.addEventListener("click", () => {
  page += 1;
  run();
});

readAddress();
run();
