"""Dialogue-level decisions that look at the whole conversation."""
