"""Handing conversations to people: reasons, tickets, transcripts."""
