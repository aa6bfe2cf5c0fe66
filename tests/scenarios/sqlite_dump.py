#!/usr/bin/env python3
"""Print a normalised schema dump of a SQLite database.

usage: sqlite_dump.py DATABASE [--exclude GLOB]...

Two databases that mean the same schema print the same dump, however their
DDL was written and however a migration reached it (ALTER TABLE, or a table
rebuilt under a temporary name and renamed back).  So the dump is built from
what SQLite reports through its pragmas (table_xinfo, index_list, index_xinfo,
foreign_key_list, table_list), and only what no pragma reports (CHECK
expressions, COLLATE, generated-column expressions, AUTOINCREMENT, index
expressions and WHERE clauses, view and trigger bodies) is read from the stored
SQL, reduced to tokens: keywords and identifiers case-folded and unquoted,
whitespace and comments gone, string literals kept as written.

Left out on purpose: the order of columns and statements, the names SQLite
gives to constraints and automatic indexes, and cdb's own tables (excluded by
the --exclude globs, default cdb_version and cdb_history).  SQLite treats
identifiers case-insensitively, so every name is printed in lower case.
"""
import fnmatch
import pathlib
import re
import sqlite3
import sys

TOKEN = re.compile(r"""
      (?P<space>\s+|--[^\n]*|/\*.*?(?:\*/|\Z))
    | (?P<string>'(?:''|[^'])*')
    | (?P<blob>[xX]'[0-9A-Fa-f]*')
    | (?P<quoted>"(?:""|[^"])*"|`(?:``|[^`])*`|\[[^\]]*\])
    | (?P<number>0[xX][0-9A-Fa-f]+|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)
    | (?P<word>[^\W\d][\w$]*)
    | (?P<param>[?:@$][\w]*)
    | (?P<op>\|\||->>|->|<<|>>|<=|>=|==|!=|<>|.)
""", re.X | re.S)

PLAIN = re.compile(r"^[a-z_][a-z0-9_$]*$")


def tokens(sql):
    """Split SQL into (kind, text) pairs; names come back unquoted and in
    lower case, with kind 'name' when bare (keywords too) and 'qname' when
    quoted; literals as written."""
    out = []
    for m in TOKEN.finditer(sql):
        kind = m.lastgroup
        text = m.group(kind)
        if kind == "space":
            continue
        if kind == "quoted":
            q = text[0]
            body = text[1:-1]
            if q in "\"`":
                body = body.replace(q + q, q)
            out.append(("qname", body.lower()))
        elif kind == "word":
            out.append(("name", text.lower()))
        elif kind == "blob":
            out.append(("string", text.lower()))
        else:
            out.append((kind, text))
    return out


def show(toks):
    """One canonical line for a token list."""
    line = ""
    prev = None
    for kind, text in toks:
        if kind in ("name", "qname") and not PLAIN.match(text):
            text = '"' + text.replace('"', '""') + '"'
        # a call or a type size sticks to its name: f(x), varchar(80)
        glue = prev in ("name", "qname") and text == "("
        line += text if (not line or glue) else " " + text
        prev = kind
    for a, b in (("( ", "("), (" )", ")"), (" ,", ","), (" .", "."), (". ", ".")):
        line = line.replace(a, b)
    return line


def canon(sql):
    return show(tokens(sql)) if sql is not None else None


def split_top(toks):
    """Split a token list at the commas that are not inside parentheses."""
    parts, cur, depth = [], [], 0
    for t in toks:
        if t[1] == "(" and t[0] == "op":
            depth += 1
        elif t[1] == ")" and t[0] == "op":
            depth -= 1
        if depth == 0 and t == ("op", ","):
            parts.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        parts.append(cur)
    return parts


def paren_group(toks, i):
    """toks[i] is '('; return (inner tokens, index after the matching ')')."""
    depth = 0
    for j in range(i, len(toks)):
        if toks[j] == ("op", "("):
            depth += 1
        elif toks[j] == ("op", ")"):
            depth -= 1
            if depth == 0:
                return toks[i + 1:j], j + 1
    return toks[i + 1:], len(toks)


def is_kw(tok, *words):
    return tok[0] == "name" and tok[1] in words


CONSTRAINT_START = ("constraint", "primary", "unique", "check", "foreign")


def table_body(sql):
    """The top-level items of CREATE TABLE's parenthesised body and the
    tokens after it (table options)."""
    toks = tokens(sql)
    i = next(k for k, t in enumerate(toks) if t == ("op", "("))
    inner, end = paren_group(toks, i)
    return split_top(inner), toks[end:]


