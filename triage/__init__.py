"""triage: reads RFPs, finds the requirements that matter, and scores the fit to the ideal customer profile."""

__version__ = "0.1.0"
