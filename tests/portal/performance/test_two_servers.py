"""Two app servers share one database and one Redis: an edit saved through the admin of one
shows on the other at once, though the page was cached there: its next reader gets the page
renewed, or the previous copy marked stale while the page is rendered in the background.

The servers are gunicorn processes on loopback ports, on a database of their own (a file
next to the test on SQLite, a database named after the test database on PostgreSQL),
migrated and loaded with the showcase record by manage.py.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from types import SimpleNamespace

import psycopg
import pytest
import redis
import rq
from django.conf import settings
from django.db import connection

from tests.helpers.forms import form_data

REDIS_URL = "redis://127.0.0.1:6379/5"
PASSWORD = "two-servers-test-password"


def manage(env, *args) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def database_url(tmp_path):
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'two-servers.sqlite3'}"
        return
    params = connection.settings_dict
    name = f"{params['NAME']}_two_servers"
    server = {
        "host": params["HOST"],
        "port": params["PORT"] or 5432,
        "user": params["USER"],
        "password": params["PASSWORD"],
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    credentials = server["user"] + (f":{server['password']}" if server["password"] else "")
    yield f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def server_env(database_url):
    redis.Redis.from_url(REDIS_URL).flushdb()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "DJANGO_DEBUG": "1",  # unhashed static names: no collectstatic needed
        "PORTAL_PAGE_CACHE": "1",
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
    }
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_showcase")
    manage(env, "createsuperuser", "--no-input", "--username=chief", "--email=c@example.org")
    yield env
    redis.Redis.from_url(REDIS_URL).flushdb()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A gunicorn process and a browser of it with its own cookies."""

    def __init__(self, env):
        self.base = f"http://127.0.0.1:{free_port()}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "portal.wsgi",
                "--workers=1",
                f"--bind={self.base.removeprefix('http://')}",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect
        )
        self._wait_until_up()

    def _wait_until_up(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.get("/healthz")
                return
            except OSError:
                time.sleep(0.2)
        self.process.kill()
        raise RuntimeError(self.process.stderr.read().decode())

    def get(self, path) -> SimpleNamespace:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path, data) -> SimpleNamespace:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        return self._open(urllib.request.Request(self.base + path, data=body))

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=30) as answer:
                return SimpleNamespace(
                    status=answer.status, headers=answer.headers, content=answer.read()
                )
        except urllib.error.HTTPError as error:
            return SimpleNamespace(status=error.code, headers=error.headers, content=b"")

    def log_in(self, username, password):
        login = "/en/admin/login/"
        self.get(login)
        token = self.cookie("csrftoken")
        answer = self.post(
            login,
            {"username": username, "password": password, "csrfmiddlewaretoken": token},
        )
        assert answer.status == 302, answer.content[:500]

    def cookie(self, name) -> str:
        return next(
            cookie.value
            for handler in self.opener.handlers
            if isinstance(handler, urllib.request.HTTPCookieProcessor)
            for cookie in handler.cookiejar
            if cookie.name == name
        )

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stderr.close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def servers(server_env):
    started = []
    try:
        started.append(Server(server_env))
        started.append(Server(server_env))
        yield started
    finally:
        for server in started:
            server.stop()


def test_an_admin_edit_on_one_server_shows_on_the_other_at_once(servers, server_env):
    a, b = servers
    page = "/en/relationships/osmangazi-kapchagay/"
    first = a.get(page)
    assert first.status == 200 and b"Konaev" in first.content
    again = a.get(page)
    assert again.headers["ETag"] == first.headers["ETag"]  # served from the cache
    assert a.get(page).status == 200

    city_pk = manage(
        server_env,
        "shell",
        "-c",
        "from sistercities.models import City; print(City.objects.get(slug='konaev').pk)",
    ).split()[-1]
    b.log_in("chief", PASSWORD)
    change = f"/en/admin/sistercities/city/{city_pk}/change/"
    form = b.get(change)
    assert form.status == 200
    data = form_data(form)
    data["name_en"] = "Konaev-on-Ili"
    saved = b.post(change, data)
    assert saved.status == 302, saved.content[:1000]

    next_reader = a.get(page)
    assert next_reader.status == 200
    if b"Konaev-on-Ili" not in next_reader.content:
        assert next_reader.headers["Cache-Status"] == "portal; hit; detail=stale"
    deadline = time.monotonic() + 5
    while b"Konaev-on-Ili" not in (after := a.get(page)).content:
        assert time.monotonic() < deadline, "the page was not renewed"
        time.sleep(0.05)
    assert after.headers["ETag"] != first.headers["ETag"]
    assert after.headers["Cache-Status"] == "portal; hit"


def test_with_a_renderer_running_the_server_hands_it_the_render_of_a_stale_page(server_env):
    env = {**server_env, "PYTHONUNBUFFERED": "1"}
    renderer = subprocess.Popen(
        [sys.executable, "manage.py", "render_pages"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    server = None
    try:
        pages = rq.Queue("pages", connection=redis.Redis.from_url(REDIS_URL))
        deadline = time.monotonic() + 30
        while not rq.Worker.all(queue=pages):
            assert time.monotonic() < deadline, "the renderer did not start"
            time.sleep(0.1)
        server = Server(env)
        page = "/en/relationships/osmangazi-kapchagay/"
        assert b"Konaev" in server.get(page).content
        manage(
            env,
            "shell",
            "-c",
            "from sistercities.models import City;"
            "city = City.objects.get(slug='konaev'); city.name_en = 'Konaev-on-Ili'; city.save()",
        )
        deadline = time.monotonic() + 5
        while b"Konaev-on-Ili" not in (after := server.get(page)).content:
            assert time.monotonic() < deadline, "the page was not renewed"
            time.sleep(0.05)
        assert after.headers["Cache-Status"] == "portal; hit"
    finally:
        if server is not None:
            server.stop()
        renderer.terminate()
        output = renderer.communicate(timeout=15)[0]
    assert f"rendered {server.base}{page} (200)" in output
