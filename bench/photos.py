#!/usr/bin/env python3
"""Photos: N camera photos (4000 x 3000, EXIF with GPS and orientation) built by luutru and Hugo.

  python3 bench/photos.py                      # 200 photos, 3 rounds
  python3 bench/photos.py --photos 20 --rounds 1 --no-write   # smoke run

Each photo is one article (pNNN/index.md with `image: anh.jpg` and the same photo in its body),
a page bundle for Hugo. Both make the same renditions: widths 480, 960 and 1600 at quality 80
and thumbnails 240 x 160 and 480 x 320 cropped around the centre (luutru's defaults; Hugo with
bench/hugo-photos, .Resize and .Fill). The photos are made by bench/PhotoMaker.java and kept in
--cache, reused while their count, size and the maker are unchanged.

One round runs, in alternating order:
  luutru cold   - its cache (.luutru/cache beside the content) deleted first
  luutru warm   - the same build again, nothing changed
  luutru none   - the same articles without their photos
  hugo cold     - its resource cache (resourceDir) deleted first
  hugo none     - the same articles without photos
Then --warm-pairs - 1 more warm and without-photos builds, each pair one after the other.
Figures are medians over the rounds; ratios are taken within each round, then their median.
Every published JPEG of luutru's and Hugo's output is then read for EXIF (APP1), XMP and GPS.

The section between the photos.py markers of docs/benchmarks.md is replaced unless --no-write.
Only the standard library; Python 3.8 or later.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DOC = os.path.join(ROOT, "docs", "benchmarks.md")
MAKER = os.path.join(HERE, "PhotoMaker.java")
HUGO_SITE = os.path.join(HERE, "hugo-photos")


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--photos", type=int, default=200)
    a.add_argument("--rounds", type=int, default=3)
    a.add_argument("--size", default="4000x3000")
    a.add_argument("--cache", default="/tmp/luutru-photos-bench")
    a.add_argument("--jar", default=os.path.join(ROOT, "target", "luutru.jar"))
    a.add_argument("--no-write", action="store_true")
    a.add_argument("--no-hugo", action="store_true", help="luutru's builds only (cold, warm, none)")
    a.add_argument("--warm-pairs", type=int, default=5,
                   help="warm and without-photos builds, one after the other, this many times a round")
    args = a.parse_args()
    w, h = (int(x) for x in args.size.split("x"))
    if not os.path.exists(args.jar):
        log("photos: building the jar (mvn -q -o package -DskipTests)")
        subprocess.run(["mvn", "-q", "-o", "package", "-DskipTests"], cwd=ROOT, check=True)
    hugo = None if args.no_hugo else shutil.which("hugo")
    if hugo is None and not args.no_hugo:
        sys.exit("photos: hugo is not installed (apt-get install -y hugo), or give --no-hugo")
    # The commit measured: the jar's, when it was built from this checkout.
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True).stdout.strip()

    photos = make_photos(args.cache, args.photos, w, h)
    AVG[0] = statistics.mean(os.path.getsize(p) for p in photos) / 1e6
    work = os.path.join(args.cache, "work")
    shutil.rmtree(work, ignore_errors=True)
    with_photos = os.path.join(work, "with", "content")
    without = os.path.join(work, "without", "content")
    write_articles(with_photos, photos, True)
    write_articles(without, photos, False)
    out = os.path.join(work, "out")

    builds = {
        "luutru cold": lambda: luutru(args.jar, with_photos, out + "-l", cold=True),
        "luutru warm": lambda: luutru(args.jar, with_photos, out + "-l", cold=False),
        "luutru none": lambda: luutru(args.jar, without, out + "-l0", cold=True),
        "hugo cold": lambda: hugo_build(hugo, with_photos, out + "-h", work),
        "hugo none": lambda: hugo_build(hugo, without, out + "-h0", work),
    }
    if hugo is None:
        del builds["hugo cold"], builds["hugo none"]
    order = list(builds)
    rounds = []
    for r in range(args.rounds):
        # Alternating order; a warm build always follows luutru's cold one.
        names = order if r % 2 == 0 else [n for n in ["hugo none", "hugo cold", "luutru none", "luutru cold",
                                                      "luutru warm"] if n in builds]
        times = {}
        for name in names:
            times[name] = builds[name]()
            log("photos: round %d, %s: %.2f s" % (r + 1, name, times[name]))
        pairs = [(times["luutru warm"], times["luutru none"])]
        for _ in range(args.warm_pairs - 1):
            pair = (builds["luutru warm"](), builds["luutru none"]())
            log("photos: round %d, warm %.2f s, none %.2f s" % ((r + 1,) + pair))
            pairs.append(pair)
        times["pairs"] = pairs
        rounds.append(times)

    published = scan(out + "-l")
    hugo_published = scan(out + "-h") if hugo else None
    page_bytes = sizes(out + "-l")
    text = report(args, rounds, published, hugo_published, page_bytes, w, h, commit)
    print(text)
    if not args.no_write:
        write_section(DOC, "photos.py", text)
        log("photos: written to %s" % os.path.relpath(DOC))


def log(s):
    print(s, file=sys.stderr, flush=True)


def make_photos(cache, n, w, h):
    with open(MAKER, "rb") as f:
        key = hashlib.sha256(f.read() + ("%d %d %d" % (n, w, h)).encode()).hexdigest()[:16]
    d = os.path.join(cache, "photos-" + key)
    if not os.path.isdir(d) or len(os.listdir(d)) != n:
        log("photos: making %d photos of %d x %d in %s" % (n, w, h, d))
        shutil.rmtree(d, ignore_errors=True)
        subprocess.run(["java", MAKER, d, str(n), str(w), str(h)], check=True)
    return [os.path.join(d, f) for f in sorted(os.listdir(d))]


def write_articles(content, photos, with_photos):
    for i, photo in enumerate(photos):
        d = os.path.join(content, "p%03d" % i)
        os.makedirs(d)
        body = "Đại hội Chi bộ số %d lần thứ nhất nhiệm kỳ 2023 - 2025 đã thành công tốt đẹp.\n" % (i + 1)
        front = "---\ntitle: \"Đại hội Chi bộ số %d lần thứ nhất nhiệm kỳ 2023 - 2025\"\ndate: 2023-05-%02d\n" % (
            i + 1, 1 + i % 28)
        if with_photos:
            front += "image: anh.jpg\nimage_alt: \"Toàn cảnh Đại hội\"\n"
            body += "\n![Đại biểu dự Đại hội](anh.jpg)\n"
            os.link(photo, os.path.join(d, "anh.jpg"))
        with open(os.path.join(d, "index.md"), "w", encoding="utf-8") as f:
            f.write(front + "---\n\n" + body)


def timed(cmd, **kw):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    t = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit("photos: %s failed (%d):\n%s%s" % (" ".join(cmd), p.returncode, p.stdout[-2000:], p.stderr[-4000:]))
    return t


def luutru(jar, content, out, cold):
    if cold:
        shutil.rmtree(os.path.join(os.path.dirname(content), ".luutru"), ignore_errors=True)
    return timed(["java", "-jar", jar, "build", "--content", content, "--output", out])


def hugo_build(hugo, content, out, work):
    res = os.path.join(work, "hugo-resources")
    shutil.rmtree(res, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, HUGO_RESOURCEDIR=res)  # resourceDir is no command-line flag in Hugo 0.111
    return timed([hugo, "--quiet", "--source", HUGO_SITE, "--contentDir", content, "--destination", out,
                  "--cacheDir", os.path.join(work, "hugo-cache")], env=env)


def jpeg_metadata(b):
    """The metadata segments of a JPEG before its image data: APP1 (EXIF, XMP), APP13, COM."""
    found = []
    i = 2
    while i + 4 <= len(b) and b[i] == 0xFF:
        m = b[i + 1]
        if m == 0xDA:
            break
        n = (b[i + 2] << 8) | b[i + 3]
        if m == 0xE1:
            found.append("XMP" if b[i + 4:i + 8] == b"http" else "EXIF")
        elif m in (0xED, 0xFE):
            found.append("APP13" if m == 0xED else "comment")
        i += 2 + n
    return found


def header_end(b):
    """Where a JPEG's image data starts (its start-of-scan segment), or its length."""
    i = 2
    while i + 4 <= len(b) and b[i] == 0xFF:
        if b[i + 1] == 0xDA:
            return i
        i += 2 + ((b[i + 2] << 8) | b[i + 3])
    return len(b)


