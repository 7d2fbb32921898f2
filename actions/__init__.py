"""madoguchi's action server: one module per concern."""
