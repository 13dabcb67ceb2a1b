"""Analyses over the derived who-talks-to-whom graph (brokerage roles, …)."""
