from triage.cli import entry

entry()
