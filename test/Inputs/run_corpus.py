"""Run ladder over the real-kernel corpus and summarise, for lit.

Unpacks the tarball once into --workdir, runs ladder on every --every'th
.i file with two workers and a per-file timeout, and prints one line:
files, failed (non-zero exit), crashed (signal), timeouts, sanitizer
reports, findings.  Details of any failure go to stderr."""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import tarfile

FLAGS = ["--target=aarch64-linux-gnu", "-std=gnu11", "-fshort-wchar",
         "-funsigned-char", "-fno-strict-aliasing"]


def unpack(tarball, workdir):
    marker = os.path.join(workdir, ".unpacked")
    if not os.path.exists(marker):
        os.makedirs(workdir, exist_ok=True)
        with tarfile.open(tarball) as tar:
            tar.extractall(workdir, filter="data") if hasattr(tarfile, "data_filter") \
                else tar.extractall(workdir)
        open(marker, "w").close()
    files = []
    for root, _, names in os.walk(workdir):
        files += [os.path.join(root, n) for n in names if n.endswith(".i")]
    return sorted(files)


def run(ladder, path, timeout):
    try:
        p = subprocess.run([ladder] + FLAGS + [path], capture_output=True,
                           text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return path, "timeout", "", ""
    return path, p.returncode, p.stdout, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ladder", required=True)
    ap.add_argument("--tarball", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()

    files = unpack(args.tarball, args.workdir)[::args.every]
    counts = dict(failed=0, crashed=0, timeouts=0, sanitizer=0, findings=0)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for path, rc, out, err in pool.map(
                lambda f: run(args.ladder, f, args.timeout), files):
            counts["findings"] += out.count(": warning: ")
            if "Sanitizer" in err or "runtime error:" in err:
                counts["sanitizer"] += 1
                sys.stderr.write("sanitizer report on %s:\n%s\n" % (path, err))
            if rc == "timeout":
                counts["timeouts"] += 1
                sys.stderr.write("timeout: %s\n" % path)
            elif rc < 0:
                counts["crashed"] += 1
                sys.stderr.write("crash (signal %d): %s\n%s\n" % (-rc, path, err))
            elif rc != 0:
                counts["failed"] += 1
                sys.stderr.write("exit %d: %s\n%s\n" % (rc, path, err))
    print("corpus: files=%d failed=%d crashed=%d timeouts=%d sanitizer=%d "
          "findings=%d" % (len(files), counts["failed"], counts["crashed"],
                           counts["timeouts"], counts["sanitizer"],
                           counts["findings"]))


if __name__ == "__main__":
    main()
