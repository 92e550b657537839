"""One stream of an OLE compound file (an Excel 97–2003 .xls), read without a library.

Only what `bounds` needs to find the workbook stream: the header, the sector allocation
table (with its DIFAT extension), the directory and the mini stream that holds streams
shorter than 4,096 bytes ([MS-CFB]). Every chain is followed at most once per sector, so
a file whose chains loop or point outside it is refused rather than read forever.
"""

import struct
import sys
from array import array

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_STREAM = 2


class BrokenFile(ValueError):
    """The compound file's structure cannot be followed."""


def read_stream(data: bytes, names: tuple[str, ...]) -> bytes | None:
    """The first stream called one of `names` (case aside), or None if there is none."""
    if not data.startswith(SIGNATURE) or len(data) < 512:
        raise BrokenFile("not a compound file")
    sector_shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if not (7 <= sector_shift <= 16 and mini_shift < sector_shift):
        raise BrokenFile("bad sector size")
    (first_directory,) = struct.unpack_from("<I", data, 0x30)
    cutoff, first_mini_fat, _count, first_difat = struct.unpack_from("<IIII", data, 0x38)
    size = 1 << sector_shift

    def sector(number: int) -> bytes:
        start = (number + 1) * size
        if start >= len(data):
            raise BrokenFile(f"sector {number} lies outside the file")
        return data[start : start + size].ljust(size, b"\0")

    fat_sectors = list(struct.unpack_from("<109I", data, 0x4C))
    number, seen = first_difat, set()
    while number not in (_END_OF_CHAIN, _FREE):  # each DIFAT sector ends with the next's
        if number in seen:
            raise BrokenFile("the DIFAT chain loops")
        seen.add(number)
        *entries, number = struct.unpack(f"<{size // 4}I", sector(number))
        fat_sectors.extend(entries)
    fat_sectors = [number for number in fat_sectors if number not in (_FREE, _END_OF_CHAIN)]
    if len(fat_sectors) > len(data) // size:
        raise BrokenFile("more allocation sectors than the file holds")
    fat = _numbers(b"".join(sector(number) for number in fat_sectors))

    def read(start: int, table: array, fetch) -> bytes:
        return b"".join(fetch(number) for number in _chain(start, table))

    directory = read(first_directory, fat, sector)
    entries = [directory[offset : offset + 128] for offset in range(0, len(directory), 128)]
    if not entries:
        raise BrokenFile("no directory")
    wanted = {name.casefold() for name in names}
    found = next((entry for entry in entries if _name(entry) in wanted), None)
    if found is None:
        return None
    start, stream_size = struct.unpack_from("<IQ", found, 0x74)
    stream_size &= 0xFFFFFFFF  # version 3 files leave the high half undefined
    if stream_size >= cutoff:
        return read(start, fat, sector)[:stream_size]
    mini_stream = read(struct.unpack_from("<I", entries[0], 0x74)[0], fat, sector)
    mini_fat = _numbers(read(first_mini_fat, fat, sector))
    mini = 1 << mini_shift

    def mini_sector(number: int) -> bytes:
        if (number + 1) * mini > len(mini_stream):
            raise BrokenFile(f"mini sector {number} lies outside the mini stream")
        return mini_stream[number * mini : (number + 1) * mini]

    return read(start, mini_fat, mini_sector)[:stream_size]


def _name(entry: bytes) -> str:
    """A directory entry's name, casefolded; "" unless it is a stream."""
    if len(entry) < 128 or entry[0x42] != _STREAM:
        return ""
    length = min(struct.unpack_from("<H", entry, 0x40)[0], 64)
    return entry[: max(length - 2, 0)].decode("utf-16-le", "replace").casefold()


def _chain(start: int, table: array):
    """The sector numbers of the chain that begins at `start`, each at most once."""
    seen = set()
    number = start
    while number not in (_END_OF_CHAIN, _FREE):
        if number in seen:
            raise BrokenFile("a chain of sectors loops")
        if number >= len(table):
            raise BrokenFile(f"sector {number} is not in the allocation table")
        seen.add(number)
        yield number
        number = table[number]


def _numbers(data: bytes) -> array:
    """Little-endian 32-bit numbers, compactly."""
    numbers = array("I")
    numbers.frombytes(data[: len(data) // 4 * 4])
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers
