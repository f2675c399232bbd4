"""Defences of every request: headers, malformed input, the visitor's address, clean uploads."""
