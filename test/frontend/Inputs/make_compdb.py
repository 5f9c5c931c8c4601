"""make_compdb.py SRC OUT [EXTRA.c...]: a compile_commands.json for the
.c files in SRC (and EXTRA files), compiled from SRC with -Iinclude."""
import glob
import json
import os
import sys

src, out = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(os.path.join(src, "*.c"))) + sys.argv[3:]
entries = [{
    "directory": src,
    "file": os.path.basename(f) if os.path.dirname(f) == src else f,
    "arguments": ["clang", "-c", "-Iinclude", "-include", "include/defs.h",
                  "-o", os.path.basename(f) + ".o", os.path.basename(f)],
} for f in files]
with open(out, "w") as fp:
    json.dump(entries, fp, indent=1)
