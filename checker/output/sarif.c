// SPDX-License-Identifier: GPL-2.0
/*
 * sarif.c - findings as SARIF 2.1.0, the format code-scanning services
 * (GitHub, GitLab) read.
 *
 * Built from the same JSON objects --format=json prints, so a saved run
 * (ladder merge) converts the same way.  One result per finding:
 * ruleId is the check's name, the acquire is a related location, the
 * path in the notes is the code flow, and the fingerprint that
 * baselines use is the partial fingerprint, so a finding keeps its
 * identity when lines above it move.
 */
#include "sarif.h"
#include "checks/checks.h"
#include "util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LADDER_URI "https://github.com/ladder-checker/ladder"
#define SRCROOT "%SRCROOT%"

static const char *str(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s ? s : "";
}

/* Percent-encode what may not appear raw in a URI path. */
static char *uri_path(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = xmalloc(3 * strlen(path) + 1), *o = out;
	const unsigned char *p;

	for (p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~+,", *p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}

/* Relative paths are relative to where ladder ran: %SRCROOT%. */
static json_t *artifact(const char *file)
{
	char *path = uri_path(file);
	json_t *loc;

	if (file[0] == '/') {
		char *uri = xasprintf("file://%s", path);

		loc = json_pack("{s:s}", "uri", uri);
		free(uri);
	} else {
		loc = json_pack("{s:s, s:s}", "uri", path, "uriBaseId", SRCROOT);
	}
	free(path);
	return loc;
}

static json_int_t positive(const json_t *obj, const char *key)
{
	json_int_t n = json_integer_value(json_object_get(obj, key));

	return n > 0 ? n : 1;
}

/* A SARIF location for an object with file, line, column. */
static json_t *location(const json_t *at, const char *message)
{
	json_t *loc = json_pack("{s:{s:o, s:{s:I, s:I}}}", "physicalLocation",
				"artifactLocation", artifact(str(at, "file")),
				"region", "startLine", positive(at, "line"),
				"startColumn", positive(at, "column"));

	if (message)
		json_object_set_new(loc, "message", json_pack("{s:s}", "text", message));
	return loc;
}

static json_t *rule(const struct checker *c)
{
	char *id = xasprintf("ladder-%s", c->name);
	char *uri = xasprintf("%s/blob/main/docs/usage.md#checks", LADDER_URI);
	json_t *r = json_pack("{s:s, s:s, s:{s:s}, s:{s:s}, s:{s:s}, s:s,"
			      " s:{s:s}, s:{s:[s, s]}}",
			      "id", id, "name", c->name,
			      "shortDescription", "text", c->summary,
			      "fullDescription", "text", c->help,
			      "help", "text", c->help,
			      "helpUri", uri,
			      "defaultConfiguration", "level", "warning",
			      "properties", "tags", "correctness", "resource-leak");

	free(id);
	free(uri);
	return r;
}

static json_t *driver(void)
{
	json_t *rules = json_array();
	unsigned i;

	for (i = 0; i < nr_checkers; i++)
		json_array_append_new(rules, rule(all_checkers[i]));
	return json_pack("{s:s, s:s, s:s, s:o}", "name", "ladder",
			 "version", LADDER_VERSION, "informationUri", LADDER_URI,
			 "rules", rules);
}

static int rule_index(const char *check)
{
	unsigned i;

	for (i = 0; i < nr_checkers; i++)
		if (!strcmp(all_checkers[i]->name, check))
			return (int)i;
	return -1;
}

/* The notes, in order: acquire, each branch taken, each label entered. */
static json_t *code_flow(const json_t *f)
{
	json_t *steps = json_array(), *step;
	size_t i;

	json_array_foreach(json_object_get(f, "path"), i, step)
		json_array_append_new(steps, json_pack("{s:o}", "location",
			location(step, str(step, "note"))));
	json_array_append_new(steps, json_pack("{s:o}", "location",
		location(f, str(f, "message"))));
	return json_pack("[{s:[{s:o}]}]", "threadFlows", "locations", steps);
}

static json_t *result(const json_t *f)
{
	const json_t *acquire = json_object_get(f, "acquire");
	const char *check = str(f, "check");
	char *id = xasprintf("ladder-%s", check);
	json_t *res, *related = json_array();

	res = json_pack("{s:s, s:s, s:{s:s}, s:[o], s:{s:s}}",
			"ruleId", id, "level", "warning",
			"message", "text", str(f, "message"),
			"locations", location(f, NULL),
			"partialFingerprints", "ladderFingerprint/v1",
			str(f, "fingerprint"));
	free(id);
	if (rule_index(check) >= 0)
		json_object_set_new(res, "ruleIndex", json_integer(rule_index(check)));
	json_object_set_new(json_array_get(json_object_get(res, "locations"), 0),
			    "logicalLocations",
			    json_pack("[{s:s, s:s}]", "name", str(f, "function"),
				      "kind", "function"));
	if (acquire) {
		char *text = xasprintf("acquired here by %s()", str(acquire, "call"));
		json_t *loc = location(acquire, text);

		json_object_set_new(loc, "id", json_integer(0));
		json_array_append_new(related, loc);
		free(text);
	}
	json_object_set_new(res, "relatedLocations", related);
	json_object_set_new(res, "codeFlows", code_flow(f));
	return res;
}

/* Bounds hit and files that did not parse: said, not hidden.  Takes @stats. */
static json_t *invocation(json_t *stats)
{
	json_t *notes = json_array(), *item;
	size_t i;

	json_array_foreach(json_object_get(stats, "bounds_hit"), i, item) {
		char *text = xasprintf("ladder stopped analysing '%s': %s; findings "
				       "for it may be incomplete",
				       str(item, "function"), str(item, "reason"));

		json_array_append_new(notes, json_pack("{s:s, s:{s:s}, s:[o]}",
			"level", "note", "message", "text", text,
			"locations", location(item, NULL)));
		free(text);
	}
	json_array_foreach(json_object_get(stats, "parse_errors"), i, item) {
		char *text = xasprintf("%s: %s", str(item, "file"), str(item, "error"));

		json_array_append_new(notes, json_pack("{s:s, s:{s:s}}",
			"level", "error", "message", "text", text));
		free(text);
	}
	return json_pack("[{s:b, s:o, s:o}]", "executionSuccessful", 1,
			 "toolExecutionNotifications", notes,
			 "properties", stats);
}

static json_t *base_ids(void)
{
	char cwd[PATH_MAX];
	char *path, *uri;
	json_t *ids;

	if (!getcwd(cwd, sizeof(cwd)))
		return json_object();
	path = uri_path(cwd);
	uri = xasprintf("file://%s/", path);
	ids = json_pack("{s:{s:s}}", SRCROOT, "uri", uri);
	free(path);
	free(uri);
	return ids;
}

json_t *sarif_document(const json_t *findings, json_t *stats)
{
	json_t *results = json_array(), *f;
	size_t i;

	json_array_foreach(findings, i, f)
		json_array_append_new(results, result(f));
	return json_pack("{s:s, s:s, s:[{s:{s:o}, s:o, s:o, s:o}]}",
			 "$schema", "https://json.schemastore.org/sarif-2.1.0.json",
			 "version", "2.1.0",
			 "runs", "tool", "driver", driver(),
			 "originalUriBaseIds", base_ids(),
			 "invocations", invocation(stats),
			 "results", results);
}
