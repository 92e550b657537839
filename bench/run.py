"""The benchmark: build the demo record on PostgreSQL, serve it with gunicorn (2 workers,
DEBUG off) on loopback, load it with wrk and print a table against Django's floor (warm
pages also as browsers ask for them, gzipped); then soak runs over a mix of pages: without
edits, with an editor saving every second (with the page renderer, manage.py render_pages,
and without: renders in the servers' threads), and with a withdrawal every fifth second
too; then a profile of the slowest page.

    .venv/bin/python bench/run.py [--skip-build]

Settings through the environment: BENCH_DATABASE_URL (postgres://…/sc_bench),
BENCH_REDIS_URL (redis://127.0.0.1:6379/6), BENCH_SECONDS (10 per wrk run),
BENCH_GUNICORN_ARGS (more gunicorn options, e.g. "--worker-class=gthread --threads=4").
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg
import redis
import rq

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sc_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
GUNICORN_ARGS = shlex.split(os.environ.get("BENCH_GUNICORN_ARGS", ""))
SOAK_SECONDS = 60
STALE_BOUND = 30  # PORTAL_PAGE_CACHE_STALE_SECONDS's default
DIRECTORY_CSV = ROOT.parent / "shared/data/twin_cities.csv"
EDITED_VISIT = "demo-visit-0000"  # the latest published: on home, feed and lists
WITHDRAWN_VISIT = "demo-visit-0002"  # withdrawn and published again every fifth second
PAGES = {
    "floor": "/bench/floor/",
    "home": "/en/",
    "timeline (2,000 visits)": "/en/relationships/demo-timeline/",
    "visit report": "/en/visits/demo-visit-0001/",
    "feed": "/en/feeds/visits/",
    "search": "/en/search/?q=delegation",
}
SOAK_PAGES = [
    "/en/",
    "/tr/",
    "/en/relationships/demo-timeline/",
    f"/en/visits/{EDITED_VISIT}/",
    "/en/visits/demo-visit-0001/",
    "/en/visits/",
    "/en/feeds/visits/",
    "/en/search/?q=delegation",
    "/en/relationships/",
]
# Pages that show the edited visit's title: after the soak, each must show the last edit.
# (The visit list is ordered by start date, where this visit, of 2000, comes last.)
SHOWS_EDIT = ["/en/", f"/en/visits/{EDITED_VISIT}/", "/en/feeds/visits/"]


def environment(page_cache: bool, public_url: str = "") -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "DJANGO_DEBUG": "0",
        "DJANGO_MEDIA_ROOT": str(Path(tempfile.gettempdir()) / "sc_bench_media"),
        "DJANGO_LOG_LEVEL": "ERROR",
        "PORTAL_PAGE_CACHE": "1" if page_cache else "0",
        "PORTAL_PUBLIC_URL": public_url,
    }


def run(*command, env=None, **kwargs):
    return subprocess.run(command, cwd=ROOT, env=env or environment(True), check=True, **kwargs)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        sys.exit("wrk is missing: sudo apt-get install wrk")
    run("apt-get", "install", "-y", "-qq", "wrk")


def build():
    """A fresh database: migrations, the showcase, the directory import, the demo record."""
    name = DATABASE_URL.rsplit("/", 1)[1]
    server = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    run(PYTHON, "manage.py", "migrate", "--no-input", "-v0")
    run(PYTHON, "manage.py", "load_showcase", stdout=subprocess.DEVNULL)
    if DIRECTORY_CSV.exists():
        print("importing the directory", DIRECTORY_CSV)
        run(
            PYTHON,
            "manage.py",
            "import_relationships",
            str(DIRECTORY_CSV),
            "--commit",
            "--all-pairs",
            stdout=subprocess.DEVNULL,
        )
    run(PYTHON, "bench/demo.py")
    with psycopg.connect(DATABASE_URL, autocommit=True) as connection:
        # Statistics of the bulk-loaded tables: without them the planner guesses a few
        # hundred cities and hashes all 17,000 of them for every list of relationships.
        # VACUUM sets the visibility map, which index-only scans (the timeline's counts)
        # need; autovacuum does both in production, but not within the benchmark's time.
        connection.execute("VACUUM ANALYZE")
    run(PYTHON, "manage.py", "collectstatic", "--no-input", "-v0")


class Gunicorn:
    def __init__(self, page_cache: bool, port: int):
        self.base = f"http://127.0.0.1:{port}"
        self.env = environment(page_cache, public_url=self.base)
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "portal.wsgi",
                "--workers=2",
                f"--bind=127.0.0.1:{port}",
                "--log-level=warning",
                *GUNICORN_ARGS,
            ],
            cwd=ROOT,
            env=self.env,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(self.base + PAGES["floor"], timeout=2)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=15)


class Renderer:
    """manage.py render_pages beside the servers; alive once RQ lists it."""

    def __init__(self, env: dict):
        self.process = subprocess.Popen(
            [PYTHON, "manage.py", "render_pages", "-v0"], cwd=ROOT, env=env
        )
        deadline = time.monotonic() + 30
        while not rq.Worker.all(
            queue=rq.Queue("pages", connection=redis.Redis.from_url(REDIS_URL))
        ):
            if time.monotonic() > deadline:
                raise RuntimeError("the renderer did not start")
            time.sleep(0.2)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=15)


def wrk(
    url: str, seconds: int, connections: int = 8, script: str | None = None, gzip: bool = False
) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout=10s"]
    if script:
        command += ["-s", script]
    if gzip:
        command += ["-H", "Accept-Encoding: gzip"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    bad_status = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _ms(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1)),
        "p99": _ms(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1)),
        "errors": sum(map(int, errors.groups())) if errors else 0,
        "bad_status": int(bad_status.group(1)) if bad_status else 0,
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
    }


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def measure(page_cache: bool, port: int) -> list[tuple]:
    label = "warm" if page_cache else "uncached"
    redis.Redis.from_url(REDIS_URL).flushdb()
    server = Gunicorn(page_cache, port)
    rows = []
    try:
        for name, path in PAGES.items():
            urllib.request.urlopen(server.base + path).read()  # warm what a first request may
            result = wrk(server.base + path, SECONDS)
            rows.append((name, label if name != "floor" else f"floor ({label} server)", result))
            if page_cache and name != "floor":  # as browsers ask: the stored gzip copy
                rows.append((name, "warm, gzip", wrk(server.base + path, SECONDS, gzip=True)))
    finally:
        server.stop()
    floor = rows[0][2]["rps"]
    return [(name, mode, result, result["rps"] / floor) for name, mode, result in rows]


def soak(port: int, edits: bool = False, withdrawals: bool = False, renderer: bool = True):
    """wrk over SOAK_PAGES; with an editor saving every second when `edits` (and
    withdrawing a visit every fifth when `withdrawals`), the renders done by the page
    renderer when `renderer`, else by the servers' threads."""
    redis.Redis.from_url(REDIS_URL).flushdb()
    server = Gunicorn(True, port)
    renderer_process = Renderer(server.env) if edits and renderer else None
    script = Path(tempfile.gettempdir()) / "sc_bench_soak.lua"
    paths = ", ".join(f'"{path}"' for path in SOAK_PAGES)
    script.write_text(
        f"local paths = {{{paths}}}\nlocal n = 0\n"
        "request = function()\n  n = n + 1\n"
        "  return wrk.format('GET', paths[(n % #paths) + 1])\nend\n"
    )
    for path in SOAK_PAGES:
        urllib.request.urlopen(server.base + path).read()
    try:
        if not edits:
            return wrk(server.base + "/", SOAK_SECONDS, connections=16, script=str(script))
        editor = subprocess.Popen(
            [
                PYTHON,
                "bench/editor.py",
                server.base,
                EDITED_VISIT,
                WITHDRAWN_VISIT if withdrawals else "-",
                str(SOAK_SECONDS - 2),
            ],
            cwd=ROOT,
            env=server.env,
            stdout=subprocess.PIPE,
            text=True,
        )
        result = wrk(server.base + "/", SOAK_SECONDS, connections=16, script=str(script))
        result |= json.loads(editor.communicate(timeout=60)[0])
        result["edits"] = SOAK_SECONDS - 2
        result["renewed_after"] = renewal_times(server.base, result["last_title"])
        return result
    finally:
        server.stop()
        if renderer_process is not None:
            renderer_process.stop()


