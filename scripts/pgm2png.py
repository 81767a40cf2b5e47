#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# A PGM (P5, 8 bit) as a PNG of 16 grey levels (4 bits a pixel): text pages
# stay readable at a third of the size. Usage: pgm2png.py IN.pgm OUT.png
# (the pictures of docs/deliverables.md).
import struct, sys, zlib
def read_pgm(path):
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b"P5" and int(fields[3]) == 255
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos + 1:pos + 1 + w * h]
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
w, h, px = read_pgm(sys.argv[1])
rows = bytearray()
for y in range(h):
    row = px[y * w:(y + 1) * w]
    rows.append(0)
    for x in range(0, w, 2):
        a = row[x] >> 4
        b = row[x + 1] >> 4 if x + 1 < w else 0
        rows.append(a << 4 | b)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 4, 0, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
open(sys.argv[2], "wb").write(png)
