"""Real files for the scanned-document tests: PDFs written by hand, object by object, with
a correct cross-reference table (a plain one, one that runs JavaScript when opened, one
that carries another file, one cut short), and the other kinds to refuse or accept."""

import io

from pypdf import PdfReader, PdfWriter

from tests.helpers.photos import jpeg, png, svg

PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
TEXT = b"BT /F1 12 Tf 72 770 Td (Protocol of sister-city relations) Tj ET"


def pdf(catalog_extra: bytes = b"", extra_objects: tuple[bytes, ...] = ()) -> bytes:
    """A one-page PDF; `catalog_extra` goes into the catalogue, `extra_objects` are
    numbered from 5 on."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE,
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(TEXT), TEXT),
        *extra_objects,
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def clean_pdf() -> bytes:
    """Opens on its first page (a /GoTo open action, as many scanners write)."""
    return pdf(b"/OpenAction [3 0 R /Fit] ")


def pdf_with_javascript() -> bytes:
    return pdf(b"/OpenAction 5 0 R ", (b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>",))


def pdf_with_escaped_javascript() -> bytes:
    """The same action, its names spelt with #xx escapes that readers decode."""
    return pdf(b"/OpenAction 5 0 R ", (b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>",))


def pdf_with_embedded_file() -> bytes:
    payload = b"MZ this would be a program"
    return pdf(
        b"/Names << /EmbeddedFiles << /Names [(readme.exe) 5 0 R] >> >> ",
        (
            b"<< /Type /Filespec /F (readme.exe) /EF << /F 6 0 R >> >>",
            b"<< /Type /EmbeddedFile /Length %d >>\nstream\n%s\nendstream"
            % (len(payload), payload),
        ),
    )


def encrypted_pdf(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(clean_pdf())))
    writer.encrypt(user_password, "owner password", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def truncated_pdf() -> bytes:
    data = clean_pdf()
    return data[: len(data) * 2 // 3]


def html_named_pdf() -> bytes:
    return b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


REFUSED = {
    "javascript": (pdf_with_javascript, "protocol.pdf", "active_pdf"),
    "escaped javascript": (pdf_with_escaped_javascript, "protocol.pdf", "active_pdf"),
    "embedded file": (pdf_with_embedded_file, "protocol.pdf", "active_pdf"),
    "truncated": (truncated_pdf, "protocol.pdf", "unreadable_pdf"),
    "html as pdf": (html_named_pdf, "protocol.pdf", "not_a_document"),
    "svg with script": (svg, "protocol.svg", "not_a_document"),
}
ACCEPTED = {
    "pdf": (clean_pdf, "Protokol taraması.PDF", ".pdf", "application/pdf"),
    "png": (png, "scan.png", ".png", "image/png"),
    "jpeg": (jpeg, "scan.html", ".jpg", "image/jpeg"),
}
