"""A photo's public page, its press download and the serving of its renditions.

Photos of published visits only; the original upload is never served (see visits/images.py).
"""

import re

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from pagecache.tags import page_shows
from sistercities.page_tags import relationship_tag
from visits.models import Photo
from visits.views import public_visits

# The names visits/images.py gives renditions: nothing else in storage is reachable here.
_RENDITION_NAME = re.compile(r"photos/renditions/[0-9a-f]{2}/[0-9a-f]{24}-\d{1,5}\.(webp|jpg)")


@require_safe
def photo_detail(request, slug, pk):
    visit = get_object_or_404(public_visits(), slug=slug)
    page_shows(request, relationship_tag(visit.relationship_id))
    photos = list(visit.photos.all())
    index = next((i for i, photo in enumerate(photos) if photo.pk == pk), None)
    if index is None:
        raise Http404
    return render(
        request,
        "visits/photo_detail.html",
        {
            "visit": visit,
            "photo": photos[index],
            "position": index + 1,
            "total": len(photos),
            "previous": photos[index - 1] if index > 0 else None,
            "next": photos[index + 1] if index + 1 < len(photos) else None,
        },
    )


@require_safe
def photo_download(request, slug, pk):
    """The full-resolution, metadata-free JPEG, named for the visit, its date and credit."""
    photo = get_object_or_404(
        Photo.objects.published().select_related("visit"), visit__slug=slug, pk=pk
    )
    if not photo.picture.press_name:
        raise Http404
    return FileResponse(
        default_storage.open(photo.picture.press_name, "rb"),
        as_attachment=True,
        filename=press_filename(photo),
        content_type="image/jpeg",
    )


def press_filename(photo: Photo) -> str:
    """visit-slug_2019-08-24_credit_12.jpg: what a picture desk needs to file it."""
    visit = photo.visit
    parts = [
        visit.slug,
        visit.start_date.isoformat() if visit.start_date else "",
        slugify(photo.credit, allow_unicode=True),
        str(photo.pk),
    ]
    return "_".join(part for part in parts if part) + ".jpg"


@require_safe
@cache_control(public=True, max_age=365 * 24 * 60 * 60, immutable=True)
def serve_rendition(request, name):
    """Renditions from a local media folder (object storage serves them itself). Their names
    change with their content, so browsers may keep them for a year."""
    if not _RENDITION_NAME.fullmatch(name) or not default_storage.exists(name):
        raise Http404
    content_type = "image/webp" if name.endswith(".webp") else "image/jpeg"
    return FileResponse(default_storage.open(name, "rb"), content_type=content_type)
