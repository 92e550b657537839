"""Production settings, as README "Deploying" gives them, pass `manage.py check --deploy`,
and gunicorn, the production server, names no version."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def production_env(**overrides) -> dict[str, str]:
    """The environment of README "Deploying", on top of this one without DJANGO_* values."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_REQUIRE_SECRET_KEY="1",
        DJANGO_ALLOWED_HOSTS="kardes.osmangazi.bel.tr",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://kardes.osmangazi.bel.tr",
        DJANGO_BEHIND_HTTPS_PROXY="1",
        DJANGO_TRUSTED_PROXY_COUNT="1",
        DJANGO_SECURE_SSL_REDIRECT="1",
        DJANGO_SECURE_COOKIES="1",
        DJANGO_HSTS_SECONDS="31536000",
        DJANGO_HSTS_INCLUDE_SUBDOMAINS="1",
        DJANGO_HSTS_PRELOAD="1",
        DJANGO_ADMIN_PATH="yonetim/",
    )
    env.update(overrides)
    return env


def check_deploy(env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = check_deploy(production_env())
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_warns_when_https_settings_are_left_out():
    """The check is not vacuous: drop HTTPS and it complains."""
    env = production_env()
    for name in ("DJANGO_SECURE_SSL_REDIRECT", "DJANGO_SECURE_COOKIES", "DJANGO_HSTS_SECONDS"):
        del env[name]
    result = check_deploy(env)
    assert result.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr


def test_production_refuses_to_start_without_a_secret():
    env = production_env()
    del env["DJANGO_SECRET_KEY"]
    result = check_deploy(env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set in production." in result.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str):
    headers = {"Host": "kardes.osmangazi.bel.tr", "X-Forwarded-Proto": "https"}
    request = urllib.request.Request(url, headers=headers)
    try:
        return urllib.request.urlopen(request, timeout=5)
    except urllib.error.HTTPError as error:
        return error


@pytest.fixture
def gunicorn(tmp_path):
    """gunicorn serving the portal with production settings on a loopback port (plain
    HTTP, as behind the proxy: the proxy says https), on an empty database of its own."""
    port = _free_port()
    env = production_env(
        DJANGO_ALLOWED_HOSTS="kardes.osmangazi.bel.tr,127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'gunicorn.sqlite3'}",
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "portal.wsgi",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_gunicorn_names_no_version(gunicorn):
    from django import get_version

    for path in ("/static/css/site.css", "/healthz"):
        response = _get(gunicorn + path)
        headers = dict(response.headers.items())
        assert response.status == 200, path
        assert headers.get("Server") == "gunicorn", path  # no version; see README "Deploying"
        assert "X-Powered-By" not in headers
        assert not any(get_version() in value for value in headers.values())
