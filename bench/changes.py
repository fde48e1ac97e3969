#!/usr/bin/env python3
"""What one change to the archive costs: the files a build rewrites, and its time against a cold build.

  python3 bench/changes.py                      # 10,000 articles, 3 rounds
  python3 bench/changes.py --sizes 1000 --runs 1 --no-write
  python3 bench/changes.py --changes add,edit
  python3 bench/changes.py --report /tmp/luutru-bench/changes-*.json   # the tables again from saved figures

From one state (N articles of ../shared/corpus/scale.py, a theme folder holding a copy of the
packed layout.peb, and the site built from them), each change is applied in turn to a copy of
that state, and the site is built again over the copy's site/, as a department does:

  add       one new article, dated the day after the newest (a copy of the newest, retitled)
  edit      one sentence added to the end of the body of an article in the middle of the archive
  delete    that article removed
  template  one word of the theme's layout.peb changed

For each change it reports the files of site/ added, changed and deleted (by SHA-256 of every
file before and after), the bytes of the changed and added ones, split by area (the search
index, numbered pages of lists, article pages, the lists' own addresses, feeds, sitemaps, the
rest), how many files the build wrote (their inode or modification time changed), and the build's wall time against the cold build of the same round (a build into an empty
folder). Rounds alternate the builds (cold, then each change), so a machine that gets busier
touches them alike; the ratios (of wall time, and of CPU time, which a busy machine disturbs
less) are the medians of the rounds'. Files are counted in the first round.

The section between the changes.py markers of docs/benchmarks.md is replaced with the tables,
unless --no-write is given; a run of other sizes than 10,000 writes between markers of its own
(`changes.py 100000`), which must be there. The articles are kept in --cache as bench.py keeps them.

Only the standard library; Python 3.8 or later.
"""
import argparse
import datetime
import hashlib
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the sibling script: corpus, machine, runs, the docs section)

ROOT = bench.ROOT
CHANGES = ["add", "edit", "delete", "template"]
AREAS = ["search", "page lists", "articles", "lists", "feeds", "sitemaps", "other"]
TARGETS = {"add": (150, 2e6), "edit": (30, None)}


