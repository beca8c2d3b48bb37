"""Media import: content sniffing, EXIF, thumbnails, chunked streaming."""
