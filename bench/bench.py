#!/usr/bin/env python3
"""Cold builds of N generated articles, luutru beside Hugo, and a Markdown table of the figures.

  python3 bench/bench.py                         # 1,000, 10,000 and 100,000 articles, 3 runs each, with Hugo
  python3 bench/bench.py --quick                 # smoke run: 1,000 articles, 1 run
  python3 bench/bench.py --sizes 100000 --runs 1 --jvm-opts "-Xmx2g"
  python3 bench/bench.py --sizes 10000 --no-hugo \\
      --variant c1="-XX:TieredStopAtLevel=1" --variant serial="-XX:+UseSerialGC"
  python3 bench/bench.py --report /tmp/luutru-bench/results-*.json   # tables again from saved figures

The tables also replace the newest figures in docs/benchmarks.md (between its bench.py markers),
unless --no-write is given; --report only prints.

Each run is a new process (a new JVM for luutru) writing into an emptied folder. The builds of
one round alternate (luutru, its variants, Hugo; then again), so a machine that gets busier or
quieter during the run touches them all alike; ratios are taken within a round, then their
median. Measured per run: wall time, CPU time (user + sys) and peak resident memory of the
process (os.wait4), the stages luutru prints with --timings, Hugo's own "Total in", and, once per
build and size, the files and bytes in the output folder. Hugo's pages have no related
articles, as Hugo is usually measured (DESIGN.md's 7.5 s at 10,000); --hugo-related adds a
Hugo build that makes them as luutru does, which costs Hugo twice the time at 10,000 articles.

The builds write to tmpfs (/dev/shm) when it has room, else under --cache: on a shared machine
the disk made runs vary by seconds. --out puts them on a disk to see what writing costs there.

The articles come from ../shared/corpus/scale.py and are kept in --cache (default
/tmp/luutru-bench/<N>), reused when their count and scale.py are unchanged. They are read once
before the runs, so every run finds them in the page cache: "cold" means a new process, not a
cold disk. Hugo builds the same folder with the small site in bench/hugo/ (hugo --contentDir).

--floor adds a build of the same kinds of pages as bench/hugo's on this project's libraries
alone (snakeyaml-engine, commonmark-java, Pebble) and nothing of luutru's: no checks, no search
index, no second JVM (vn.luutru.build.FloorBench, in the JVM luutru build starts for its work).
What it takes is the least a build on these libraries can take on this machine.

A JVM option -XX:SharedArchiveFile=F whose archive F is missing or older than the jar gets one
untimed build with -XX:ArchiveClassesAtExit=F first (AppCDS).

Only the standard library; Python 3.8 or later.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCALE = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus", "scale.py"))
HUGO_SITE = os.path.join(HERE, "hugo")
DOC = os.path.join(ROOT, "docs", "benchmarks.md")
STAGES_LEGEND = {
    "content": "reading and parsing the files (front matter)",
    "model": "the site model, Markdown rendering included",
    "render": "templates, each page written as it is rendered",
    "search": "the search index, its files written as they are made",
    "write": "copying static files and swapping the new folder in (over an existing site: moving the changed files in and deleting the stale ones)",
}


def main():
    args = parse_args()
    if args.report:
        report_files(args.report)
        return
    jar = os.path.abspath(args.jar)
    if args.build or not os.path.exists(jar):
        print("bench: building the jar (mvn -q -ntp package -DskipTests)", file=sys.stderr, flush=True)
        subprocess.run(["mvn", "-q", "-ntp", "package", "-DskipTests"], cwd=ROOT, check=True)
    hugo = None if args.no_hugo else shutil.which("hugo")
    if not args.no_hugo and hugo is None:
        print("bench: hugo is not installed; luutru only (apt-get install hugo)", file=sys.stderr)

    builds = [Build("luutru", "luutru", args.jvm_opts)]
    for spec in args.variant:
        name, _, opts = spec.partition("=")
        if name in ("luutru", "hugo", "hugo-related", "floor"):
            sys.exit("bench: --variant %s: that name is taken by a build of its own" % name)
        builds.append(Build(name, "luutru", args.jvm_opts + shlex.split(opts)))
    for spec in args.jar_variant:
        name, _, path = spec.partition("=")
        if name in [b.name for b in builds] + ["hugo", "hugo-related", "floor"]:
            sys.exit("bench: --jar-variant %s: that name is taken" % name)
        builds.append(Build(name, "luutru", args.jvm_opts, jar=os.path.abspath(path)))
    if args.floor:
        builds.append(Build("floor", "floor", args.jvm_opts))
        floor_classpath()  # compiled before the first timed run
    if hugo:
        builds.append(Build("hugo", "hugo", []))
        if args.hugo_related:
            builds.append(Build("hugo-related", "hugo", [], {"HUGO_PARAMS_RELATED": "true"}))

    machine = machine_info(hugo, args.out)
    started = datetime.datetime.now().astimezone()
    log("machine: %s" % "; ".join("%s %s" % kv for kv in machine.items()))
    results = {"started": started.isoformat(timespec="seconds"), "machine": machine,
               "commit": git_commit(), "args": vars(args), "sizes": {},
               "builds": [{"name": b.name, "kind": b.kind, "jvm_opts": b.jvm_opts, "env": b.env, "jar": b.jar}
                          for b in builds]}

    for n in args.sizes:
        content = corpus(n, args.cache)
        warm(content)
        for b in builds:
            if b.kind == "luutru":
                ensure_cds_archive(b, jar, content, args.out)
        runs = {b.name: [] for b in builds}
        rounds = max(args.runs, args.hugo_runs if hugo else 0)
        for r in range(rounds):
            for b in builds:
                if r >= (args.hugo_runs if b.kind == "hugo" else args.runs):
                    continue
                out_root = os.path.join(args.out, b.name)
                run = run_build(b, jar, content, out_root, args.timeout, count=(not runs[b.name]))
                runs[b.name].append(run)
                log("%7d %-10s run %d: %s" % (n, b.name, r + 1, describe(run)))
                if not run["ok"]:
                    log("        " + run["error"].replace("\n", "\n        "))
        results["sizes"][str(n)] = runs
        for b in builds:  # the last outputs would otherwise stay in memory on tmpfs
            shutil.rmtree(os.path.join(args.out, b.name, "site"), ignore_errors=True)

    results["finished"] = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    results["loadavg_end"] = loadavg()
    json_path = args.json or os.path.join(args.cache, "results-%s.json" % started.strftime("%Y%m%d-%H%M%S"))
    with open(json_path, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
    text = report(results, builds) + "\n" + targets_section([(results, builds)])
    print(text)
    print("Raw figures: %s" % json_path)
    if not args.no_write:
        write_section(DOC, "bench.py", text)
        log("bench: the tables are in %s" % os.path.relpath(DOC))


def write_section(doc, name, text):
    """Replaces what stands between doc's <!-- NAME:begin --> and <!-- NAME:end --> lines with text."""
    begin, end = "<!-- %s:begin -->" % name, "<!-- %s:end -->" % name
    with open(doc, encoding="utf-8") as f:
        old = f.read()
    if begin not in old or end not in old:
        sys.exit("bench: %s has no %s … %s lines to write between" % (doc, begin, end))
    head, _, rest = old.partition(begin)
    _, _, tail = rest.partition(end)
    with open(doc, "w", encoding="utf-8") as f:
        f.write(head + begin + "\n" + text.strip() + "\n" + end + tail)


