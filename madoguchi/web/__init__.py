"""The web service on port 8000: the customer chat page, the operator desk and its API."""