def renewal_times(base: str, last_title: str) -> dict[str, float | None]:
    """How long after the soak each page that shows the edited visit took to show its last
    edit (None: not within twice the stale bound)."""
    started, times = time.monotonic(), {}
    for path in SHOWS_EDIT:
        while last_title not in urllib.request.urlopen(base + path).read().decode():
            if time.monotonic() - started > 2 * STALE_BOUND:
                times[path] = None
                break
            time.sleep(0.05)
        else:
            times[path] = time.monotonic() - started
    return times


def print_table(rows: list[tuple]):
    print(
        f"\n{'page':<24} {'mode':<22} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'errors':>7} {'non-2xx':>8} {'vs floor':>9}"
    )
    for name, mode, result, ratio in rows:
        print(
            f"{name:<24} {mode:<22} {result['rps']:>9.1f} {result['p50']:>8.2f} "
            f"{result['p99']:>8.2f} {result['errors']:>7} {result['bad_status']:>8} "
            f"{ratio:>8.0%}"
        )


def print_soak(label: str, result: dict, quiet: dict):
    renewed = [t for t in result["renewed_after"].values() if t is not None]
    late = [path for path, t in result["renewed_after"].items() if t is None or t > STALE_BOUND]
    print(
        f"{label}: {result['requests']} requests, {result['edits']} edits, "
        f"{result['withdrawals']} withdrawals: {result['rps']:.1f} req/s, "
        f"p50 {result['p50']:.2f} ms, p99 {result['p99']:.2f} ms "
        f"({result['p99'] / quiet['p99']:.1f}x the p99 without edits), "
        f"socket errors {result['errors']}, non-2xx/3xx {result['bad_status']}; "
        f"withdrawn visit still shown {result['withdrawn_shown']} times; last edit shown "
        f"after {max(renewed, default=0):.2f} s at most; pages stale after the "
        f"{STALE_BOUND} s bound: {late or 'none'}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="reuse the demo database")
    arguments = parser.parse_args()
    ensure_wrk()
    if not arguments.skip_build:
        build()
    rows = measure(page_cache=False, port=8731) + measure(page_cache=True, port=8732)
    print_table(rows)
    quiet = soak(port=8733)
    print(
        f"\nsoak without edits: {quiet['requests']} requests in {SOAK_SECONDS} s over "
        f"{len(SOAK_PAGES)} pages, 16 connections: {quiet['rps']:.1f} req/s, "
        f"p50 {quiet['p50']:.2f} ms, p99 {quiet['p99']:.2f} ms, "
        f"socket errors {quiet['errors']}, non-2xx/3xx {quiet['bad_status']}"
    )
    runs = {
        "soak with edits, renderer": soak(port=8734, edits=True),
        "soak with edits, threads": soak(port=8735, edits=True, renderer=False),
        "soak with edits and withdrawals, renderer": soak(port=8736, edits=True, withdrawals=True),
    }
    for label, result in runs.items():
        print_soak(label, result, quiet)
    print("\nprofile of the uncached timeline:")
    run(PYTHON, "bench/profile.py", PAGES["timeline (2,000 visits)"], env=environment(False))


if __name__ == "__main__":
    main()