def report_files(paths):
    """The tables of earlier runs from their raw figures, and the targets over all of them."""
    loaded = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            results = json.load(f)
        builds = [Build(b["name"], b["kind"], b["jvm_opts"], b.get("env"), b.get("jar")) for b in results["builds"]]
        loaded.append((results, builds))
        print(report(results, builds))
    print(targets_section(loaded))


class Build:
    def __init__(self, name, kind, jvm_opts, env=None, jar=None):
        self.name, self.kind, self.jvm_opts, self.env = name, kind, list(jvm_opts), dict(env or {})
        self.jar = jar  # another luutru jar than --jar's, for a build of other code

    def options(self):
        if self.kind == "hugo":
            return " ".join("%s=%s" % kv for kv in self.env.items()) or "—"
        jar = " (%s)" % os.path.basename(self.jar) if self.jar else ""
        return (" ".join(self.jvm_opts) or "(none)") + jar

    def command(self, jar, content, out):
        if self.kind == "hugo":
            return ["hugo", "--source", HUGO_SITE, "--contentDir", content, "--destination", out,
                    "--cacheDir", out + ".cache", "--noBuildLock"]
        if self.kind == "floor":
            return (["java"] + floor_options(self.jvm_opts, content) + ["-cp", floor_classpath(),
                                                                         "vn.luutru.build.FloorBench", content, out])
        return (["java"] + self.jvm_opts + ["-jar", os.path.abspath(self.jar or jar), "build",
                                            "--content", os.path.abspath(content),
                                            "--output", os.path.abspath(out), "--timings",
                                            "--lang", "en"])  # its output is parsed in English


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    p.add_argument("--sizes", default="1000,10000,100000",
                   help="numbers of articles, comma-separated (default 1000,10000,100000)")
    p.add_argument("--runs", type=int, default=3, help="runs of each luutru build per size (default 3)")
    p.add_argument("--hugo-runs", type=int, help="runs of Hugo per size (default: --runs)")
    p.add_argument("--no-hugo", action="store_true", help="leave Hugo out")
    p.add_argument("--hugo-related", action="store_true",
                   help="also Hugo with five related articles on each page, as luutru makes them "
                        "(HUGO_PARAMS_RELATED=true); much slower, past 25 minutes at 100,000")
    p.add_argument("--jvm-opts", default="", help='JVM options for every luutru run, e.g. "-Xmx2g"')
    p.add_argument("--variant", action="append", default=[], metavar="NAME=OPTS",
                   help='another luutru build with more JVM options, e.g. serial="-XX:+UseSerialGC"; repeatable')
    p.add_argument("--jar-variant", action="append", default=[], metavar="NAME=JAR",
                   help="another luutru build from another jar (other code), alternating with the rest, "
                        "e.g. before=/tmp/luutru-before.jar; repeatable")
    p.add_argument("--floor", action="store_true",
                   help="also the libraries' floor: the same kinds of pages as bench/hugo's, on snakeyaml-engine, "
                        "commonmark-java and Pebble alone (vn.luutru.build.FloorBench; "
                        "runs mvn -Pbench test-compile first)")
    p.add_argument("--quick", action="store_true", help="smoke run: --sizes 1000 --runs 1")
    p.add_argument("--jar", default=os.path.join(ROOT, "target", "luutru.jar"))
    p.add_argument("--build", action="store_true", help="run mvn package first (done anyway when the jar is missing)")
    p.add_argument("--cache", default="/tmp/luutru-bench", help="generated articles, outputs, results (default /tmp/luutru-bench)")
    p.add_argument("--out", help="where the builds write, emptied before each run (default /dev/shm/luutru-bench "
                                 "when that tmpfs has room for the largest size, else <cache>/out)")
    p.add_argument("--timeout", type=float, help="seconds before a run is stopped and counted as failed")
    p.add_argument("--json", help="raw figures (default <cache>/results-<time>.json)")
    p.add_argument("--no-write", action="store_true",
                   help="print the tables only; by default they also replace the newest figures in docs/benchmarks.md")
    p.add_argument("--report", nargs="+", metavar="JSON",
                   help="print the tables of earlier runs from their raw figures, and the targets over all")
    argv = sys.argv[1:]
    for i in range(len(argv) - 1):  # "--jvm-opts -Xmx2g": a value that starts with a dash
        if argv[i] == "--jvm-opts":
            argv[i:i + 2] = ["--jvm-opts=" + argv[i + 1], ""]
    a = p.parse_args([x for x in argv if x != ""])
    if a.quick:
        a.sizes, a.runs = "1000", 1
        a.hugo_runs = 1 if a.hugo_runs is None else a.hugo_runs
    a.sizes = [int(s.replace("_", "")) for s in str(a.sizes).split(",") if s.strip()]
    a.hugo_runs = a.runs if a.hugo_runs is None else a.hugo_runs
    a.jvm_opts = shlex.split(a.jvm_opts)
    a.cache = os.path.abspath(a.cache)
    a.out = os.path.abspath(a.out or default_out(a.cache, max(a.sizes)))
    os.makedirs(a.cache, exist_ok=True)
    os.makedirs(a.out, exist_ok=True)
    return a


