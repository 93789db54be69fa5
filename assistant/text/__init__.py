"""Chinese text toolkit shared by ingest and ask: folding, sentences and clauses, numbers, years and amounts,
jieba tokens, and the one stop-word list. Imports nothing else of ours.
"""
