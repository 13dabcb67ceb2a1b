"""backchannel: a dated, evidence-backed map of who talks to whom between two governments."""

__version__ = "0.1.0"
