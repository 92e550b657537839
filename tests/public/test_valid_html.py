"""Every public page type is valid HTML according to the Nu Html Checker (vnu.jar from npm)."""

import json
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.helpers.pages import page_paths

VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)

pytestmark = pytest.mark.django_db


def nu_errors(files: list[Path]) -> list[str]:
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]


def test_every_page_type_is_valid_html_in_every_language(client, tmp_path, site_footer):
    call_command("load_showcase", stdout=open("/dev/null", "w"))
    files = []
    for language in ("tr", "en", "kk", "ru"):
        for name, path in page_paths(language).items():
            response = client.get(path)
            assert response.status_code == 200, path
            file = tmp_path / f"{language}-{name}.html"
            file.write_bytes(response.content)
            files.append(file)
    missing = client.get("/en/no-such-page/")
    (tmp_path / "en-404.html").write_bytes(missing.content)
    files.append(tmp_path / "en-404.html")

    assert nu_errors(files) == []
