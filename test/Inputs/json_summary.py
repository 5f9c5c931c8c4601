"""Print ladder's JSON output one finding a line, for FileCheck.

Fails (exit 1) when the document does not have the documented shape."""
import json
import sys

doc = json.load(sys.stdin)
assert set(doc) == {"findings", "stats"}, doc.keys()
stats = doc["stats"]
for key in ("files", "functions", "findings", "files_with_parse_errors",
            "parse_errors", "bounds_hit"):
    assert key in stats, key
assert stats["findings"] == len(doc["findings"])
print("stats files=%d functions=%d findings=%d bounds=%d" %
      (stats["files"], stats["functions"], stats["findings"],
       len(stats["bounds_hit"])))
for f in doc["findings"]:
    for key in ("file", "line", "column", "function", "check", "message",
                "resource", "path"):
        assert key in f, key
    words = [f["check"], f["function"], "%s:%d" % (f["file"], f["line"]),
             "resource=" + f["resource"]]
    if "acquire" in f:
        words.append("acquire=%s@%d" % (f["acquire"]["call"], f["acquire"]["line"]))
    if "release" in f:
        words.append("release=%s@%d" % (f["release"]["call"], f["release"]["line"]))
    if "missing" in f:
        words.append("missing=" + f["missing"])
        words.append("path=" + ",".join(str(p["line"]) for p in f["path"]))
    print(" ".join(words))
