"""Ask flow: question -> follow-up -> compound split -> route -> facts | matching | retrieval + compose
-> LLM (optional) -> fidelity -> suggestions. `engine.Engine` orchestrates; never imports api/ or ui/.
"""
