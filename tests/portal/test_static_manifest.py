"""A server started before collectstatic refuses to start, saying what to run, instead of
answering 500 on every page."""

import pytest
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage, StaticFilesStorage
from django.core.exceptions import ImproperlyConfigured

from portal.static_files import require_collected_static


def test_without_a_manifest_the_server_does_not_start_and_says_what_to_run(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="manage.py collectstatic"):
        require_collected_static(ManifestStaticFilesStorage(location=tmp_path))


def test_with_the_files_collected_it_starts(tmp_path):
    storage = ManifestStaticFilesStorage(location=tmp_path)
    storage.save_manifest()
    require_collected_static(storage)


def test_unhashed_static_files_need_no_manifest(tmp_path):
    require_collected_static(StaticFilesStorage(location=tmp_path))
