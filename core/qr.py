"""QR codes as SVG text (the `qrcode` package, no image library needed)."""

from __future__ import annotations

import io

import qrcode
import qrcode.image.svg


def qr_svg(text: str) -> str:
    """An SVG document of a QR code of `text` (medium error correction, a quiet zone of two
    modules), scalable to any size."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=2,
        image_factory=qrcode.image.svg.SvgPathImage,
    )
    code.add_data(text)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer)
    return buffer.getvalue().decode("utf-8")
