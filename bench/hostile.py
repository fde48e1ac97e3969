#!/usr/bin/env python3
"""The hostile inputs that once made a stage quadratic, each built at two sizes: is it linear now?

  python3 bench/hostile.py                 # every case at its size and at 4 times it
  python3 bench/hostile.py --scale 0.25    # smaller sizes, for a quick look
  python3 bench/hostile.py --case headings --case footnotes

Each case is one article of a generated folder, built with `java -jar target/luutru.jar build`
into an emptied folder, a new process each run. For each case and size: exit code, wall time,
the stages' time (--timings), peak resident memory (os.wait4) and the bytes the build printed.
A baseline build of a one-line article gives what a build costs anyway (the JVM, the theme, the
search index). The ratio is (work at 4n) / (work at n), work being the stages' time above the
baseline's (the wall time above it for a build that fails and prints no timings), and the same
for the printed bytes: about 4 or less is linear, 16 would be quadratic. A case whose work at n
is under 0.2 s is too small to tell and gets no ratio. A case whose ratio passes --limit
(default 6) fails the run (exit 1). The hostile-input tests (HostileInputIT) check what these
inputs print; timing lives here, never in the tests.

The table replaces what stands between docs/benchmarks.md's hostile.py markers unless
--no-write is given. Only the standard library; Python 3.8 or later.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import re
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import write_section  # noqa: E402  (bench/bench.py)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DOC = os.path.join(ROOT, "docs", "benchmarks.md")
TIMINGS = re.compile(rb"timings: ([^\n]*)\n(?:timings of [^\n]*\n)*")
FRONT = '---\ntitle: "Bài thử"\ndate: 2020-01-17\n%s---\n\n'


def headings(n):
    """The same heading n times: each needs an id of its own (h, h-2, h-3 …)."""
    return FRONT % "" + "# h\n\n" * n


def anchor_links(n):
    """n links to one heading of the same article."""
    return FRONT % "" + "# h\n\n" + "[a](#h) " * n + "\n"


def missing_images(n):
    """n images that lead nowhere, on one line: n warnings, each quoting that line."""
    return FRONT % "" + "".join("![](khong-co-%d.png) " % i for i in range(n)) + "\n"


def scalar_aliases(n):
    """One long YAML scalar named once and repeated n times by alias."""
    return FRONT % ('s: &s "%s"\ntags: [%s]\n' % ("x" * 300000, ", ".join(["*s"] * n))) + "Thân bài.\n"


def nested_tables(n):
    """Raw HTML tables nested n deep."""
    return FRONT % "" + "<table><tr><td>" * n + "x" + "</td></tr></table>" * n + "\n"


def repeated_tables(n):
    """n small raw HTML tables side by side."""
    return FRONT % "" + "<table><tr><td>x</td></tr></table>\n" * n


def footnotes(n):
    """n references to one footnote: each would add a back-link to it."""
    return FRONT % "" + "Chú thích[^1] " * n + "\n\n[^1]: Một chú thích.\n"


def words(n):
    """A plain article of n words: the linear yardstick the other cases are read beside."""
    return FRONT % "" + " ".join(("đại", "hội", "chi", "bộ")[i % 4] for i in range(n)) + "\n"


CASES = [
    # name, generator, size (the size the issue measured, or one big enough to show the slope)
    ("words", words, 200000),
    ("headings", headings, 33333),
    ("anchor-links", anchor_links, 25000),
    ("missing-images", missing_images, 16666),
    ("scalar-aliases", scalar_aliases, 150000),
    ("nested-tables", nested_tables, 66000),
    ("repeated-tables", repeated_tables, 30000),
    ("footnotes", footnotes, 200000),
]


def run(jar, content, out, timeout):
    shutil.rmtree(out, ignore_errors=True)
    command = ["java", "-jar", os.path.abspath(jar), "build", "--content", os.path.abspath(content),
               "--output", os.path.abspath(out), "--timings", "--lang", "en"]  # parsed in English
    start = time.monotonic()
    # Not in the repository, whose ./templates would override the jar's own theme.
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            cwd=os.path.dirname(os.path.abspath(out)))
    printed = 0
    stages = None
    deadline = start + timeout
    while True:  # read as it comes: a case may print gigabytes
        chunk = proc.stdout.read(1 << 20)
        if not chunk:
            break
        printed += len(chunk)
        m = TIMINGS.search(chunk)
        if m:
            printed -= len(m.group(0))
            stages = sum(int(ms) for ms in re.findall(rb"(\d+) ms", m.group(1))) / 1000
        if time.monotonic() > deadline:
            proc.kill()
            break
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8
    timed_out = wall > timeout
    return {"wall": wall, "stages": stages, "rss_mb": usage.ru_maxrss / 1024, "printed": printed, "exit": code,
            "timed_out": timed_out}


def measure(jar, text, work, runs, timeout):
    content = os.path.join(work, "content")
    shutil.rmtree(content, ignore_errors=True)
    os.makedirs(content)
    with open(os.path.join(content, "bai.md"), "w", encoding="utf-8") as f:
        f.write(text)
    results = [run(jar, content, os.path.join(work, "site"), timeout) for _ in range(runs)]
    best = min(results, key=lambda r: r["wall"])
    best["wall"] = statistics.median(r["wall"] for r in results)
    if all(r["stages"] is not None for r in results):
        best["stages"] = statistics.median(r["stages"] for r in results)
    best["bytes"] = len(text.encode("utf-8"))
    return best


def work(run, base):
    """The seconds a build spent on its input: its stages when it printed them (a build that
    succeeds), else its wall time above the baseline's."""
    if run.get("stages") is not None and base.get("stages") is not None:
        return run["stages"] - base["stages"]
    return run["wall"] - base["wall"]


