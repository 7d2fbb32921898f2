"""madoguchi: the service counter of a Japanese mail-order confectionery shop."""
