// node --test for the thumbnails search.js returns: built from the golden `photos` content (two
// articles with camera photos) under a path prefix, and from the thumb entries' format directly.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const site = join(mkdtempSync(join(tmpdir(), "luutru-thumbs-")), "site");
// search.js finds the site's root from its own address: here a file path, as /luu-tru/ on a server.
const siteRoot = pathToFileURL(site + "/").pathname;
let m;

before(async () => {
  execFileSync("java", ["-jar", join(root, "target/luutru.jar"), "build",
    "--content", join(root, "src/test/resources/golden/photos/content"),
    "--templates", join(root, "templates"), "--output", site, "--base-url", "https://example.org/luu-tru/"],
    { stdio: ["ignore", "ignore", "inherit"] });
  globalThis.fetch = async (url) => {
    try {
      return new Response(readFileSync(fileURLToPath(url)));
    } catch {
      return new Response("", { status: 404 });
    }
  };
  m = await import(pathToFileURL(join(site, "search/search.js")).href);
});

test("a result of an article with a photo has its thumbnail, every file of it published", async () => {
  const r = await m.search("Phòng Kế hoạch");
  const t = r.results[0].thumbnail;
  // The lead photo, cropped around its focus point (50% 20%).
  assert.deepEqual(t, {
    src: `${siteRoot}2023/05/anh/dai-hoi-240x160-f50-20.jpg`,
    srcset: `${siteRoot}2023/05/anh/dai-hoi-240x160-f50-20.jpg 240w, ${siteRoot}2023/05/anh/dai-hoi-360x240-f50-20.jpg 360w, `
      + `${siteRoot}2023/05/anh/dai-hoi-480x320-f50-20.jpg 480w`,
    width: 240,
    height: 160,
  });
  for (const candidate of t.srcset.split(", ")) {
    assert.ok(existsSync(decodeURIComponent(candidate.split(" ")[0])), candidate);
  }
  // Without a lead photo, the first photo of the body.
  const meeting = await m.search("Hội nghị Ban Chấp hành");
  assert.equal(meeting.results[0].thumbnail.src, `${siteRoot}2023/05/anh/ban-chap-hanh-240x160.jpg`);
});

test("thumbnail() reads each form of a document's thumb", () => {
  const common = [[240, 160], [360, 240], [480, 320]];
  // The sizes most photos share, and .jpg: only the address before the size.
  assert.deepEqual(m.thumbnail(["anh/a-"], common, "/luu-tru/"), {
    src: "/luu-tru/anh/a-240x160.jpg",
    srcset: "/luu-tru/anh/a-240x160.jpg 240w, /luu-tru/anh/a-360x240.jpg 360w, /luu-tru/anh/a-480x320.jpg 480w",
    width: 240,
    height: 160,
  });
  // Another suffix, and a small photo's own sizes.
  assert.deepEqual(m.thumbnail(["anh/b-", "-f50-20.png", 200, 133], common, "/"), {
    src: "/anh/b-200x133-f50-20.png",
    srcset: "/anh/b-200x133-f50-20.png 200w",
    width: 200,
    height: 133,
  });
  assert.equal(m.thumbnail(["anh/c-", 240, 160, 360, 240], common, "/").srcset,
    "/anh/c-240x160.jpg 240w, /anh/c-360x240.jpg 360w");
  // None, or nothing to read.
  assert.equal(m.thumbnail(undefined, common, "/"), undefined);
  assert.equal(m.thumbnail(["anh/a-"], undefined, "/"), undefined);
  assert.equal(m.thumbnail([42], common, "/"), undefined);
});
