"""A protocol's scanned document: what an upload must be, the name it is kept under, and
what it is when served.

An upload is judged by its content, never its name or the browser's content type. It is a
PDF that pypdf reads to the end, every object of it, and in which nothing can run or hide
another file (JavaScript, launch and import actions, additional actions, embedded or
attached files, rich media, XFA forms); or a JPEG or PNG scan that passes the checks photos
pass (sistercities/image_checks.py) within the portal's pixel limit. It is kept under a
random name whose extension follows the content, never the uploader's file name, and the
public gets it only through the protocol's download view, as an attachment.
"""

import io
import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from sistercities.image_checks import PNG_SIGNATURE, ImageProblem, check_image, read_upload


@dataclass(frozen=True)
class DocumentKind:
    content_type: str
    extension: str
    pillow_format: str = ""


PDF = DocumentKind("application/pdf", ".pdf")
JPEG = DocumentKind("image/jpeg", ".jpg", "JPEG")
PNG = DocumentKind("image/png", ".png", "PNG")
# A file stored before documents were checked, of no accepted kind: served as bytes.
UNKNOWN = DocumentKind("application/octet-stream", "")
HEADER_BYTES = 8

# Names whose presence, as a key or a value anywhere in the PDF, means something that runs,
# opens another file or carries one: scripts, actions, attachments, rich media, XFA forms.
ACTIVE_KEYS = frozenset(
    {"/JavaScript", "/JS", "/AA", "/EmbeddedFiles", "/EmbeddedFile", "/EF", "/RichMedia"}
    | {"/RichMediaContent", "/Launch", "/XFA"}
)
ACTIVE_VALUES = frozenset(
    {"/JavaScript", "/Launch", "/EmbeddedFile", "/RichMedia", "/RichMediaExecute"}
    | {"/FileAttachment", "/GoToE", "/ImportData", "/SubmitForm"}
)
# The same names in the raw bytes, for objects no cross-reference table lists (that a
# viewer repairing the file might still find). Long enough not to occur in binary data by
# chance; pypdf decodes the #xx-escaped spellings of the objects it reads.
_ACTIVE_IN_BYTES = re.compile(
    rb"/(?:JavaScript|EmbeddedFiles?|RichMedia|Launch|XFA)(?=[\s/<>\[\]()%{}]|$)"
)
_EOF_WINDOW = 1024  # where the spec allows %%EOF to be found from the end
_MAX_DEPTH = 64

MESSAGES = {
    "too_large": _("This file is %(size)s; a scanned document may be at most %(limit)s."),
    "not_a_document": _(
        "This file is not a PDF, JPEG or PNG. Upload the scanned protocol as a PDF, "
        "or as a JPEG or PNG image."
    ),
    "unreadable_pdf": _(
        "This PDF is damaged or incomplete and cannot be read. "
        "Save or scan it again and upload the new file."
    ),
    "encrypted_pdf": _("This PDF is protected by a password. Upload a copy without one."),
    "active_pdf": _(
        "This PDF contains JavaScript, actions or embedded files. Save it again as a plain "
        "PDF (for example, print it to PDF) and upload the new file."
    ),
    "corrupt": _("This image is damaged or incomplete. Export it again and upload the new file."),
    "too_many_pixels": _(
        "This image has more than %(limit)s megapixels. Reduce it and upload it again."
    ),
    "hidden_content": _(
        "This image carries another file or code inside it. Export it again as a plain image."
    ),
}


def _reject(code: str, **params) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params=params or None)


def kind_of(header: bytes) -> DocumentKind:
    """What a document is, by its first bytes."""
    if header.startswith(b"%PDF-"):
        return PDF
    if header.startswith(b"\xff\xd8\xff"):
        return JPEG
    if header.startswith(PNG_SIGNATURE):
        return PNG
    return UNKNOWN


def _kind_of_file(file) -> DocumentKind:
    file.seek(0)
    header = file.read(HEADER_BYTES)
    file.seek(0)
    return kind_of(header)


class DocumentFile(FieldFile):
    """Saved under a random name whose extension is that of the content, whatever the
    name it is given (the uploader's, or any code's)."""

    def save(self, name, content, save=True):
        super().save(f"{uuid.uuid4().hex}{_kind_of_file(content).extension}", content, save)


