"""Where ingest puts things and ask reads them: database, document catalog, fact store, Chroma vectors,
BM25 index, embedders. Imports core/ and text/ only.
"""