def scan(site):
    files = with_meta = gps = 0
    for dirpath, _, names in os.walk(site):
        for n in names:
            if n.lower().endswith((".jpg", ".jpeg")):
                with open(os.path.join(dirpath, n), "rb") as f:
                    b = f.read()
                files += 1
                meta = jpeg_metadata(b)
                with_meta += bool(meta)
                head = b[:header_end(b)]  # the image data after it may hold any bytes by chance
                gps += b"LuutruCam" in head or b"GPS" in head
    return {"files": files, "with_metadata": with_meta, "with_gps": gps}


def sizes(site):
    """Median bytes of each kind of rendition luutru published."""
    kinds = {}
    for dirpath, _, names in os.walk(site):
        for n in names:
            if n.endswith(".jpg"):
                kind = n.rsplit("-", 1)[-1][:-4]
                kinds.setdefault(kind, []).append(os.path.getsize(os.path.join(dirpath, n)))
    return {k: int(statistics.median(v)) for k, v in kinds.items()}


def report(args, rounds, published, hugo_published, kinds, w, h, commit):
    med = {k: statistics.median(r[k] for r in rounds) for k in rounds[0] if k != "pairs"}
    hugo = hugo_published is not None
    nan = float("nan")
    ratio = statistics.median(r["luutru cold"] / r["hugo cold"] for r in rounds) if hugo else nan
    photo_ratio = statistics.median(
        (r["luutru cold"] - r["luutru none"]) / max(1e-9, r["hugo cold"] - r["hugo none"])
        for r in rounds) if hugo else nan
    warm_extra = statistics.median(w - n for r in rounds for w, n in r["pairs"])
    hugo_v = subprocess.run(["hugo", "version"], stdout=subprocess.PIPE, text=True).stdout.split()[1] \
        if hugo else "not run"
    med.setdefault("hugo cold", nan)
    med.setdefault("hugo none", nan)
    hugo_published = hugo_published or {"with_metadata": 0, "files": 0}
    lines = [
        "### Photos, %s" % datetime.date.today().isoformat(),
        "",
        "`python3 bench/photos.py --photos %d --rounds %d --warm-pairs %d`: %d camera photos of %d × %d (%.1f MB each on"
        " average, EXIF with GPS, every fifth a portrait stored sideways), one article each; %d CPUs, load %.2f at the end;"
        " Hugo %s; luutru %s. Wall times, median of %d rounds, each build a new process." % (
            args.photos, args.rounds, args.warm_pairs, args.photos, w, h, avg_mb(args), os.cpu_count(), os.getloadavg()[0],
            hugo_v, commit, args.rounds),
        "",
        "| build | luutru s | Hugo s |",
        "|---|---|---|",
        "| cold: every rendition made | %.2f | %.2f |" % (med["luutru cold"], med["hugo cold"]),
        "| the same articles without photos | %.2f | %.2f |" % (med["luutru none"], med["hugo none"]),
        "| again, nothing changed (warm cache) | %.2f | |" % med["luutru warm"],
        "",
        "| target | measured | met |",
        "|---|---|---|",
        "| cold build with photos ≤ 0.7 × Hugo's | %.2f × | %s |" % (ratio, met(ratio <= 0.7, hugo)),
        "| the photos' part alone (cold − without photos), against Hugo's | %.2f × | %s |" % (
            photo_ratio, met(photo_ratio <= 0.7, hugo)),
        "| warm rebuild adds ≤ 0.5 s to a build without photos (median of %d pairs) | %+.2f s | %s |" % (
            sum(len(r["pairs"]) for r in rounds),
            warm_extra, "yes" if warm_extra <= 0.5 else "no"),
        "| published JPEGs with EXIF, XMP or a comment | %d of %d (Hugo: %d of %d) | %s |" % (
            published["with_metadata"], published["files"], hugo_published["with_metadata"],
            hugo_published["files"], "yes" if published["with_metadata"] == 0 else "no"),
        "| published JPEGs carrying the camera's GPS or make | %d | %s |" % (
            published["with_gps"], "yes" if published["with_gps"] == 0 else "no"),
        "",
        "Median bytes of a rendition: " + ", ".join(
            "%s %s KB" % (k, round(v / 1024)) for k, v in sorted(kinds.items(), key=lambda kv: kv[1])) + ".",
    ]
    return "\n".join(lines)


def met(condition, measured=True):
    return "-" if not measured else "yes" if condition else "no"


def avg_mb(args):
    return AVG[0]


AVG = [0.0]


def write_section(doc, name, text):
    begin, end = "<!-- %s:begin -->" % name, "<!-- %s:end -->" % name
    with open(doc, encoding="utf-8") as f:
        old = f.read()
    if begin not in old or end not in old:
        sys.exit("photos: %s has no %s … %s lines to write between" % (doc, begin, end))
    head, _, rest = old.partition(begin)
    _, _, tail = rest.partition(end)
    with open(doc, "w", encoding="utf-8") as f:
        f.write(head + begin + "\n" + text.strip() + "\n" + end + tail)


if __name__ == "__main__":
    main()