class DocumentField(models.FileField):
    attr_class = DocumentFile


def validate_document(file) -> None:
    """Accept a plain PDF, or a JPEG or PNG scan, within the size limit. A file already
    stored was judged when it was uploaded (or restored) and is not read again, nor is a
    bare name (a history row's)."""
    if isinstance(file, str) or getattr(file, "_committed", False):
        return
    check_document(read_upload(file))


def check_document(data: bytes) -> DocumentKind:
    """The kind of an acceptable document; ValidationError otherwise."""
    limit = settings.PROTOCOL_DOCUMENT_MAX_UPLOAD_BYTES
    if len(data) > limit:
        raise _reject("too_large", size=filesizeformat(len(data)), limit=filesizeformat(limit))
    kind = kind_of(data[:HEADER_BYTES])
    if kind is PDF:
        _check_pdf(data)
    elif kind is UNKNOWN:
        raise _reject("not_a_document")
    else:
        try:
            check_image(data, (kind.pillow_format,), settings.PHOTO_MAX_PIXELS)
        except ImageProblem as problem:
            raise _image_refusal(problem) from None
    return kind


def _image_refusal(problem: ImageProblem) -> ValidationError:
    """A file that begins as a JPEG or PNG but that Pillow cannot open is a damaged one."""
    if problem.code == "too_many_pixels":
        return _reject(problem.code, limit=f"{settings.PHOTO_MAX_PIXELS / 1_000_000:g}")
    return _reject("corrupt" if problem.code == "not_an_image" else problem.code)


def _check_pdf(data: bytes) -> None:
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise _reject("unreadable_pdf")  # cut short: the end of the file is missing
    objects = _pdf_objects(data)
    if _ACTIVE_IN_BYTES.search(data) or any(_is_active(obj) for obj in objects):
        raise _reject("active_pdf")


def _pdf_objects(data: bytes) -> list:
    """The trailer and every object the cross-reference tables list, each read."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):  # NOT_DECRYPTED is 0
            raise _reject("encrypted_pdf")
        references = [
            (number, generation)
            for generation, numbers in reader.xref.items()
            for number in numbers
        ]
        references += [(number, 0) for number in reader.xref_objStm]
        objects = [reader.trailer]
        for number, generation in references:
            obj = reader.get_object(IndirectObject(number, generation, reader))
            if obj is None:
                raise _reject("unreadable_pdf")
            objects.append(obj)
        if not reader.pages:
            raise _reject("unreadable_pdf")
    except ValidationError:
        raise
    except Exception:  # pypdf and the decoders under it raise many kinds for a damaged file
        raise _reject("unreadable_pdf") from None
    return objects


def _is_active(obj) -> bool:
    """Whether an object, or anything written inside it (not what it refers to: every
    object is looked at on its own), names active content."""
    stack = [(obj, 0)]
    while stack:
        current, depth = stack.pop()
        if depth > _MAX_DEPTH:  # deeper than any real file nests
            raise _reject("unreadable_pdf")
        if isinstance(current, DictionaryObject):  # streams too: their dictionary
            if not ACTIVE_KEYS.isdisjoint(current.keys()):
                return True
            stack.extend((value, depth + 1) for value in current.values())
        elif isinstance(current, ArrayObject):
            stack.extend((value, depth + 1) for value in current)
        elif isinstance(current, NameObject) and current in ACTIVE_VALUES:
            return True
    return False


def download(protocol) -> FileResponse:
    """The protocol's document as an attachment named for the protocol, of the type its
    content is, read through the storage whichever it is (a file stored before documents
    were checked included). Never cached: whoever may see it is decided at each request,
    and the page cache stores no streamed response."""
    storage, name = protocol.document.storage, protocol.document.name
    if not name or not storage.exists(name):  # none, or named in the row but not stored
        raise Http404
    file = storage.open(name, "rb")
    kind = _kind_of_file(file)
    response = FileResponse(
        file,
        as_attachment=True,
        filename=f"{protocol.slug}{kind.extension}",
        content_type=kind.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    add_never_cache_headers(response)
    return response
