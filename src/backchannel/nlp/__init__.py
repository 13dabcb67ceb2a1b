"""Language processing stages: dates, mentions, events."""
