"""Throw-away database servers for the tests: a PostgreSQL cluster and a Redis server.

Both run from Debian's packages (`scripts/system-deps` installs them in `make test`) on
free local ports, keep everything in a temporary folder, and are stopped and removed at
the end of the session. When a binary is missing, the tests that need it are skipped,
saying which package to install.

Use them by importing the fixtures into a test module (or a conftest):

    from tests.servers import postgres_server, redis_server  # noqa: F401

`postgres_server.create_database("name")` gives a `postgresql://` URL of a new, empty
database; `redis_server.url(db)` a `redis://` URL.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from madoguchi.free_ports import free_port

INSTALL_HINT = "`make test` installs them (scripts/system-deps), or: sudo apt-get install -y"


# --- PostgreSQL ---------------------------------------------------------------------------


def postgres_bin_dir() -> Path | None:
    """The folder of the PostgreSQL server binaries (initdb, pg_ctl, postgres), newest first."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0,
        reverse=True,
    )
    for initdb in candidates:
        folder = Path(initdb).parent
        if (folder / "pg_ctl").exists() and (folder / "postgres").exists():
            return folder
    return None


@dataclass
class PostgresServer:
    """A running throw-away cluster; `trust` authentication, user `postgres`, 127.0.0.1."""

    bin_dir: Path
    root: Path  # the temporary folder: data/, the unix socket and the log
    port: int
    run_as: list[str]  # the command prefix that runs as the cluster's owner (root cannot)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        return self.root / "postgres.log"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _tool(self, name: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*self.run_as, str(self.bin_dir / name), *args],
            cwd=self.root, capture_output=True, text=True, timeout=timeout,
        )

    def create_database(self, name: str) -> str:
        """A new empty database (dropped first if it exists); its URL."""
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres")
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                cursor.execute(f'CREATE DATABASE "{name}"')
        finally:
            connection.close()
        return self.url(name)

    def log(self) -> str:
        try:
            return self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def start(self) -> None:
        initdb = self._tool(
            "initdb", "-D", str(self.data_dir), "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--locale=C", "--no-sync", timeout=120,
        )
        if initdb.returncode != 0:
            raise RuntimeError(f"initdb failed:\n{initdb.stdout}\n{initdb.stderr}")
        options = " ".join([
            f"-p {self.port}",
            "-c listen_addresses=127.0.0.1",
            f"-c unix_socket_directories={self.root}",
            "-c max_connections=300",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
        ])
        started = self._tool(
            "pg_ctl", "start", "-D", str(self.data_dir), "-l", str(self.log_file), "-o", options,
            "-w", "-t", "60",
        )
        if started.returncode != 0:
            raise RuntimeError(f"pg_ctl start failed:\n{started.stdout}\n{started.stderr}\n{self.log()[-3000:]}")

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            self._tool("pg_ctl", "stop", "-D", str(self.data_dir), "-m", "immediate", "-w", "-t", "30")


def _run_as_postgres(root: Path) -> list[str]:
    """Root cannot run PostgreSQL: as root, run its tools as the `postgres` user."""
    if os.geteuid() != 0:
        return []
    try:
        owner = pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("PostgreSQL refuses to run as root and there is no `postgres` user to run it as")
    os.chown(root, owner.pw_uid, owner.pw_gid)
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--"]
    return ["su", "postgres", "-s", "/bin/sh", "-c", '"$0" "$@"']  # fallback, unused on Debian


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL cluster for the whole test session (skipped when PostgreSQL is not installed)."""
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        pytest.skip(f"PostgreSQL server binaries (initdb, pg_ctl) not found; {INSTALL_HINT} postgresql")
    # Not under pytest's tmp_path: its parents are private to root, and the server runs as postgres.
    root = Path(tempfile.mkdtemp(prefix="madoguchi-pg-"))
    server = PostgresServer(bin_dir, root, free_port(), _run_as_postgres(root))
    try:
        server.start()
    except Exception:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
        raise
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


# --- Redis --------------------------------------------------------------------------------


@dataclass
class RedisServer:
    """A running throw-away redis-server on 127.0.0.1, without persistence."""

    root: Path
    port: int
    process: subprocess.Popen | None = None

    def url(self, db: int = 1) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def client(self, db: int = 1):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, db=db, socket_timeout=5)

    def log(self) -> str:
        try:
            return (self.root / "redis.log").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def start(self, binary: str) -> None:
        self.process = subprocess.Popen(
            [
                binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", str(self.root), "--daemonize", "no",
                "--logfile", str(self.root / "redis.log"),
            ],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}:\n{self.log()[-2000:]}")
            try:
                if self.client(0).ping():
                    return
            except Exception:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not answer in 20 s:\n{self.log()[-2000:]}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="session")
def redis_server():
    """A redis-server for the whole test session (skipped when Redis is not installed)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip(f"redis-server not found; {INSTALL_HINT} redis-server")
    try:
        import redis  # noqa: F401
    except ImportError:
        pytest.skip("the redis Python client is not installed (it is in requirements.lock)")
    root = Path(tempfile.mkdtemp(prefix="madoguchi-redis-"))
    server = RedisServer(root, free_port())
    try:
        server.start(binary)
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
