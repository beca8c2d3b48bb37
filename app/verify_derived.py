"""`verify` check on derived data: thumbnails (the search index: storage.derived_check).

Thumbnails are made only from images (app.media.describe); each is decoded and compared
with a thumbnail made afresh from the stored content. Pixels are compared, not bytes, so
an upgraded JPEG encoder does not raise false alarms, while a thumbnail replaced by
another picture (a list view that shows something else than the evidence) is named.
"""

from __future__ import annotations

import io
from dataclasses import replace

from PIL import Image, ImageChops, ImageStat

from tumar.storage.archive import Archive
from tumar.storage.media_store import MediaStore
from tumar.storage.thumbnail_store import Thumbnail, ThumbnailStore

from .media._imaging import open_image
from .media.describe import THUMBNAIL_PX
from .media.errors import ImageRejected, ImageUnreadable
from .media.thumbnails import encode_thumbnail, thumbnail_of

#: mean difference per channel (0-255) above which a thumbnail shows another picture; the
#: same code gives 0, another JPEG encoder version stays far below (detail lost to JPEG at
#: 256 px alone is ~5-10, hence comparing encoded with encoded)
MAX_MEAN_DIFFERENCE = 8.0


def _decode(thumb: Thumbnail) -> Image.Image | None:
    try:
        with Image.open(io.BytesIO(thumb.data)) as image:
            image.load()
            return image.convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None


def thumbnail_problems(archive: Archive) -> list[str]:
    problems: list[str] = []
    store = MediaStore(archive.media_db)
    for thumb in ThumbnailStore(archive.records_db).all():
        label = f"the thumbnail of content {thumb.sha256[:12]}"
        shown = _decode(thumb)
        if shown is None:
            problems.append(f"{label} does not decode as an image")
            continue
        if shown.size != (thumb.width, thumb.height):
            problems.append(f"{label} is {shown.size[0]}×{shown.size[1]}, not as recorded")
            continue
        if store.info(thumb.sha256) is None:
            continue  # missing content is reported by the media check
        try:
            with store.open(thumb.sha256) as content, open_image(content) as image:
                # encoded like the stored one, so only encoder changes remain as noise
                fresh = _decode(
                    replace(thumb, data=encode_thumbnail(thumbnail_of(image, THUMBNAIL_PX)))
                )
        except (ImageRejected, ImageUnreadable):
            problems.append(f"{label} belongs to content that no longer decodes as an image")
            continue
        if fresh is None or fresh.size != shown.size:
            problems.append(f"{label} does not match the picture it was made from")
            continue
        diff = ImageStat.Stat(ImageChops.difference(fresh, shown)).mean
        if max(diff) > MAX_MEAN_DIFFERENCE:
            problems.append(f"{label} shows another picture than the stored content")
    return problems