def ratio(big, small, base):
    """How much more work the larger input took, or nan when the smaller took too little to tell."""
    below = work(small, base)
    return work(big, base) / below if below > 0.2 else float("nan")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    p.add_argument("--case", action="append", help="only these cases (default: all)")
    p.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    p.add_argument("--factor", type=int, default=4, help="the larger size is this many times the smaller")
    p.add_argument("--runs", type=int, default=3, help="builds per case and size; the median wall time")
    p.add_argument("--limit", type=float, default=6.0, help="a time or output ratio above this fails")
    p.add_argument("--timeout", type=float, default=300, help="seconds before a build is stopped")
    p.add_argument("--jar", default=os.path.join(ROOT, "target", "luutru.jar"))
    p.add_argument("--no-write", action="store_true", help="print only; do not write docs/benchmarks.md")
    a = p.parse_args()
    if not os.path.exists(a.jar):
        subprocess.run(["mvn", "-q", "-ntp", "package", "-DskipTests"], cwd=ROOT, check=True)
    cases = [c for c in CASES if not a.case or c[0] in a.case]
    a.commit = commit()  # the code measured, before any commit made while it runs
    work = tempfile.mkdtemp(prefix="luutru-hostile-")
    try:
        base = measure(a.jar, FRONT % "" + "Một dòng.\n", work, a.runs, a.timeout)
        print("baseline: %.2f s, %.0f MB" % (base["wall"], base["rss_mb"]), file=sys.stderr, flush=True)
        rows, failed = [], []
        for name, make, size in cases:
            n = max(1, int(size * a.scale))
            small = measure(a.jar, make(n), work, a.runs, a.timeout)
            big = measure(a.jar, make(n * a.factor), work, a.runs, a.timeout)
            t = ratio(big, small, base)
            o = big["printed"] / small["printed"] if small["printed"] else float("nan")
            slow = big["timed_out"] or small["timed_out"] or t > a.limit or o > a.limit
            if slow:
                failed.append(name)
            rows.append((name, n, small, big, t, o, slow))
            print("%-16s n=%-7d %6.2f s → %6.2f s  time ×%.1f  printed %d → %d  exit %d/%d%s" % (
                name, n, small["wall"], big["wall"], t, small["printed"], big["printed"],
                small["exit"], big["exit"], "  NOT LINEAR" if slow else ""), file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = table(rows, base, a)
    print(text)
    if not a.no_write:
        write_section(DOC, "hostile.py", text)
    if failed:
        print("hostile.py: not linear: %s" % ", ".join(failed), file=sys.stderr)
        sys.exit(1)


def table(rows, base, a):
    out = ["%s, commit %s: `python3 bench/hostile.py%s`, the median of %d builds at each size."
           " Baseline (a one-line article): %.2f s wall, %.2f s in its stages, %.0f MB."
           % (time.strftime("%Y-%m-%d"), a.commit, "" if a.scale == 1 else " --scale %g" % a.scale, a.runs,
              base["wall"], base.get("stages") or 0, base["rss_mb"]),
           "",
           "| case | n | input | wall s, n → %dn | work s, n → %dn | work ratio | printed bytes, n → %dn"
           " | peak MB at %dn | exit | linear |" % ((a.factor,) * 4),
           "|---|---|---|---|---|---|---|---|---|---|"]
    for name, n, small, big, t, o, slow in rows:
        out.append("| %s | %d | %s | %.2f → %.2f | %.2f → %.2f | %s | %d → %d | %.0f | %d | %s |" % (
            name, n, size(small["bytes"]), small["wall"], big["wall"], work(small, base), work(big, base),
            "×%.1f" % t if t == t else "(too small)", small["printed"], big["printed"], big["rss_mb"],
            big["exit"], "**no**" if slow else "yes"))
    return "\n".join(out)


def size(b):
    return "%.0f KB" % (b / 1024) if b < 1 << 20 else "%.1f MB" % (b / (1 << 20))


def commit():
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


if __name__ == "__main__":
    main()