def default_out(cache, largest):
    """tmpfs when it has room: on a shared machine the disk's own queue made runs vary by seconds."""
    shm = "/dev/shm"
    try:
        st = os.statvfs(shm)
        if st.f_bavail * st.f_frsize > 2e9 + largest * 40e3:  # 6 GB at 100,000: each build's last output (1.86 GB for ours) stays until its next run
            return os.path.join(shm, "luutru-bench")
    except OSError:
        pass
    return os.path.join(cache, "out")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# --- the articles -------------------------------------------------------------------------------

def corpus(n, cache):
    """<cache>/<n>, made by scale.py unless it is there with n articles from the same scale.py."""
    d = os.path.join(cache, str(n))
    stamp_path = d + ".stamp"
    with open(SCALE, "rb") as f:
        stamp = "%d %s\n" % (n, hashlib.sha256(f.read()).hexdigest())
    if os.path.isdir(d) and os.path.exists(stamp_path) and open(stamp_path).read() == stamp \
            and count_md(d) == n:
        return d
    log("bench: writing %d articles into %s" % (n, d))
    shutil.rmtree(d, ignore_errors=True)
    if os.path.exists(stamp_path):
        os.remove(stamp_path)
    subprocess.run([sys.executable, SCALE, str(n), d], check=True, stdout=subprocess.DEVNULL)
    if count_md(d) != n:
        sys.exit("bench: scale.py wrote %d articles, not %d, into %s" % (count_md(d), n, d))
    with open(stamp_path, "w") as f:
        f.write(stamp)
    return d