def checks_in(item):
    """Every CHECK (...) expression in one column or constraint item."""
    found = []
    k = 0
    while k < len(item):
        if is_kw(item[k], "check") and k + 1 < len(item) and item[k + 1] == ("op", "("):
            expr, k = paren_group(item, k + 1)
            found.append(show(expr))
        else:
            k += 1
    return found


def column_extras(item):
    """COLLATE and generated expression of one column definition."""
    collate = None
    generated = None
    k = 1
    while k < len(item):
        t = item[k]
        if is_kw(t, "collate") and k + 1 < len(item):
            collate = item[k + 1][1].lower()
            k += 2
            continue
        if is_kw(t, "as") and k + 1 < len(item) and item[k + 1] == ("op", "("):
            expr, k = paren_group(item, k + 1)
            generated = show(expr)
            continue
        if t == ("op", "("):
            # skip over parenthesised parts (type sizes, CHECK, DEFAULT)
            _, k = paren_group(item, k)
            continue
        k += 1
    return collate, generated


def q(name):
    return '"' + name.replace('"', '""') + '"'


def dump(path, excludes):
    # read-only, so that dumping can never change what it describes
    con = sqlite3.connect(pathlib.Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    out = []

    def excluded(name):
        return name.startswith("sqlite_") or any(
            fnmatch.fnmatchcase(name.lower(), g.lower()) for g in excludes)

    objects = con.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema "
        "WHERE sql IS NOT NULL ORDER BY type, name").fetchall()
    options = {}
    for row in con.execute("PRAGMA main.table_list"):
        options[row[1]] = (row[4], row[5])  # wr, strict

    pk_of = {}
    for typ, name, _, _ in objects:
        if typ == "table" and not name.startswith("sqlite_"):
            cols = con.execute("PRAGMA main.table_xinfo(%s)" % q(name)).fetchall()
            pk = sorted((c[5], c[1]) for c in cols if c[5])
            pk_of[name.lower()] = [n.lower() for _, n in pk]

    for typ, name, tbl, sql in objects:
        if typ != "table" or excluded(name):
            continue
        lname = name.lower()
        wr, strict = options.get(name, (0, 0))
        items, _ = table_body(sql)
        head = "table %s" % show([("name", lname)])
        if wr:
            head += " without-rowid"
        if strict:
            head += " strict"
        lines = []
        extras = {}
        checks = []
        autoinc = False
        for item in items:
            if not item:
                continue
            if is_kw(item[0], *CONSTRAINT_START):
                # a table constraint: a column named like one of these
                # keywords would have to be quoted
                checks.extend(checks_in(item))
                if any(is_kw(t, "autoincrement") for t in item):
                    autoinc = True
                continue
            colname = item[0][1]
            extras[colname] = column_extras(item)
            checks.extend(checks_in(item))
            if any(is_kw(t, "autoincrement") for t in item):
                autoinc = True

        cols = con.execute("PRAGMA main.table_xinfo(%s)" % q(name)).fetchall()
        pkcols = pk_of[lname]
        rowid_alias = (not wr and len(pkcols) == 1)
        for cid, cname, ctype, notnull, dflt, pk, hidden in cols:
            lc = cname.lower()
            collate, generated = extras.get(lc, (None, None))
            typ_ = show(tokens(ctype)).upper() if ctype else ""
            desc = "  column %s %s" % (show([("name", lc)]), typ_ or "-")
            alias = rowid_alias and pk and typ_ == "INTEGER"
            if notnull or alias or (wr and pk):
                desc += " not-null"
            if dflt is not None:
                desc += " default " + canon(dflt)
            if collate and collate != "binary":
                desc += " collate " + collate
            if hidden in (2, 3):
                desc += " generated %s (%s)" % (
                    "stored" if hidden == 3 else "virtual", generated)
            lines.append(desc)
        if pkcols:
            pkline = "  primary-key (%s)" % ", ".join(show([("name", c)]) for c in pkcols)
            if autoinc:
                pkline += " autoincrement"
            lines.append(pkline)

        for seq, iname, unique, origin, partial in con.execute(
                "PRAGMA main.index_list(%s)" % q(name)).fetchall():
            if origin != "u":
                continue
            keys = [r for r in con.execute(
                "PRAGMA main.index_xinfo(%s)" % q(iname)).fetchall() if r[5]]
            parts = []
            for r in keys:
                p = show([("name", r[2].lower())])
                if r[4] and r[4].lower() != "binary":
                    p += " collate " + r[4].lower()
                parts.append(p)
            lines.append("  unique (%s)" % ", ".join(parts))

        fks = {}
        for row in con.execute("PRAGMA main.foreign_key_list(%s)" % q(name)):
            fid, seq, target, frm, to, on_upd, on_del, match = row
            fks.setdefault(fid, []).append((seq, target, frm, to, on_upd, on_del, match))
        for fid, rows in fks.items():
            rows.sort()
            target = rows[0][1].lower()
            frm = [r[2].lower() for r in rows]
            to = [r[3].lower() if r[3] else None for r in rows]
            if any(t is None for t in to):
                to = pk_of.get(target, ["?"])
            lines.append("  foreign-key (%s) references %s (%s) on-update %s on-delete %s match %s" % (
                ", ".join(show([("name", c)]) for c in frm), show([("name", target)]),
                ", ".join(show([("name", c)]) for c in to),
                rows[0][4].lower(), rows[0][5].lower(), rows[0][6].lower()))
        for c in checks:
            lines.append("  check (%s)" % c)
        # every line names its table, so a difference says where it is
        tname = show([("name", lname)])
        out.append(head)
        out.extend("table %s: %s" % (tname, l.strip()) for l in lines)

    for typ, name, tbl, sql in objects:
        if typ != "index" or excluded(tbl):
            continue
        out.append(index_line(con, name, tbl, sql))

    for typ, name, tbl, sql in objects:
        if typ not in ("view", "trigger") or excluded(name):
            continue
        toks = tokens(sql)
        # CREATE [TEMP] VIEW|TRIGGER [IF NOT EXISTS] name ...: start at the
        # body so that how the name was written does not matter.
        k = 1
        while not is_kw(toks[k], "view", "trigger"):
            k += 1
        k += 1
        if is_kw(toks[k], "if"):
            k += 3
        if k + 1 < len(toks) and toks[k + 1] == ("op", "."):
            k += 2
        out.append("%s %s %s" % (typ, show([("name", name.lower())]), show(toks[k + 1:])))

    return "\n".join(sorted(out)) + "\n"


