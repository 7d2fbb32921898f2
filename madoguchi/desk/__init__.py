"""The operators' desk: console, JSON API, and the bridge to Rasa."""