def count_md(d):
    return sum(1 for _, _, fs in os.walk(d) for f in fs if f.endswith(".md"))


def warm(d):
    """Reads every file once, so that all runs find the articles in the page cache."""
    for dirpath, _, files in os.walk(d):
        for f in files:
            with open(os.path.join(dirpath, f), "rb") as fh:
                while fh.read(1 << 20):
                    pass


# --- one run ------------------------------------------------------------------------------------

def ensure_cds_archive(build, jar, content, out_root):
    for i, opt in enumerate(build.jvm_opts):
        if not opt.startswith("-XX:SharedArchiveFile="):
            continue
        archive = opt.split("=", 1)[1]
        if os.path.exists(archive) and os.path.getmtime(archive) >= os.path.getmtime(jar):
            continue
        log("bench: %s: making the class data archive %s (one untimed build)" % (build.name, archive))
        opts = build.jvm_opts[:i] + ["-XX:ArchiveClassesAtExit=" + archive] + build.jvm_opts[i + 1:]
        dump = Build(build.name + "-dump", "luutru", opts)
        run = run_build(dump, jar, content, os.path.join(out_root, "cds-dump"), None, count=False)
        if not run["ok"] or not os.path.exists(archive):
            sys.exit("bench: could not make %s: %s" % (archive, run.get("error", "")))


_floor_cp = []


def floor_options(given, content):
    """The options luutru build gives the JVM that does its work (Relaunch.command), for the floor's JVM:
    C1 only below 30,000 articles, the parallel collector on a fixed heap unless the options given
    name a collector or a heap size; the options given last, as there. A class data archive of ours
    would not fit the floor's classes: left out."""
    given = [o for o in given if not o.startswith("-XX:SharedArchiveFile")]
    if any(o == "-Dluutru.relaunch=false" or o.startswith(("-agentlib", "-agentpath", "-javaagent", "-Xdebug",
                                                           "-Xrunjdwp", "-XX:ArchiveClassesAtExit")) for o in given):
        return given  # ours keeps its work in the JVM it was given, with these options alone
    # Relaunch also keeps its fixed heap sizes off a JVM whose default heap is under 1 GB (a
    # machine of under 4 GB): not looked at here.
    large = articles_in(content) >= 30000
    opts = []
    if not large and not any("Tiered" in o for o in given):
        opts.append("-XX:TieredStopAtLevel=1")
    own_collector = any(re.match(r"-XX:[+-]Use\w*GC$", o) or o == "-XX:+AggressiveHeap" for o in given)
    sized = not large and not own_collector and not any(sizes_the_heap(o) for o in given)
    if sized:
        opts += ["-XX:+UseParallelGC", "-XX:-UseAdaptiveSizePolicy", "-Xms512m", "-Xmn120m", "-XX:MaxTenuringThreshold=0"]
    elif not own_collector:
        opts.append("-XX:+UseParallelGC" if large else "-XX:+UseSerialGC")
    return opts + given


