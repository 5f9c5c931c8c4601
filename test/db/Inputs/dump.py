"""dump.py DB: a summary database's rows, sorted, one per line, so that
two databases with the same records print the same (not which run
wrote them)."""
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
for table, columns, order in (("files", "file, digest", "file"),
                              ("functions", "*", "name, file"),
                              ("callers", "*", "callee, file, facts")):
    for row in db.execute("SELECT %s FROM %s ORDER BY %s" % (columns, table, order)):
        print(table, *row, sep="\t")
