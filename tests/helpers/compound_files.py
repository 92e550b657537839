"""A minimal OLE compound file ([MS-CFB], version 3) holding one stream, as an .xls holds
its workbook: in the mini stream when shorter than 4,096 bytes, else in sectors of its own."""

import struct

SECTOR, MINI = 512, 64
FREE, END, FAT_SECTOR, NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _pad(data: bytes, size: int) -> bytes:
    return data + b"\0" * (-len(data) % size or 0)


def _entry(name: str, kind: int, start: int, size: int, child: int = NONE) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        encoded,
        len(encoded),
        kind,
        1,  # black
        NONE,
        NONE,
        child,
        b"",
        0,
        0,
        0,
        start,
        size,
    )[:128]


def compound_file(stream: bytes, name: str = "Workbook") -> bytes:
    """Sectors: 0 the allocation table, 1 the directory, 2 the mini allocation table,
    then the mini stream or the stream itself."""
    in_mini = len(stream) < 4096
    body = _pad(stream, MINI if in_mini else SECTOR)
    data_sectors = len(_pad(body, SECTOR)) // SECTOR
    fat = [FAT_SECTOR, END, END] + [3 + n + 1 for n in range(data_sectors - 1)] + [END]
    fat += [FREE] * (SECTOR // 4 - len(fat))
    minis = len(body) // MINI if in_mini else 0
    mini_fat = [n + 1 for n in range(minis - 1)] + ([END] if minis else [])
    mini_fat += [FREE] * (SECTOR // 4 - len(mini_fat))
    if in_mini:
        root = _entry("Root Entry", 5, 3, len(body), child=1)
        entry = _entry(name, 2, 0, len(stream))
    else:
        root = _entry("Root Entry", 5, END, 0, child=1)
        entry = _entry(name, 2, 3, len(stream))
    directory = root + entry + b"\0" * 128 * 2
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"",
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"",
        0,
        1,  # allocation sectors
        1,  # first directory sector
        0,
        4096,
        2,  # first mini allocation sector
        1,
        END,  # no DIFAT sector
        0,
    ) + struct.pack("<109I", 0, *[FREE] * 108)
    return (
        header
        + struct.pack(f"<{SECTOR // 4}I", *fat)
        + directory
        + struct.pack(f"<{SECTOR // 4}I", *mini_fat)
        + _pad(body, SECTOR)
    )


def biff_cells(*cells: tuple[int, int]) -> bytes:
    """A BIFF8 stream of BOF, a NUMBER record at each (row, column), EOF."""
    records = struct.pack("<HH", 0x0809, 16) + struct.pack("<HHHHII", 0x0600, 0x10, 0, 0, 0, 0)
    for row, column in cells:
        records += struct.pack("<HHHHHd", 0x0203, 14, row, column, 0, 1.0)
    return records + struct.pack("<HH", 0x000A, 0)