def sizes_the_heap(option):
    return (option.startswith(("-Xms", "-Xmx", "-Xmn")) or option == "-XX:+AggressiveHeap"
            or re.match(r"-XX:\+?\w*(HeapSize|NewSize|OldSize|NewRatio|RAMPercentage|RAMFraction|MaxRAM)\w*(=.*)?$",
                        option) is not None)


_articles = {}


def articles_in(content):
    """How many Markdown files the folder holds, counted once per bench run (not before every build)."""
    if content not in _articles:
        _articles[content] = sum(1 for _, _, names in os.walk(content)
                                 for n in names if n.endswith((".md", ".markdown")))
    return _articles[content]


def floor_classpath():
    """The benchmark and test classes and the runtime libraries, compiled and listed once a run."""
    if not _floor_cp:
        listing = os.path.join(ROOT, "target", "floor.classpath")
        log("bench: floor: mvn -Pbench test-compile dependency:build-classpath")
        subprocess.run(["mvn", "-q", "-ntp", "-Pbench", "test-compile",
                        "dependency:build-classpath", "-DincludeScope=runtime",
                        "-Dmdep.outputFile=" + listing], cwd=ROOT, check=True)
        with open(listing, encoding="utf-8") as f:
            libs = f.read().strip()
        _floor_cp.append(os.pathsep.join([os.path.join(ROOT, "target", "test-classes"),
                                          os.path.join(ROOT, "target", "classes"), libs]))
    return _floor_cp[0]


def run_build(build, jar, content, out_root, timeout, count):
    shutil.rmtree(out_root, ignore_errors=True)
    os.makedirs(out_root)
    out = os.path.join(out_root, "site")
    cmd = build.command(jar, content, out)
    stdout_path, stderr_path = os.path.join(out_root, "stdout"), os.path.join(out_root, "stderr")
    load = loadavg()
    with open(stdout_path, "wb") as so, open(stderr_path, "wb") as se:
        t0 = time.perf_counter()
        env = dict(os.environ, **build.env) if build.env else None
        # Run beside the output, not in the repository: a ./templates folder there would override
        # the theme packed in each jar, and older jars would render with newer templates.
        proc = subprocess.Popen(cmd, stdout=so, stderr=se, stdin=subprocess.DEVNULL, env=env,
                                cwd=out_root)
        status, usage, timed_out = wait(proc, timeout)
        wall = time.perf_counter() - t0
    proc.returncode = status
    stdout = open(stdout_path, encoding="utf-8", errors="replace").read()
    stderr = open(stderr_path, encoding="utf-8", errors="replace").read()
    run = {
        "command": " ".join(shlex.quote(c) for c in cmd),
        "ok": status == 0,
        "exit": status,
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "user_s": usage.ru_utime,
        "sys_s": usage.ru_stime,
        "rss_mb": usage.ru_maxrss * 1024 / 1e6,  # ru_maxrss is in KiB on Linux
        "loadavg_before": load,
    }
    if status != 0:
        run["error"] = "exit %s; %s" % (status, tail(stderr + stdout, 12))
        m = re.search(r"^.*(?:Exception|Error)\b.*$", stderr, re.M)
        where = re.search(r"^\s*at (vn\.luutru\.[\w.$]+)", stderr[m.end():] if m else "", re.M)
        run["failure"] = ("stopped after the --timeout of %g s" % timeout if timed_out
                          else re.sub(r'^Exception in thread "[^"]*" ', "", m.group(0).strip())[:160] + (" in " + where.group(1) if where else "") if m
                          else "exit %s" % status)
        return run
    if build.kind != "hugo":
        m = re.search(r"^timings:(.*)$", stdout, re.M)
        if m:
            run["stages_ms"] = {k: int(v) for k, v in re.findall(r"(\w+) (\d+) ms", m.group(1))}
        m = re.search(r"(\d+) articles, (\d+) files \(([\d.]+) MB\)", stdout)
        if m:
            run["reported"] = {"articles": int(m.group(1)), "files": int(m.group(2)), "mb": float(m.group(3))}
        run["warnings"] = len(re.findall(r": warning: ", stderr))
    else:
        m = re.search(r"Total in (\d+) ms", stdout + stderr)
        if m:
            run["internal_ms"] = int(m.group(1))
        pages = re.search(r"Pages\s*\|\s*(\d+)", stdout)
        pager = re.search(r"Paginator pages\s*\|\s*(\d+)", stdout)
        if pages:
            run["reported"] = {"pages": int(pages.group(1)), "paginator_pages": int(pager.group(1)) if pager else 0}
    if count:
        run["files"], run["bytes"] = tree_size(out)
    return run


