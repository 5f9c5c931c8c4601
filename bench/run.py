#!/usr/bin/env python3
"""Benchmark ladder against clang -fsyntax-only on the same translation units.

For each .i file, run ladder and clang-19 -fsyntax-only with the same
flags, alternating which goes first so neither always gets a warm cache,
and record wall time and peak RSS (from wait4).  Then time the whole set
at -j1 and -j2 for both.  Prints the median per-file ratio
ladder/clang, whole-set wall times, and peak RSS.

    bench/run.py --ladder build/bin/ladder [--corpus DIR|TARBALL] [--limit N]

Without --corpus it uses ../shared/corpus/kernel-6.12-arm64.tar.xz,
unpacked once under /tmp/ladder-bench.  A benchmark, not a test: record
its output in docs/performance.md.
"""
import argparse
import concurrent.futures
import os
import statistics
import subprocess
import sys
import tarfile
import time

FLAGS = ["--target=aarch64-linux-gnu", "-std=gnu11", "-fshort-wchar",
         "-funsigned-char", "-fno-strict-aliasing"]
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TARBALL = os.path.join(HERE, "..", "..", "shared", "corpus",
                               "kernel-6.12-arm64.tar.xz")


def corpus_files(path):
    if os.path.isfile(path):
        root = "/tmp/ladder-bench"
        marker = os.path.join(root, ".unpacked")
        if not os.path.exists(marker):
            os.makedirs(root, exist_ok=True)
            with tarfile.open(path) as tar:
                tar.extractall(root, filter="data")
            open(marker, "w").close()
        path = root
    found = []
    for dirpath, _, names in os.walk(path):
        found += [os.path.join(dirpath, n) for n in names if n.endswith(".i")]
    return sorted(found)


def measure(cmd):
    """Wall seconds and peak RSS (KiB) of one run; fails loudly."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):
        sys.exit("bench: %s exited %d" % (" ".join(cmd), code))
    return wall, usage.ru_maxrss


def commands(args, path):
    return ([args.ladder] + args.ladder_arg + FLAGS + [path],
            [args.clang] + FLAGS + ["-w", "-fsyntax-only", path])


def whole_set(args, files, which, jobs):
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        list(pool.map(lambda f: measure(commands(args, f)[which]), files))
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ladder", required=True)
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--corpus", default=DEFAULT_TARBALL)
    ap.add_argument("--limit", type=int, default=0,
                    help="every Kth file so that about N are used (0: all)")
    ap.add_argument("--ladder-arg", action="append", default=[],
                    help="pass this option to every ladder run (--ladder-arg=--db=FILE)")
    args = ap.parse_args()

    if not os.path.exists(args.corpus):
        sys.exit("bench: no corpus at %s (give --corpus)" % args.corpus)
    files = corpus_files(args.corpus)
    if not files:
        sys.exit("bench: no .i files in %s (give the tarball or the "
                 "directory it unpacks to)" % args.corpus)
    if args.limit and len(files) > args.limit:
        files = files[::len(files) // args.limit][:args.limit]
    ratios, rss = [], {"ladder": 0, "clang": 0}
    for i, path in enumerate(files):
        ladder_cmd, clang_cmd = commands(args, path)
        order = [("ladder", ladder_cmd), ("clang", clang_cmd)]
        if i % 2:
            order.reverse()
        times = {}
        for name, cmd in order:
            times[name], peak = measure(cmd)
            rss[name] = max(rss[name], peak)
        ratios.append(times["ladder"] / times["clang"])

    print("files: %d" % len(files))
    print("per-file ratio ladder/clang -fsyntax-only: median %.2f, "
          "min %.2f, max %.2f" % (statistics.median(ratios), min(ratios),
                                  max(ratios)))
    for jobs in (1, 2):
        lt = whole_set(args, files, 0, jobs)
        ct = whole_set(args, files, 1, jobs)
        print("whole set -j%d: ladder %.1f s, clang %.1f s (ratio %.2f)"
              % (jobs, lt, ct, lt / ct))
    print("peak RSS: ladder %d MiB, clang %d MiB"
          % (rss["ladder"] // 1024, rss["clang"] // 1024))


if __name__ == "__main__":
    main()
