"""Gzip for HTML only where a BREACH attack cannot read a secret out of the compressed size.

BREACH needs a response that holds both a secret and text the attacker chose, fetched again and again
with the victim's cookies. So a page is compressed only when all of these hold:
- its view is listed in settings.GZIP_VIEW_NAMES (pages checked to show no text from other users);
- the request is a GET or HEAD without a query string (nothing of the attacker's is reflected: the base
  layout echoes the full path in the language form);
- nobody is signed in (a signed-in page holds health data; it stays uncompressed).
The CSRF token on these pages is masked anew for every response, and Django's GZipMiddleware adds a random
number of bytes to every compressed response (Heal-The-BREACH) on top. Static files are compressed ahead of
time by WhiteNoise and never reach this middleware.

`gzip_of_parts` is for a page whose large part holds no secret and whose small parts do (a live session's
shared stage inside a participant's page, docs/workshops.md): only the large part is compressed.
"""

import struct
import zlib
from typing import NamedTuple

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # deflate, no name, no time, unknown system
FINAL_EMPTY_BLOCK = b"\x03\x00"


def compression_is_safe(request):
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and match is not None
        and match.view_name in settings.GZIP_VIEW_NAMES
        and not (user is not None and user.is_authenticated)
    )


class SafeGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not compression_is_safe(request):
            return response
        return super().process_response(request, response)


class Deflated(NamedTuple):
    """Raw deflate blocks of some bytes, with the checksum and length a gzip trailer needs."""

    blocks: bytes
    crc: int
    size: int


def deflate_part(data, level=6):
    """`data` as raw deflate blocks with a dictionary of their own, ending on a byte boundary without a
    final block, so they can stand between other parts of one stream (`gzip_of_parts`). Level 0 stores
    the bytes as they are."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    return Deflated(packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH), zlib.crc32(data), len(data))


def gzip_of_parts(parts):
    """One gzip stream of `parts`, (data, deflated) pairs in page order: `deflated` is `deflate_part(data)`
    made earlier (and cached), or None to store `data` uncompressed. No compressed part can refer to bytes
    outside itself, so its size tells nothing about the stored parts (BREACH)."""
    out = [GZIP_HEADER]
    crc = size = 0
    for data, deflated in parts:
        part_crc = zlib.crc32(data)
        if deflated is None:
            deflated = deflate_part(data, level=0)
        elif (deflated.crc, deflated.size) != (part_crc, len(data)):
            deflated = deflate_part(data)  # made from other bytes (a cache entry replaced in between)
        out.append(deflated.blocks)
        crc = zlib.crc32(data, crc)
        size += len(data)
    out.append(FINAL_EMPTY_BLOCK)
    out.append(struct.pack("<II", crc, size & 0xFFFFFFFF))
    return b"".join(out)
