"""sarif_check.py < LOG: check a SARIF 2.1.0 log's structure, then print
one line per result for FileCheck.

The checks follow the SARIF 2.1.0 specification (OASIS) for every object
ladder writes: the required properties, their types, 1-based regions,
ruleIndex pointing at the rule with that ruleId, relatedLocations ids,
and the properties GitHub code scanning reads (partialFingerprints,
codeFlows).  Any violation exits 1 with the JSON path that is wrong."""
import json
import sys


def fail(path, what):
    sys.exit("sarif_check: %s: %s" % (path, what))


def need(obj, key, kind, path):
    if not isinstance(obj, dict) or key not in obj:
        fail(path, "missing '%s'" % key)
    if not isinstance(obj[key], kind):
        fail("%s.%s" % (path, key), "expected %s" % kind.__name__)
    return obj[key]


def message(obj, path):
    m = need(obj, "message", dict, path)
    if not isinstance(m.get("text"), str) or not m["text"]:
        fail(path + ".message", "needs text")


def physical(loc, path):
    phys = need(loc, "physicalLocation", dict, path)
    art = need(phys, "artifactLocation", dict, path + ".physicalLocation")
    uri = need(art, "uri", str, path + ".artifactLocation")
    if " " in uri:
        fail(path, "uri not encoded: %r" % uri)
    region = need(phys, "region", dict, path + ".physicalLocation")
    for key in ("startLine", "startColumn"):
        if need(region, key, int, path + ".region") < 1:
            fail(path + ".region." + key, "must be >= 1")
    return "%s:%d:%d" % (uri, region["startLine"], region["startColumn"])


def check_rule(rule, path):
    need(rule, "id", str, path)
    for key in ("shortDescription", "fullDescription", "help"):
        message({"message": need(rule, key, dict, path)}, path + "." + key)
    level = rule.get("defaultConfiguration", {}).get("level")
    if level not in ("none", "note", "warning", "error"):
        fail(path, "bad default level %r" % level)


def check_result(res, i, rules, base_ids):
    path = "results[%d]" % i
    rule_id = need(res, "ruleId", str, path)
    idx = need(res, "ruleIndex", int, path)
    if not 0 <= idx < len(rules) or rules[idx]["id"] != rule_id:
        fail(path, "ruleIndex %d does not name %s" % (idx, rule_id))
    if res.get("level", "warning") not in ("none", "note", "warning", "error"):
        fail(path, "bad level")
    message(res, path)
    locs = need(res, "locations", list, path)
    where = physical(locs[0], path + ".locations[0]")
    base = locs[0]["physicalLocation"]["artifactLocation"].get("uriBaseId")
    if base is not None and base not in base_ids:
        fail(path, "uriBaseId %s not in originalUriBaseIds" % base)
    fps = need(res, "partialFingerprints", dict, path)
    if not fps or not all(isinstance(v, str) for v in fps.values()):
        fail(path, "partialFingerprints must map to strings")
    related = []
    for j, rel in enumerate(res.get("relatedLocations", [])):
        if need(rel, "id", int, path) < 0:
            fail(path, "related id < 0")
        related.append(physical(rel, "%s.relatedLocations[%d]" % (path, j)))
    steps = 0
    for flow in need(res, "codeFlows", list, path):
        for thread in need(flow, "threadFlows", list, path + ".codeFlows"):
            for step in need(thread, "locations", list, path + ".threadFlows"):
                physical(need(step, "location", dict, path), path + ".flow")
                steps += 1
    print("result %s %s fingerprint=%s related=%s flow=%d" % (
        rule_id, where, list(fps.values())[0], ",".join(related), steps))


def main():
    log = json.load(sys.stdin)
    if need(log, "version", str, "$") != "2.1.0":
        fail("$.version", "must be 2.1.0")
    runs = need(log, "runs", list, "$")
    for run in runs:
        driver = need(need(run, "tool", dict, "run"), "driver", dict, "tool")
        need(driver, "name", str, "driver")
        rules = driver.get("rules", [])
        for k, rule in enumerate(rules):
            check_rule(rule, "rules[%d]" % k)
        base_ids = run.get("originalUriBaseIds", {})
        for inv in run.get("invocations", []):
            need(inv, "executionSuccessful", bool, "invocation")
            for n in inv.get("toolExecutionNotifications", []):
                message(n, "notification")
        print("run tool=%s rules=%s" % (driver["name"],
                                        ",".join(r["id"] for r in rules)))
        for i, res in enumerate(need(run, "results", list, "run")):
            check_result(res, i, rules, base_ids)


main()
