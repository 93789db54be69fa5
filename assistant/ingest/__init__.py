"""Ingest flow: file -> loaders/ -> normalize -> structure (sections, tables, footnotes) -> chunking + facts
-> stores. `pipeline.Ingestor` runs it; never imports ask/, service/, api/ or ui/.
"""
