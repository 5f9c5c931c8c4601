#!/usr/bin/env python3
"""Time the generated Coccinelle scripts on the corpus's kernel sources.

The shared corpus holds preprocessed .i files; spatch works on the .c
sources, as "make coccicheck" does.  So this takes the corpus's list of
files and runs each script on the matching .c files of a kernel tree
(../shared/kernel/prepare.sh makes one), one spatch per script and per
file, with --timeout, on N workers.  It prints, per script: total and
median seconds per file, the slowest file, timeouts and failures, and
how many files it reported on.

    bench/cocci.py --tree /tmp/linux [--scripts DIR] [--corpus DIR|TARBALL]
                   [--timeout S] [-j N] [--limit N]

A benchmark, not a test: record its output in docs/performance.md.
"""
import argparse
import concurrent.futures
import os
import statistics
import subprocess
import sys
import time

from run import DEFAULT_TARBALL, corpus_files

HERE = os.path.dirname(os.path.abspath(__file__))


def sources(corpus, tree):
    """The tree's .c file for each corpus .i, and how many had none."""
    found, missing = [], 0
    for path in corpus_files(corpus):
        rel = path[path.index("drivers/"):] if "drivers/" in path else path
        c = os.path.join(tree, rel[:-2] + ".c")
        if os.path.isfile(c):
            found.append(c)
        else:
            missing += 1
    return found, missing


def run_one(script, source, timeout):
    cmd = ["spatch", "--very-quiet", "-D", "report", "--no-show-diff",
           "--no-includes", "--include-headers", "--timeout", str(timeout),
           "--sp-file", script, source]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    timed_out = "timeout" in proc.stderr.lower()
    return wall, proc.returncode, timed_out, proc.stdout.count("ERROR:")


def bench_script(script, files, tree, timeout, jobs):
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(lambda f: run_one(script, f, timeout), files))
    walls = [r[0] for r in results]
    slowest = max(range(len(files)), key=lambda i: walls[i])
    return {
        "total": sum(walls),
        "median": statistics.median(walls),
        "max": walls[slowest],
        "slowest": os.path.relpath(files[slowest], tree),
        "timeouts": sum(1 for r in results if r[2]),
        "failed": sum(1 for r in results if r[1] != 0),
        "reports": sum(r[3] for r in results),
        "files_reported": sum(1 for r in results if r[3]),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", required=True, help="kernel source tree")
    ap.add_argument("--scripts", default=os.path.join(HERE, "..", "cocci"))
    ap.add_argument("--corpus", default=DEFAULT_TARBALL)
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("-j", type=int, default=os.cpu_count())
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()

    if not os.path.isdir(args.tree):
        sys.exit("bench: no kernel tree at %s (../shared/kernel/prepare.sh "
                 "makes one)" % args.tree)
    files, missing = sources(args.corpus, args.tree)
    if args.limit:
        files = files[:args.limit]
    scripts = sorted(os.path.join(args.scripts, n)
                     for n in os.listdir(args.scripts) if n.endswith(".cocci"))
    print("%d sources (%d corpus files without a .c in the tree), "
          "timeout %ds, -j%d" % (len(files), missing, args.timeout, args.j))
    print("%-22s %9s %8s %8s %8s %6s %7s  %s" % (
        "script", "total s", "median", "max", "timeouts", "failed",
        "reports", "slowest file"))
    for script in scripts:
        r = bench_script(script, files, args.tree, args.timeout, args.j)
        print("%-22s %9.1f %8.2f %8.2f %8d %6d %7d  %s" % (
            os.path.basename(script), r["total"], r["median"], r["max"],
            r["timeouts"], r["failed"], r["reports"], r["slowest"]))


if __name__ == "__main__":
    main()
