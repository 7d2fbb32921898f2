"""Measured conversation quality: held-out NLU scores and handoff decisions."""
