"""Persistence: the shop data, the desk and transcripts, on SQLAlchemy."""
