#!/usr/bin/env python3
"""Emulate `alembic check` (Alembic 1.9+) on Alembic 1.8.

    alembic_check.py ALEMBIC_INI

Runs the project's env.py the way Alembic's commands do, refuses a database
that is not at head, compares the models with the database
(autogenerate's compare_metadata, with the options env.py sets) and exits 1
when there is any difference, 0 when there is none, 2 on error.  This is
the work 1.9's check does; only the wording of its messages differs.
"""
import sys

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: alembic_check.py ALEMBIC_INI\n")
        return 2
    cfg = Config(sys.argv[1])
    script = ScriptDirectory.from_config(cfg)
    found = {}

    def compare(rev, context):
        if set(context.get_current_heads()) != set(script.get_heads()):
            raise RuntimeError("target database is not up to date")
        found["diffs"] = compare_metadata(context, context.opts["target_metadata"])
        return []

    with EnvironmentContext(cfg, script, fn=compare, as_sql=False, dont_mutate=True):
        script.run_env()
    diffs = found.get("diffs")
    if diffs is None:
        sys.stderr.write("alembic_check: env.py did not run the comparison\n")
        return 2
    for d in diffs:
        print(d)
    print("%d difference(s)" % len(diffs))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
