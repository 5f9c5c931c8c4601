"""Run one of the README's two opening commands in a fresh clone, under dash.

usage: readme_command.py SOURCE_DIR WORK_DIR N

Takes the N-th indented command block of the README (1: install, build and
run the example; 2: the test suite), clones SOURCE_DIR into WORK_DIR as a
new user would, and runs the block there with /bin/dash, as Debian's
/bin/sh.  Prints the command's output, and exits with its status.
"""
import os
import shutil
import subprocess
import sys


def readme_block(readme, n):
    """The n-th block of indented lines, the README's way of showing a command."""
    blocks, current = [], []
    for line in open(readme, encoding="utf-8"):
        if line.startswith("    ") and line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks[n - 1]


def main():
    source, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    command = readme_block(os.path.join(source, "README.md"), n)
    print("README command %d: %s" % (n, command), flush=True)
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run(["git", "clone", "-q", source, work], check=True)
    status = subprocess.run(["/bin/dash", "-c", command], cwd=work).returncode
    print("exit status %d" % status, flush=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
