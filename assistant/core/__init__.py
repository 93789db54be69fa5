"""Core: the typed values every stage passes on (types), domain errors (no HTTP codes), the protocols at the
seams (Embedder, Retriever, Generator) and the one Settings object. Imports nothing else of ours.
"""
