"""The yearly report's PDF needs its fonts: without them WeasyPrint would fall back to
whatever fontconfig offers, which may lack Kazakh letters."""

from django.conf import settings
from django.core import checks

from reports.pdf import FONT_FILES


@checks.register()
def report_fonts_exist(app_configs, **kwargs):
    folder = settings.REPORT_FONT_DIR
    missing = [name for name in FONT_FILES.values() if not (folder / name).is_file()]
    if not missing:
        return []
    return [
        checks.Warning(
            f"The yearly report's fonts {', '.join(missing)} are not in {folder}.",
            hint="apt-get install fonts-dejavu-core, or set PORTAL_REPORT_FONT_DIR.",
            id="reports.W001",
        )
    ]
