#!/usr/bin/env python3
"""Write R linear revisions, each creating one three-column table, in the
formats the benchmark compares.

    gen_revisions.py -r 1000 -o DIR

Files written to DIR:
    cdb/<rev>_step_NNNNN.sql            cdb revision files (header + both sections)
    alembic/<rev>_step_NNNNN.py         Alembic scripts of the same chain
    sql/NNNNN.up.sql NNNNN.down.sql     the bare SQL, for the raw clients

Revision i creates table step_NNNNN (id, label, created_at) and its
downgrade drops it.  The SQL is valid on SQLite and PostgreSQL alike.  Ids
are 12 hex digits derived from i, so the chain is the same on every run.
"""
import argparse
import os

UP_SQL = ("CREATE TABLE step_{i:05d} (\n"
          "    id INTEGER PRIMARY KEY,\n"
          "    label VARCHAR(64) NOT NULL,\n"
          "    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP\n"
          ");\n")
DOWN_SQL = "DROP TABLE step_{i:05d};\n"

CDB_FILE = """-- cdb revision
-- revision: {rev}
-- down_revision: {down}
-- message: step {i}
-- created: 2026-01-01T00:00:00Z
-- author: Bench <bench@example.invalid>

-- +cdb upgrade
{up}
-- +cdb downgrade
{dn}"""

ALEMBIC_FILE = '''"""step {i}

Revision ID: {rev}
Revises: {down}
"""
import sqlalchemy as sa
from alembic import op

revision = {rev!r}
down_revision = {down_py}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'step_{i:05d}',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column('label', sa.String(64), nullable=False),
        sa.Column('created_at', sa.DateTime(), server_default=sa.text('CURRENT_TIMESTAMP')),
    )


def downgrade():
    op.drop_table('step_{i:05d}')
'''


def rev_id(i):
    # A multiplicative hash spreads the ids over the whole 48-bit range, so
    # that they do not share long prefixes (as random ids would not).
    return "%012x" % ((0x9e3779b97f4b * i + 0xc0ffee) % (1 << 48))


def generate(r, outdir, formats=("cdb", "alembic", "sql")):
    dirs = {f: os.path.join(outdir, f) for f in formats}
    for d in dirs.values():
        os.makedirs(d, exist_ok=True)
    for i in range(1, r + 1):
        rev = rev_id(i)
        down = rev_id(i - 1) if i > 1 else ""
        up, dn = UP_SQL.format(i=i), DOWN_SQL.format(i=i)
        stem = "%s_step_%05d" % (rev, i)
        if "cdb" in dirs:
            with open(os.path.join(dirs["cdb"], stem + ".sql"), "w") as f:
                f.write(CDB_FILE.format(rev=rev, down=down, i=i, up=up, dn=dn))
        if "alembic" in dirs:
            with open(os.path.join(dirs["alembic"], stem + ".py"), "w") as f:
                f.write(ALEMBIC_FILE.format(rev=rev, down=down, i=i,
                                            down_py=repr(down or None)))
        if "sql" in dirs:
            with open(os.path.join(dirs["sql"], "%05d.up.sql" % i), "w") as f:
                f.write(up)
            with open(os.path.join(dirs["sql"], "%05d.down.sql" % i), "w") as f:
                f.write(dn)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-r", type=int, required=True, help="number of revisions")
    ap.add_argument("-o", "--out", required=True, help="output directory")
    a = ap.parse_args()
    if a.r < 1:
        ap.error("-r must be at least 1")
    generate(a.r, a.out)


if __name__ == "__main__":
    main()