def wait(proc, timeout):
    """The exit status and the resource usage of this one child (not of earlier ones)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    killed = False
    while True:
        flags = 0 if deadline is None else os.WNOHANG
        pid, status, usage = os.wait4(proc.pid, flags)
        if pid == proc.pid:
            code = os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") \
                else (status >> 8 if os.WIFEXITED(status) else -os.WTERMSIG(status))
            return code, usage, killed
        if time.monotonic() > deadline:
            proc.kill()
            killed = True
            deadline = None
        else:
            time.sleep(0.05)


def tree_size(d):
    files = size = 0
    stack = [d]
    while stack:
        with os.scandir(stack.pop()) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False):
                    stack.append(e.path)
                elif e.is_file(follow_symlinks=False):
                    files += 1
                    size += e.stat(follow_symlinks=False).st_size
    return files, size


def tail(text, lines):
    return "\n".join(text.strip().splitlines()[-lines:])


def describe(run):
    if not run["ok"]:
        return "FAILED after %.1f s, %.0f MB peak: %s" % (run["wall_s"], run["rss_mb"], run.get("failure", run["exit"]))
    s = "%.2f s wall, %.2f s CPU, %.0f MB peak" % (run["wall_s"], run["cpu_s"], run["rss_mb"])
    if "stages_ms" in run:
        s += "; " + " ".join("%s %d" % kv for kv in run["stages_ms"].items()) + " ms"
    if "internal_ms" in run:
        s += "; Hugo's total %d ms" % run["internal_ms"]
    if "files" in run:
        s += "; %d files, %.1f MB" % (run["files"], run["bytes"] / 1e6)
    return s + " (load %.1f)" % run["loadavg_before"]


# --- the machine --------------------------------------------------------------------------------

def machine_info(hugo, out):
    info = {}
    info["date"] = datetime.date.today().isoformat()
    info["cpus"] = str(os.cpu_count())
    model = first_match("/proc/cpuinfo", r"^model name\s*:\s*(.*)$")
    if model:
        info["cpu"] = model
    mem = first_match("/proc/meminfo", r"^MemTotal:\s*(\d+) kB")
    if mem:
        info["ram"] = "%.1f GB" % (int(mem) * 1024 / 1e9)
    info["kernel"] = platform.release()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.strip().splitlines()
    info["java"] = " / ".join(java[:3])
    if hugo:
        info["hugo"] = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
    info["output on"] = filesystem(out)
    info["load average at start"] = "%.2f" % loadavg()
    return info


def first_match(path, pattern):
    try:
        with open(path) as f:
            m = re.search(pattern, f.read(), re.M)
            return m.group(1).strip() if m else None
    except OSError:
        return None


def filesystem(path):
    """The file system type of the mount holding path, e.g. 'ext4 (/)' or 'tmpfs (/dev/shm)'."""
    best = ("?", "")
    try:
        with open("/proc/mounts") as f:
            for line in f:
                parts = line.split()
                mnt, fstype = parts[1], parts[2]
                if (path == mnt or path.startswith(mnt.rstrip("/") + "/")) and len(mnt) >= len(best[1]):
                    best = (fstype, mnt)
    except OSError:
        pass
    return "%s (%s)" % best


def loadavg():
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def git_commit():
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src", "pom.xml", "templates"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return head + (" (src changed)" if dirty else "")
    except OSError:
        return "?"


# --- the report ---------------------------------------------------------------------------------

def med(xs):
    return statistics.median(xs) if xs else None


def spread(xs, fmt):
    """'median (min–max)', or just the value for one run."""
    if not xs:
        return "—"
    if len(xs) == 1:
        return fmt % xs[0]
    return (fmt + " (" + fmt + "–" + fmt + ")") % (med(xs), min(xs), max(xs))


def pair_ratios(a_runs, b_runs, key="wall_s"):
    """a/b for the runs of the same round, both successful."""
    return [a[key] / b[key] for a, b in zip(a_runs, b_runs) if a["ok"] and b["ok"]]


def report(results, builds):
    lines = []
    m = results["machine"]
    lines.append("### Cold builds, %s" % m["date"])
    lines.append("")
    lines.append("Machine: %s CPUs (%s), %s RAM, Linux %s; %s; %s. Output written to %s. luutru %s. "
                 "Load average %s at the start, %.2f at the end." % (
                     m["cpus"], m.get("cpu", "?"), m.get("ram", "?"), m["kernel"], m["java"],
                     m.get("hugo", "no Hugo"), m["output on"], results["commit"],
                     m["load average at start"], results["loadavg_end"]))
    lines.append("")
    default = builds[0].name
    refs = [b.name for b in builds if b.kind == "hugo"]
    if any(b.kind != "hugo" for b in builds[1:]):
        refs.insert(0, default)
    head = ["articles", "build", "options", "runs", "wall s", "CPU s (user+sys)", "peak RSS MB", "files",
            "MB written"]
    for ref in refs:
        head += ["wall ÷ %s" % ref, "CPU ÷ %s" % ref]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + "---|" * len(head))
    pair_notes = []
    for n, runs in results["sizes"].items():
        for b in builds:
            rs = runs.get(b.name, [])
            if not rs:
                continue
            ok = [r for r in rs if r["ok"]]
            counted = next((r for r in ok if "files" in r), None)
            if ok:
                wall = spread([r["wall_s"] for r in ok], "%.2f")
                cpu = spread([r["cpu_s"] for r in ok], "%.2f")
                rss = spread([r["rss_mb"] for r in ok], "%.0f")
            else:
                wall = "failed after %s s: %s" % (spread([r["wall_s"] for r in rs], "%.0f"),
                                               "; ".join(sorted(set(r.get("failure", "?") for r in rs))))
                cpu = spread([r["cpu_s"] for r in rs], "%.2f")
                rss = spread([r["rss_mb"] for r in rs], "%.0f")
            row = ["{:,}".format(int(n)), b.name, b.options(),
                   "%d%s" % (len(ok), "" if len(ok) == len(rs) else " of %d" % len(rs)),
                   wall, cpu, rss,
                   "{:,}".format(counted["files"]) if counted else "—",
                   "%.1f" % (counted["bytes"] / 1e6) if counted else "—"]
            for ref in refs:
                if b.kind != "hugo" and b.name != ref and runs.get(ref):
                    rat = pair_ratios(rs, runs[ref])
                    cpu = pair_ratios(rs, runs[ref], "cpu_s")
                    row += ["%.2f" % med(rat) if rat else "—", "%.2f" % med(cpu) if cpu else "—"]
                    if rat:
                        pair_notes.append("%s articles, %s ÷ %s (wall), per round: %s" % (
                            "{:,}".format(int(n)), b.name, ref, ", ".join("%.2f" % x for x in rat)))
                else:
                    row += ["", ""]
            lines.append("| " + " | ".join(row) + " |")
    lines.append("")
    lines.append("Median of the runs, (min–max) when there are several; ratios are the median of the "
                 "ratios within each round. Peak RSS is the process's maximum resident set (os.wait4), "
                 "MB = 10^6 bytes; files and bytes are counted in the output folder after the first run.")
    if pair_notes:
        lines.append("")
        lines += ["- " + p for p in pair_notes]

    # Stages of luutru's builds, and Hugo's own total.
    stage_names = []
    for runs in results["sizes"].values():
        for rs in runs.values():
            for r in rs:
                for s in r.get("stages_ms", {}):
                    if s not in stage_names:
                        stage_names.append(s)
    if stage_names:
        lines.append("")
        lines.append("Stages (`--timings`), seconds, median (min–max); *in stages* is their sum (for Hugo, its "
                     "own \"Total in\"), *outside* the rest of the wall time (JVM start, class loading, exit):")
        lines.append("")
        head = ["articles", "build"] + stage_names + ["in stages", "outside", "wall"]
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "---|" * len(head))
        for n, runs in results["sizes"].items():
            for b in builds:
                ok = [r for r in runs.get(b.name, []) if r["ok"]]
                if b.kind == "hugo":
                    ok = [r for r in ok if "internal_ms" in r]
                    inside = [r["internal_ms"] / 1000 for r in ok]
                else:
                    ok = [r for r in ok if "stages_ms" in r]
                    inside = [sum(r["stages_ms"].values()) / 1000 for r in ok]
                if not ok:
                    continue
                row = ["{:,}".format(int(n)), b.name]
                for s in stage_names:
                    row.append("" if b.kind == "hugo" else
                               spread([r["stages_ms"].get(s, 0) / 1000 for r in ok], "%.2f"))
                row.append(spread(inside, "%.2f"))
                row.append(spread([r["wall_s"] - i for r, i in zip(ok, inside)], "%.2f"))
                row.append(spread([r["wall_s"] for r in ok], "%.2f"))
                lines.append("| " + " | ".join(row) + " |")
        lines.append("")
        lines.append("; ".join("*%s*: %s" % (s, STAGES_LEGEND[s]) for s in stage_names if s in STAGES_LEGEND) + ".")

    return "\n".join(lines) + "\n"


def targets_section(loaded):
    """The targets of the issue "Performance at scale", where the runs have the figures."""
    out = []

    def runs_of(results, n, name):
        return [r for r in results["sizes"].get(str(n), {}).get(name, []) if r["ok"]]

    walls = {}  # (JVM options, articles) -> wall times, for the growth 10k -> 100k at the same options
    for results, builds in loaded:
        default = builds[0]
        if default.kind != "luutru":
            continue
        hugo = results["sizes"].get("10000", {}).get("hugo")
        if hugo:
            rat = pair_ratios(results["sizes"]["10000"].get(default.name, []), hugo)
            if rat:
                out.append("10,000 articles, wall ÷ Hugo ≤ 0.9 (issue 20; Hugo builds no search index): %.2f (%s) — %s" % (
                    med(rat), options(default), "met" if med(rat) <= 0.9 else "not met"))
            floor = results["sizes"]["10000"].get("floor")
            rat = pair_ratios(floor, hugo) if floor else None
            if rat:
                out.append("10,000 articles, the libraries' floor (bench.py --floor) ÷ Hugo: %.2f — what a build "
                           "on snakeyaml-engine, commonmark-java and Pebble takes at least, here" % med(rat))
        if runs_of(results, 10000, default.name):
            rss = med([r["rss_mb"] for r in runs_of(results, 10000, default.name)])
            out.append("10,000 articles, peak RSS ≤ 600 MB: %.0f MB (%s) — %s" % (
                rss, options(default), "met" if rss <= 600 else "not met"))
        for b in builds:
            for n in (10000, 100000):
                if b.kind == "luutru":
                    walls.setdefault((options(b), n), []).extend(r["wall_s"] for r in runs_of(results, n, b.name))
            if b.kind != "luutru" or not results["sizes"].get("100000", {}).get(b.name):
                continue
            ok = runs_of(results, 100000, b.name)
            if not ok:
                out.append("100,000 articles (%s): every run failed" % options(b))
                continue
            wall = med([r["wall_s"] for r in ok])
            xmx = [o for o in b.jvm_opts if o.startswith("-Xmx")]
            if xmx and xmx[-1] == "-Xmx2g":
                out.append("100,000 articles complete with -Xmx2g in ≤ 45 s: %.1f s (%s) — %s" % (
                    wall, options(b), "met" if wall <= 45 else "not met"))
            else:
                out.append("100,000 articles: %.1f s (%s)" % (wall, options(b)))
    for (opts, n), w100 in walls.items():
        w10 = walls.get((opts, 10000))
        if n == 100000 and w100 and w10:
            g = med(w100) / med(w10)
            out.append("growth 10,000 → 100,000 articles no worse than linear (≤ 10×): %.1f× (%s) — %s" % (
                g, opts, "met" if g <= 10 else "not met"))
    if not out:
        return ""
    return "Targets of the issue:\n\n" + "\n".join("- " + c for c in out) + "\n"


def options(b):
    jar = ", %s" % b.jar if b.jar else ""
    return (" ".join(b.jvm_opts) if b.jvm_opts else "default JVM options") + jar


if __name__ == "__main__":
    main()