def main():
    args = parse_args()
    if args.report:
        with open(args.report, encoding="utf-8") as f:
            results = json.load(f)
        text = report(results)
        print(text)
        if not args.no_write:
            bench.write_section(bench.DOC, section(results["args"]["sizes"]), text)
        return
    if not args.no_write:
        # Before a run that may take an hour, not after it.
        require_section(bench.DOC, section(args.sizes))
    jar = os.path.abspath(args.jar)
    if args.build or not os.path.exists(jar):
        bench.log("changes: building the jar (mvn -q -ntp package -DskipTests)")
        bench.subprocess.run(["mvn", "-q", "-ntp", "package", "-DskipTests"], cwd=ROOT, check=True)
    machine = bench.machine_info(None, args.out)
    bench.log("machine: %s" % "; ".join("%s %s" % kv for kv in machine.items()))
    results = {"machine": machine, "commit": bench.git_commit(), "args": vars(args), "sizes": {}}
    for n in args.sizes:
        results["sizes"][str(n)] = measure(n, args, jar)
    results["loadavg_end"] = bench.loadavg()
    json_path = os.path.join(args.cache, "changes-%s.json" % datetime.datetime.now().strftime("%Y%m%d-%H%M%S"))
    with open(json_path, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
    text = report(results)
    print(text)
    print("Raw figures: %s" % json_path)
    if not args.no_write:
        bench.write_section(bench.DOC, section(args.sizes), text)
        bench.log("changes: the tables are in %s" % os.path.relpath(bench.DOC))


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    p.add_argument("--sizes", default="10000", help="numbers of articles, comma-separated (default 10000)")
    p.add_argument("--runs", type=int, default=3, help="rounds of builds per size (default 3)")
    p.add_argument("--changes", default=",".join(CHANGES),
                   help="which changes, comma-separated (default %s)" % ",".join(CHANGES))
    p.add_argument("--jvm-opts", default="", help='JVM options for every run, e.g. "-Xmx2g"')
    p.add_argument("--jar", default=os.path.join(ROOT, "target", "luutru.jar"))
    p.add_argument("--build", action="store_true", help="run mvn package first (done anyway when the jar is missing)")
    p.add_argument("--cache", default="/tmp/luutru-bench", help="generated articles and results (default /tmp/luutru-bench)")
    p.add_argument("--out", help="where the states and builds live (default /dev/shm/luutru-changes when that "
                                 "tmpfs has room, else <cache>/changes)")
    p.add_argument("--timeout", type=float, help="seconds before a build is stopped and counted as failed")
    p.add_argument("--no-write", action="store_true", help="print the tables only, leave docs/benchmarks.md")
    p.add_argument("--report", metavar="JSON", help="the tables of an earlier run from its raw figures")
    argv = sys.argv[1:]
    for i in range(len(argv) - 1):  # "--jvm-opts -Xmx2g": a value that starts with a dash
        if argv[i] == "--jvm-opts":
            argv[i:i + 2] = ["--jvm-opts=" + argv[i + 1], ""]
    a = p.parse_args([x for x in argv if x != ""])
    a.sizes = [int(s.replace("_", "")) for s in a.sizes.split(",") if s.strip()]
    a.changes = [c.strip() for c in a.changes.split(",") if c.strip()]
    for c in a.changes:
        if c not in CHANGES:
            sys.exit("changes: --changes %s: not one of %s" % (c, ", ".join(CHANGES)))
    a.jvm_opts = bench.shlex.split(a.jvm_opts)
    a.cache = os.path.abspath(a.cache)
    if a.out is None:
        shm = bench.default_out(a.cache, max(a.sizes) * 3)  # the base state, its copy and a build
        a.out = os.path.join(os.path.dirname(shm), "luutru-changes") if shm.startswith("/dev/shm") \
            else os.path.join(a.cache, "changes")
    a.out = os.path.abspath(a.out)
    os.makedirs(a.cache, exist_ok=True)
    os.makedirs(a.out, exist_ok=True)
    return a


# --- the state and the changes ------------------------------------------------------------------

def make_state(corpus, state):
    """state/content (a copy of the articles) and state/theme (a copy of the packed layout.peb)."""
    shutil.rmtree(state, ignore_errors=True)
    shutil.copytree(corpus, os.path.join(state, "content"))
    os.makedirs(os.path.join(state, "theme"))
    shutil.copy(os.path.join(ROOT, "templates", "layout.peb"), os.path.join(state, "theme", "layout.peb"))


def articles(content):
    """Every article as (path, date), by path."""
    out = []
    for d, _, names in os.walk(content):
        for name in names:
            if name.endswith(".md"):
                path = os.path.join(d, name)
                with open(path, encoding="utf-8") as f:
                    m = re.search(r"^date: (\S+)", f.read(4096), re.M)
                out.append((path, m.group(1) if m else ""))
    return sorted(out)


def apply(change, state):
    """Changes the copy of the state at state; returns what it did, in a few words."""
    content = os.path.join(state, "content")
    listed = articles(content)
    if change == "add":
        newest, date = max(listed, key=lambda a: (a[1], a[0]))
        day = datetime.date.fromisoformat(date[:10]) + datetime.timedelta(days=1)
        with open(newest, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r'^title: "(.*)"$', lambda m: 'title: "%s (bài mới)"' % m.group(1), text, count=1, flags=re.M)
        text = re.sub(r"^date: \S+$", "date: " + day.isoformat(), text, count=1, flags=re.M)
        target = os.path.join(os.path.dirname(newest), "bai-moi.md")
        with open(target, "w", encoding="utf-8") as f:
            f.write(text)
        return "%s, dated %s" % (os.path.relpath(target, content), day)
    middle = sorted(listed, key=lambda a: (a[1], a[0]))[len(listed) // 2][0]
    if change == "edit":
        with open(middle, "a", encoding="utf-8") as f:
            f.write("\nBài viết được cập nhật thêm một câu.\n")
        return "a sentence added to %s" % os.path.relpath(middle, content)
    if change == "delete":
        os.remove(middle)
        return "%s deleted" % os.path.relpath(middle, content)
    layout = os.path.join(state, "theme", "layout.peb")
    with open(layout, encoding="utf-8") as f:
        text = f.read()
    changed = text.replace("Bỏ qua, đến nội dung chính", "Bỏ qua, tới nội dung chính", 1)
    if changed == text:
        sys.exit("changes: the word to change is no longer in templates/layout.peb")
    with open(layout, "w", encoding="utf-8") as f:
        f.write(changed)
    return "one word of layout.peb in the theme folder"


# --- builds and their files ---------------------------------------------------------------------

def build(state, args, jar):
    """Builds state/content with state/theme into state/site; the run's figures (bench.run_build's)."""
    b = bench.Build("luutru", "luutru", args.jvm_opts)
    cmd = ["java"] + b.jvm_opts + ["-jar", jar, "build", "--content", "content", "--templates", "theme",
                                   "--output", "site", "--timings"]
    logs = os.path.join(state, "logs")
    os.makedirs(logs, exist_ok=True)
    load = bench.loadavg()
    with open(os.path.join(logs, "stdout"), "wb") as so, open(os.path.join(logs, "stderr"), "wb") as se:
        t0 = bench.time.perf_counter()
        proc = bench.subprocess.Popen(cmd, stdout=so, stderr=se, stdin=bench.subprocess.DEVNULL, cwd=state)
        status, usage, timed_out = bench.wait(proc, args.timeout)
        wall = bench.time.perf_counter() - t0
    run = {"ok": status == 0, "exit": status, "wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
           "loadavg_before": load}
    if status != 0:
        with open(os.path.join(logs, "stderr"), encoding="utf-8", errors="replace") as f:
            run["error"] = "exit %s%s; %s" % (status, " (timed out)" if timed_out else "", bench.tail(f.read(), 8))
    return run


def hashes(site):
    """Every file of site/ by path: (SHA-256, size)."""
    out = {}
    for d, _, names in os.walk(site):
        for name in names:
            path = os.path.join(d, name)
            h = hashlib.sha256()
            with open(path, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
            out[os.path.relpath(path, site).replace(os.sep, "/")] = (h.hexdigest(), os.path.getsize(path))
    return out


def stats(site):
    """Every file of site/ by path: (inode, modification time in ns), to tell the files a build wrote."""
    out = {}
    for d, _, names in os.walk(site):
        for name in names:
            st = os.lstat(os.path.join(d, name))
            out[os.path.relpath(os.path.join(d, name), site).replace(os.sep, "/")] = (st.st_ino, st.st_mtime_ns)
    return out


def written(before, after):
    """How many files of after a build wrote: new, or another inode or date than before it."""
    return sum(1 for path, st in after.items() if before.get(path) != st)


def area(path):
    if path.startswith("search/"):
        return "search"
    if re.search(r"(^|/)page/\d+/index\.html$", path):
        return "page lists"
    if re.match(r"\d{4}/\d{2}/[^/]+/index\.html$", path):
        return "articles"
    if re.match(r"(index\.html$|chuyen-muc/[^/]+/index\.html$|the/[^/]+/index\.html$|\d{4}/(\d{2}/)?index\.html$)",
                path):
        return "lists"
    if path.endswith(("rss.xml", "atom.xml")):
        return "feeds"
    if re.match(r"sitemap(-[a-z0-9-]+)?\.xml$", path):
        return "sitemaps"
    return "other"


def difference(before, after):
    """Files added, changed and deleted, and the bytes of the added and changed, by area."""
    out = {a: {"added": 0, "changed": 0, "deleted": 0, "bytes": 0} for a in AREAS}
    for path, (digest, size) in after.items():
        was = before.get(path)
        if was is None or was[0] != digest:
            row = out[area(path)]
            row["added" if was is None else "changed"] += 1
            row["bytes"] += size
    for path in before:
        if path not in after:
            out[area(path)]["deleted"] += 1
    return out


# --- one size -----------------------------------------------------------------------------------

def measure(n, args, jar):
    corpus = bench.corpus(n, args.cache)
    bench.warm(corpus)
    base = os.path.join(args.out, "base")
    work = os.path.join(args.out, "work")
    make_state(corpus, base)
    bench.log("changes: %d articles, the base state in %s" % (n, base))
    first = build(base, args, jar)
    if not first["ok"]:
        sys.exit("changes: the first build failed: %s" % first["error"])
    base_files = hashes(os.path.join(base, "site"))
    out = {"files": len(base_files), "bytes": sum(s for _, s in base_files.values()),
           "cold": [], "changes": {c: {"runs": []} for c in args.changes}}
    for r in range(args.runs):
        # A cold build: the same state, its site/ emptied first.
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(base, work, symlinks=True, ignore=shutil.ignore_patterns("site"))
        run = build(work, args, jar)
        out["cold"].append(run)
        bench.log("%7d cold     round %d: %s" % (n, r + 1, describe(run)))
        for c in args.changes:
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(base, work, symlinks=True)
            what = apply(c, work)
            untouched = stats(os.path.join(work, "site")) if r == 0 else None
            run = build(work, args, jar)
            entry = out["changes"][c]
            entry["what"] = what
            entry["runs"].append(run)
            if r == 0 and run["ok"]:
                entry["files"] = difference(base_files, hashes(os.path.join(work, "site")))
                entry["written"] = written(untouched, stats(os.path.join(work, "site")))
            bench.log("%7d %-8s round %d: %s" % (n, c, r + 1, describe(run)))
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(base, ignore_errors=True)
    return out


def describe(run):
    if not run["ok"]:
        return "FAILED: %s" % run["error"]
    return "%.2f s wall, %.2f s CPU (load %.1f)" % (run["wall_s"], run["cpu_s"], run["loadavg_before"])


# --- the report ---------------------------------------------------------------------------------

def report(results):
    m = results["machine"]
    lines = ["### Changes, %s" % m["date"], ""]
    lines.append("Machine: %s CPUs (%s), %s RAM, Linux %s; %s. Output written to %s. luutru %s. "
                 "Load average %s at the start, %.2f at the end. Command: `python3 bench/changes.py%s`." % (
                     m["cpus"], m.get("cpu", "?"), m.get("ram", "?"), m["kernel"], m["java"], m["output on"],
                     results["commit"], m["load average at start"], results["loadavg_end"],
                     command_line(results["args"])))
    targets = []
    for n, size in results["sizes"].items():
        lines.append("")
        lines.append("{:,} articles: the cold build writes {:,} files ({:.1f} MB).".format(
            int(n), size["files"], size["bytes"] / 1e6))
        lines.append("")
        head = ["change", "files added", "changed", "deleted", "MB added + changed", "files written"] + \
               ["%s (a/c/d)" % a for a in AREAS] + ["wall s", "÷ cold build", "CPU s", "CPU ÷ cold build"]
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "---|" * len(head))
        cold = size["cold"]
        ok_cold = [r["wall_s"] for r in cold if r["ok"]]
        lines.append("| cold build | | | | | {:,} | ".format(size["files"]) + " | ".join("" for _ in AREAS) + " | %s | 1 | %s | 1 |" % (
            bench.spread(ok_cold, "%.2f"), bench.spread([r["cpu_s"] for r in cold if r["ok"]], "%.2f")))
        notes = []
        for c, entry in size["changes"].items():
            runs = entry["runs"]
            walls = [r["wall_s"] for r in runs if r["ok"]]
            ratios = [r["wall_s"] / k["wall_s"] for r, k in zip(runs, cold) if r["ok"] and k["ok"]]
            cpu_ratios = [r["cpu_s"] / k["cpu_s"] for r, k in zip(runs, cold) if r["ok"] and k["ok"]]
            cpus = [r["cpu_s"] for r in runs if r["ok"]]
            files = entry.get("files")
            if files:
                added = sum(v["added"] for v in files.values())
                changed = sum(v["changed"] for v in files.values())
                deleted = sum(v["deleted"] for v in files.values())
                mb = sum(v["bytes"] for v in files.values()) / 1e6
                cells = ["{:,}".format(added), "{:,}".format(changed), "{:,}".format(deleted), "%.2f" % mb,
                         "{:,}".format(entry["written"]) if "written" in entry else "—"]
                cells += ["%d/%d/%d" % (files[a]["added"], files[a]["changed"], files[a]["deleted"]) for a in AREAS]
                if c in TARGETS:
                    limit, limit_bytes = TARGETS[c]
                    n_files = added + changed + deleted
                    met = n_files <= limit and (limit_bytes is None or mb * 1e6 <= limit_bytes)
                    rest = {a: v for a, v in files.items() if a != "search"}
                    rest_files = sum(v["added"] + v["changed"] + v["deleted"] for v in rest.values())
                    rest_mb = sum(v["bytes"] for v in rest.values()) / 1e6
                    targets.append("{:,} articles, {}: {:,} files{} (target ≤ {}{}) — {}; outside the search "
                                   "index {:,} files, {:.2f} MB".format(
                                       int(n), c, n_files, ", %.2f MB" % mb if limit_bytes else "", limit,
                                       ", ≤ %.0f MB" % (limit_bytes / 1e6) if limit_bytes else "",
                                       "met" if met else "not met", rest_files, rest_mb))
            else:
                cells = ["—"] * (5 + len(AREAS))
            ratio = bench.med(ratios)
            cpu_ratio = bench.med(cpu_ratios)
            lines.append("| %s | %s | %s | %s | %s | %s |" % (
                c, " | ".join(cells), bench.spread(walls, "%.2f"), "%.2f" % ratio if ratio is not None else "—",
                bench.spread(cpus, "%.2f"), "%.2f" % cpu_ratio if cpu_ratio is not None else "—"))
            if ratio is not None:
                targets_line = "{:,} articles, {}: build ÷ cold build {:.2f} wall, {:.2f} CPU (target ≤ 0.15, " \
                               "needs builds that skip unchanged pages) — {}".format(
                                   int(n), c, ratio, cpu_ratio, "met" if ratio <= 0.15 else "not met")
                targets.append(targets_line)
            notes.append("*%s*: %s" % (c, entry.get("what", "?")))
        lines.append("")
        lines.append("; ".join(notes) + ".")
    lines.append("")
    lines.append("Files are compared by SHA-256 before and after the change; a/c/d = added/changed/deleted. "
                 "*page lists* are the numbered pages of lists (`page/N/`), *lists* their own addresses "
                 "(home, categories, tags, years, months). Times are the median of the rounds, (min–max); "
                 "a ratio is the median of each round's change ÷ that round's cold build. A build after a "
                 "change renders the whole site and writes into site/ only the files whose bytes differ: "
                 "*files written* counts those whose inode or modification time the build changed. "
                 "The cold build writes every file into an empty folder.")
    if targets:
        lines.append("")
        lines.append("Targets of the issue:")
        lines.append("")
        lines += ["- " + t for t in targets]
    return "\n".join(lines) + "\n"


def section(sizes):
    """The markers a run writes between: the default size's, or its own sizes', so that a run at
    100,000 articles leaves the figures at 10,000 in place."""
    return "changes.py" if sizes == [10000] else "changes.py " + ",".join(str(s) for s in sizes)


def require_section(doc, name):
    """Exits, saying what to add, unless doc has the markers a run of these sizes writes between."""
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    begin, end = "<!-- %s:begin -->" % name, "<!-- %s:end -->" % name
    if begin not in text or end not in text:
        sys.exit("changes: %s has no %s … %s lines; add them where the tables should go, "
                 "or run with --no-write" % (doc, begin, end))


def command_line(args):
    parts = []
    if args["sizes"] != [10000]:
        parts.append("--sizes " + ",".join(str(s) for s in args["sizes"]))
    if args["runs"] != 3:
        parts.append("--runs %d" % args["runs"])
    if args["changes"] != CHANGES:
        parts.append("--changes " + ",".join(args["changes"]))
    if args["jvm_opts"]:
        parts.append('--jvm-opts "%s"' % " ".join(args["jvm_opts"]))
    return "".join(" " + p for p in parts)


if __name__ == "__main__":
    main()
