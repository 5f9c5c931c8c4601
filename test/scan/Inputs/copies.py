"""copies.py FILE N OUT FLAGS...: compile_commands.json naming FILE under N
different names (symlinks beside it), each compiled with FLAGS."""
import json
import os
import sys

src, n, out, flags = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
d = os.path.dirname(os.path.abspath(src))
entries = []
for i in range(n):
    name = os.path.join(d, "copy%02d.i" % i)
    if not os.path.lexists(name):
        os.symlink(os.path.basename(src), name)
    entries.append({"directory": d, "file": name,
                    "arguments": ["clang"] + flags + ["-c", name]})
with open(out, "w") as fp:
    json.dump(entries, fp, indent=1)
