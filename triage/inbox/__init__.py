"""The inbox stage: watching a folder, triaging each document in an isolated worker, filing it.

    runner.py     the loop behind `triage run` / `triage watch` (InboxRunner, RunOptions)
    filing.py     claim / done / failed moves that never delete or overwrite (Inbox)
    ledger.py     the SQLite ledger of every document seen, and deal outcomes (Ledger)
    workers.py    worker processes with a timeout and a memory cap (WorkerPool)
    triagers.py   the work done per document in a worker (PipelineTriager; injectable)
    stability.py  when a dropped file has finished arriving (StabilityTracker)
    watching.py   watchdog observers feeding the runner
    names.py      which names to ignore, and how to show any name safely
    testing.py    a fake triager that hangs, eats memory or crashes on purpose, for tests

Nothing here is imported by `import triage.inbox`, so commands stay fast to start.
"""
