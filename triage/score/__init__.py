"""The score stage."""
