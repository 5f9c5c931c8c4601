"""interrupt_when_cached.py CACHE_DIR CMD...: run CMD (a scan), send it
SIGINT as soon as CACHE_DIR holds one finished entry (not a .tmp being
written), and exit with CMD's status.  Waiting for the cache instead of
a fixed time keeps the test meaning the same on a loaded machine: the
scan is interrupted after one file and before the last."""
import os
import signal
import subprocess
import sys
import time


def finished_entries(root):
    for _, _, names in os.walk(root):
        for name in names:
            if not name.endswith(".tmp"):
                return True
    return False


cache, cmd = sys.argv[1], sys.argv[2:]
proc = subprocess.Popen(cmd)
deadline = time.monotonic() + 600
while proc.poll() is None and time.monotonic() < deadline:
    if finished_entries(cache):
        proc.send_signal(signal.SIGINT)
        break
    time.sleep(0.02)
sys.exit(proc.wait())
