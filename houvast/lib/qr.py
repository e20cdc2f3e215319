"""QR codes as SVG (segno), safe to inline: no scripts, no styles."""

import io

import segno


def qr_svg(data, scale=6, title=""):
    buffer = io.BytesIO()
    segno.make(data, error="m").save(
        buffer,
        kind="svg",
        scale=scale,
        xmldecl=False,
        svgns=True,
        title=title or None,
        nl=False,
        border=2,
        dark="#000",
        light="#fff",
    )
    return buffer.getvalue().decode()
