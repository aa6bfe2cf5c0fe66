#!/usr/bin/env python3
"""Normalise `pg_dump --schema-only --no-owner --no-privileges` output.

usage: pg_dump ... | pg_dump_norm.py [--exclude GLOB]...

Prints the dump's statements sorted, so that two databases holding the same
objects print the same text whatever order the objects were created in.
pg_dump already prints every object the way the server itself describes it
(types, defaults, view definitions, constraint names), so each statement is
kept as the server printed it, only flattened to one line (a CREATE TABLE to
one line per column or constraint, each prefixed with the table's name, so
that the order of columns does not matter: ALTER TABLE ... ADD COLUMN appends
where a model may have put the column in the middle).  Everything that is not
schema is dropped: comment lines, SET and set_config lines, \\restrict
lines, the public schema's own CREATE/COMMENT.

cdb's own tables are left out: every statement about a table matching one of
the --exclude globs (default cdb_version and cdb_history), or about a sequence,
index or constraint named after one (GLOB_*), is dropped.
"""
import fnmatch
import re
import sys

HEADER = re.compile(r"^-- Name: (?P<name>.*); Type: (?P<type>[^;]*); Schema: (?P<schema>[^;]*);")
QUALIFIED = re.compile(r'(?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*)\.("(?:[^"]|"")*"|[A-Za-z_][\w$]*)')


def unquote(name):
    if name.startswith('"') and name.endswith('"'):
        return name[1:-1].replace('""', '"')
    return name


def blocks(text):
    """Split the dump into (header, statement) pairs, statement being the
    lines between one '-- Name:' header and the next comment block."""
    out = []
    header = None
    cur = []
    for line in text.splitlines():
        m = HEADER.match(line)
        if m:
            if header is not None:
                out.append((header, cur))
            header, cur = m, []
            continue
        if header is None:
            continue
        cur.append(line)
    if header is not None:
        out.append((header, cur))
    return out


def clean(lines):
    """Drop comments, SET lines and blank lines, keeping statement text
    (function bodies may hold blank lines: those are kept when inside a
    dollar-quoted body)."""
    kept = []
    in_dollar = None
    for line in lines:
        if in_dollar is None:
            if line.startswith("--") or line.startswith("\\") or not line.strip():
                continue
            if line.startswith("SET ") or line.startswith("SELECT pg_catalog.set_config("):
                continue
        kept.append(line)
        for tag in re.findall(r"\$[A-Za-z_]*\$", line):
            if in_dollar is None:
                in_dollar = tag
            elif tag == in_dollar:
                in_dollar = None
    return kept


def flatten(stmt):
    """The lines one statement prints as.  A CREATE TABLE prints one line per
    column or constraint, each naming its table, so that ADD COLUMN's
    appending does not matter and a difference says where it is; any other
    statement prints as one line (continuation lines stripped and joined)."""
    head = stmt[0]
    if head.startswith("CREATE ") and " TABLE " in head and head.rstrip().endswith("("):
        name = head.rstrip()[:-1].rstrip()
        try:
            end = next(i for i in range(1, len(stmt)) if stmt[i].startswith(")"))
        except StopIteration:
            end = None
        if end is not None:
            out = ["%s: %s" % (name, l.strip().rstrip(",")) for l in stmt[1:end]]
            tail = " ".join(l.strip() for l in stmt[end:])
            out.append(name + ("" if tail == ");" else " " + tail))
            return out
    return [" ".join([head.rstrip()] + [l.strip() for l in stmt[1:]])]


def excluded(header, stmt, globs):
    names = set()
    first = header.group("name").split(" ")
    names.add(unquote(first[0]))
    if len(first) > 1 and first[0] in ("TABLE", "COLUMN", "INDEX", "SEQUENCE", "VIEW", "CONSTRAINT"):
        names.add(unquote(first[1].split(".")[0]))
    for m in QUALIFIED.finditer("\n".join(stmt)):
        names.add(unquote(m.group(1)))
    for n in names:
        for g in globs:
            if fnmatch.fnmatchcase(n, g) or fnmatch.fnmatchcase(n, g + "_*"):
                return True
    return False


def normalise(text, globs):
    out = []
    for header, lines in blocks(text):
        stmt = clean(lines)
        if not stmt:
            continue
        joined = "\n".join(stmt)
        if joined in ("CREATE SCHEMA public;",) or joined.startswith("COMMENT ON SCHEMA public IS"):
            continue
        if excluded(header, stmt, globs):
            continue
        out.extend(flatten(stmt))
    out.sort()
    return "".join(l + "\n" for l in out)


def main(argv):
    globs = []
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--exclude" and args:
            globs.extend(args.pop(0).split())
        elif a.startswith("--exclude="):
            globs.extend(a.split("=", 1)[1].split())
        else:
            print("usage: pg_dump_norm.py [--exclude GLOB]... < DUMP", file=sys.stderr)
            return 2
    if not globs:
        globs = ["cdb_version", "cdb_history"]
    sys.stdout.write(normalise(sys.stdin.read(), globs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
