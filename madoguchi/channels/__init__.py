"""Messaging channels of the Rasa server beyond Rasa's own (LINE)."""
