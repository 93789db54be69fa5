"""The conversation service over the engine: sessions, the query log, feedback and the supervisors' reports.
Shared by api/ and ui/.
"""
