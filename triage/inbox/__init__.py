"""The inbox stage."""
