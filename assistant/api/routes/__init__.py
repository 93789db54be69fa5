"""HTTP routes of /api/v1, one module per resource (chat, search, documents, match, reports, health).
Each route takes its dependencies from api.deps and returns api.schemas models.
"""
