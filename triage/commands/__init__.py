"""Sub-commands of the `triage` command line, one module each."""
