"""expect_exit.py N CMD...: run CMD, pass its output through, and fail
unless it exits with status N (lit's `not` only says "non-zero")."""
import subprocess
import sys

want = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:], stdout=sys.stdout, stderr=sys.stderr)
if proc.returncode != want:
    sys.stderr.write("expect_exit: exit status %d, expected %d\n" %
                     (proc.returncode, want))
    sys.exit(1)
