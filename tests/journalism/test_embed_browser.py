"""The embeddable timeline in Chromium: it shows inside a frame of a page from another
origin, while the timeline page itself refuses to be framed there; the embed code is copied
by its button, and the embed passes axe in every language."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse
from django.utils import translation

from tests.helpers.pages import axe_violations, page_paths

pytestmark = pytest.mark.django_db(transaction=True)

SHOWCASE = "osmangazi-kapchagay"


@pytest.fixture
def news_site(live_server):
    """A page of another origin (127.0.0.1, where the portal answers as localhost) that
    frames the embed and the timeline page."""
    with translation.override("en"):
        embed = live_server.url + reverse("journalism:embedded-timeline", kwargs={"slug": SHOWCASE})
        timeline = live_server.url + reverse(
            "sistercities:relationship-detail", kwargs={"slug": SHOWCASE}
        )
    html = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News</title></head>'
        f'<body><h1>Today\'s news</h1><iframe id="embed" src="{embed}" width="560" height="640"'
        ' title="Embedded timeline"></iframe>'
        f'<iframe id="timeline" src="{timeline}" width="560" height="640"'
        ' title="Framed timeline page"></iframe></body></html>'
    ).encode()

    class NewsPage(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), NewsPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    assert "localhost" in live_server.url  # so 127.0.0.1 is another origin
    yield {"url": f"http://127.0.0.1:{server.server_port}/", "embed": embed, "timeline": timeline}
    server.shutdown()
    server.server_close()


def test_the_embed_renders_inside_a_frame_on_another_origin_the_timeline_does_not(
    showcase, news_site, page
):
    console = []
    page.on("console", lambda message: console.append(message.text))

    page.goto(news_site["url"])
    page.wait_for_load_state("networkidle")

    embedded = page.frame_locator("#embed")
    assert embedded.locator("h1").inner_text() == "Osmangazi – Konaev"
    assert (
        "Osmangazi delegation visits sister city Kapchagay" in embedded.locator("main").inner_text()
    )
    frames = {frame.url: frame for frame in page.frames}
    assert news_site["embed"] in frames

    # The timeline page's frame-ancestors 'none' keeps its content out of the frame.
    assert news_site["timeline"] not in frames
    assert page.frame_locator("#timeline").locator(".timeline").count() == 0
    # Chromium says which origin it refused to frame: one frame only, the timeline's.
    refused = [text for text in console if "frame-ancestors" in text]
    assert len(refused) == 1 and "frame-ancestors 'none'" in refused[0]
    assert [text for text in console if "Content Security Policy" in text] == refused


def test_the_copy_button_copies_the_embed_code(showcase, live_server, page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(live_server.url + page_paths("en")["timeline"])

    code = page.locator("[data-embed-code]").input_value()
    page.get_by_role("button", name="Copy embed code").click()

    status = page.locator("[data-copy-status]")
    status.filter(has_text="The embed code is copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == code
    assert (
        code.startswith('<iframe src="') and "/en/embed/relationships/osmangazi-kapchagay/" in code
    )


def test_without_javascript_the_code_is_there_to_select_and_no_dead_button(
    showcase, live_server, browser
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + page_paths("en")["timeline"])
    assert page.get_by_label("Embed code").is_visible()
    assert page.get_by_label("Embed code").get_attribute("readonly") is not None
    assert not page.locator("[data-copy-embed-code]").is_visible()
    context.close()


@pytest.mark.parametrize("language", ["tr", "en", "kk", "ru"])
def test_the_embed_passes_axe_in_every_language(showcase, live_server, page, language):
    page.goto(live_server.url + page_paths(language)["embed"])
    assert page.locator("html").get_attribute("lang") == language
    assert axe_violations(page) == []


def test_the_embed_fits_a_narrow_frame(showcase, live_server, browser):
    context = browser.new_context(viewport={"width": 280, "height": 480})
    page = context.new_page()
    page.goto(live_server.url + page_paths("kk")["embed"])
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    context.close()