def index_line(con, name, tbl, sql):
    toks = tokens(sql)
    unique = any(is_kw(t, "unique") for t in toks[:3])
    on = next(k for k, t in enumerate(toks) if is_kw(t, "on"))
    open_ = next(k for k in range(on, len(toks)) if toks[k] == ("op", "("))
    inner, end = paren_group(toks, open_)
    items = split_top(inner)
    where = toks[end + 1:] if end < len(toks) and is_kw(toks[end], "where") else []
    keys = [r for r in con.execute(
        "PRAGMA main.index_xinfo(%s)" % q(name)).fetchall() if r[5]]
    parts = []
    for r, item in zip(keys, items):
        seqno, cid, cname, desc, coll, key = r
        if cid == -2:
            # an expression: its text without the trailing COLLATE/ASC/DESC,
            # which the pragma reports
            expr = list(item)
            while expr and is_kw(expr[-1], "asc", "desc"):
                expr.pop()
            if len(expr) >= 2 and is_kw(expr[-2], "collate"):
                expr = expr[:-2]
            p = "(%s)" % show(expr)
        else:
            p = show([("name", cname.lower())])
        if coll and coll.lower() != "binary":
            p += " collate " + coll.lower()
        if desc:
            p += " desc"
        parts.append(p)
    line = "index %s on %s%s (%s)" % (
        show([("name", name.lower())]), show([("name", tbl.lower())]),
        " unique" if unique else "", ", ".join(parts))
    if where:
        line += " where " + show(where)
    return line


def main(argv):
    excludes = []
    path = None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--exclude" and args:
            excludes.extend(args.pop(0).split())
        elif a.startswith("--exclude="):
            excludes.extend(a.split("=", 1)[1].split())
        elif path is None and not a.startswith("-"):
            path = a
        else:
            print("usage: sqlite_dump.py DATABASE [--exclude GLOB]...", file=sys.stderr)
            return 2
    if path is None:
        print("usage: sqlite_dump.py DATABASE [--exclude GLOB]...", file=sys.stderr)
        return 2
    if not excludes:
        excludes = ["cdb_version", "cdb_history"]
    try:
        sys.stdout.write(dump(path, excludes))
    except sqlite3.Error as e:
        print("sqlite_dump.py: %s: %s" % (path, e), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
