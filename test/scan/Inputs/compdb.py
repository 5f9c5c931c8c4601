"""compdb.py SRC OUT [MISSING.c...]: compile_commands.json for every .c
below SRC (and MISSING files, named but absent), compiled from SRC with
-Iinclude -include include/defs.h."""
import json
import os
import sys

src, out = sys.argv[1], sys.argv[2]
files = []
for dirpath, _, names in os.walk(src):
    files += [os.path.relpath(os.path.join(dirpath, n), src)
              for n in names if n.endswith(".c")]
files = sorted(files) + sys.argv[3:]
entries = [{
    "directory": src,
    "file": f,
    "arguments": ["clang", "-c", "-Iinclude", "-include", "include/defs.h",
                  "-o", f + ".o", f],
} for f in files]
with open(out, "w") as fp:
    json.dump(entries, fp, indent=1)
