"""Ingest: turn files, folders, feeds and archives into a stream of Documents."""

from .header import Header, parse_header
from .readers import ReadOptions, read_paths, reader_names, register_reader
from . import feed, html, warc  # noqa: F401,E402  (register the HTML, feed and WARC readers)

__all__ = ["Header", "ReadOptions", "parse_header", "read_paths", "reader_names", "register_reader"]
