"""Tell which text encoding a list was saved in, and name it for the report.

Lists come as UTF-8 (with or without a byte-order mark), UTF-16 (Excel's "Unicode text") or
in the Windows code page of the office that saved them: 1252 (Western Europe), 1254
(Turkish) or 1251 (Cyrillic). A text that is valid UTF-8 is UTF-8. Otherwise the choice is
made by two rules, since a general detector (charset-normalizer) takes Turkish text for
Windows-1252 ("þehir" for "şehir"):

- Cyrillic words are runs of bytes above 0x7F; Latin words have one such byte among ASCII
  letters ("K\xf6ln"). Most high bytes standing next to another one means Windows-1251.
- Windows-1254 and 1252 differ in six letters only: Ğ İ Ş ğ ı ş in 1254 are the Icelandic
  Ð Ý Þ ð ý þ in 1252. A text with any of these bytes is Turkish; without them both read
  the same, and it is named Windows-1252.
"""

import re

from django.utils.translation import gettext as _

from importing.problems import ImportRefused

UTF8 = "UTF-8"
UTF8_BOM = "UTF-8 (BOM)"
UTF16 = "UTF-16"
CP1252 = "Windows-1252"
CP1254 = "Windows-1254"
CP1251 = "Windows-1251"
CODECS = {
    UTF8: "utf-8",
    UTF8_BOM: "utf-8-sig",
    UTF16: "utf-16",
    CP1252: "cp1252",
    CP1254: "cp1254",
    CP1251: "cp1251",
}
# The names an operator may give (--encoding), case aside.
NAMED = {
    **{name.casefold(): name for name in CODECS},
    **{codec: name for name, codec in CODECS.items()},
}

_TURKISH_ONLY = re.compile(rb"[\xd0\xdd\xde\xf0\xfd\xfe]")
_HIGH = re.compile(rb"[\x80-\xff]+")


def decode(data: bytes, encoding: str = "") -> tuple[str, str]:
    """The text of `data` and the name of its encoding; raises ImportRefused."""
    name = encoding or detect(data)
    try:
        text = data.decode(CODECS[name])
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRefused(
            _(
                "Line %(line)s: byte %(byte)s cannot be read as %(encoding)s. Save the file "
                "as “CSV UTF-8” and try again."
            )
            % {"line": line, "byte": f"0x{data[error.start]:02x}", "encoding": name}
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportRefused(
            _("Line %(line)s holds a NUL byte: this is not a text file.") % {"line": line}
        )
    return text.removeprefix("\ufeff"), name


def detect(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return UTF8_BOM
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return UTF16
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return UTF8
    runs = _HIGH.findall(data)
    in_runs = sum(len(run) for run in runs if len(run) > 1)
    if in_runs * 2 > sum(len(run) for run in runs):
        return CP1251
    return CP1254 if _TURKISH_ONLY.search(data) else CP1252
