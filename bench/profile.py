"""Profile one page, uncached, with pyinstrument: python bench/profile.py PATH"""

import sys

import django

django.setup()

from django.test import Client  # noqa: E402
from pyinstrument import Profiler  # noqa: E402


def profile(path: str, repeat: int = 3) -> str:
    client = Client(HTTP_HOST="127.0.0.1")
    client.get(path)
    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(repeat):
            assert client.get(path).status_code == 200
    return profiler.output_text(unicode=True, color=False)


if __name__ == "__main__":
    print(profile(sys.argv[1]))
