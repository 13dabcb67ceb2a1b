"""The output layer: pure rendering of plain dicts, never touching the database.

* ``render`` — rows as a terminal table, JSON, JSON Lines or CSV (``tables``);
* ``timeline_png`` — events per period as a 1200×600 PNG (``plot``);
* ``render_report`` — a self-contained static HTML report (``html``).
"""

from __future__ import annotations

from backchannel.report.html import render_report
from backchannel.report.plot import timeline_png
from backchannel.report.tables import Column, render

__all__ = ["Column", "render", "render_report", "timeline_png"]
