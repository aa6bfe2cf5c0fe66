# Alembic environment used by the benchmark projects (online mode only).
#
# It does what a Flask-Migrate project's env.py does on every command:
# import the application's models (when the project has any), connect, and
# run the migration context with compare_type=True, plus render_as_batch on
# SQLite.  The URL comes from BENCH_URL, the models module from
# BENCH_MODELS (a file path; unset for the revision-chain projects).
import importlib.util
import os

import sqlalchemy as sa
from alembic import context


def load_metadata():
    path = os.environ.get("BENCH_MODELS")
    if not path:
        return None
    spec = importlib.util.spec_from_file_location("bench_models", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.metadata


def run():
    url = os.environ["BENCH_URL"]
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        context.configure(connection=conn,
                          target_metadata=load_metadata(),
                          compare_type=True,
                          render_as_batch=url.startswith("sqlite"))
        with context.begin_transaction():
            context.run_migrations()


run()
