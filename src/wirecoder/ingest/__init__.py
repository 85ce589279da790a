"""Ingest: turn files, folders, feeds and archives into a stream of Documents."""

from .header import Header, parse_header
from .readers import read_paths, reader_names, register_reader

__all__ = ["Header", "parse_header", "read_paths", "reader_names", "register_reader"]
