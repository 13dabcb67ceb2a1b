"""The Jinja2 template of the HTML report (kept in code so it ships with the package).

Rendered with ``autoescape=True`` and ``StrictUndefined``: every value is
escaped, and a field missing from the view model is an error, not a blank.
No JavaScript: the Content-Security-Policy forbids scripts outright.
"""

TEMPLATE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy"
      content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="backchannel">
<title>{{ title }}</title>
<style>
:root {
  --ink: #1d2330; --muted: #5d6575; --line: #dde1e8; --zebra: #f6f7f9; --paper: #ffffff;
  --accent: #2f5d8a; --active: #1f7a44; --active-bg: #e3f3e9; --dormant: #8a5a00;
  --dormant-bg: #fdf1d8; --severed: #a12a2a; --severed-bg: #fbe4e4; --unknown: #555c68;
  --unknown-bg: #eceef2;
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--paper); color: var(--ink);
  font: 15px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue",
        Arial, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif;
}
main { max-width: 1240px; margin: 0 auto; padding: 32px 28px 64px; }
header.report { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 8px; }
h1 { font-size: 28px; margin: 0 0 6px; letter-spacing: -0.01em; }
h2 { font-size: 20px; margin: 40px 0 10px; padding-bottom: 6px;
     border-bottom: 1px solid var(--line); }
h2 .count { color: var(--muted); font-weight: normal; font-size: 15px; }
.meta { color: var(--muted); font-size: 13px; margin: 0; }
.meta span + span::before { content: "·"; margin: 0 8px; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
              font-size: 12.5px; }
nav.toc { font-size: 13px; margin: 12px 0 0; }
nav.toc a { color: var(--accent); text-decoration: none; margin-right: 14px; }
a { color: var(--accent); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px;
        background: #fbfcfd; }
.card .value { font-size: 26px; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase;
               letter-spacing: 0.05em; }
table { width: 100%; border-collapse: collapse; font-size: 14px; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 7px 10px;
         border-bottom: 1px solid var(--line); }
thead th {
  background: #eef1f5; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em;
  color: #3b4252; border-bottom: 2px solid #c9cfd8; white-space: nowrap;
}
table.zebra > tbody > tr:nth-child(even) { background: var(--zebra); }
table.channels > tbody:nth-of-type(even) > tr { background: var(--zebra); }
table.channels > tbody > tr.evidence > td { border-top: 0; padding-top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
.who { font-weight: 600; }
.sub { color: var(--muted); font-size: 12px; }
.arrow { color: var(--muted); margin: 0 4px; }
.badge {
  display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
  white-space: nowrap; border: 1px solid transparent;
}
.status-active { color: var(--active); background: var(--active-bg); border-color: #b5dfc4; }
.status-dormant { color: var(--dormant); background: var(--dormant-bg); border-color: #f0d596; }
.status-severed { color: var(--severed); background: var(--severed-bg); border-color: #efb9b9; }
.status-unknown, .modality { color: var(--unknown); background: var(--unknown-bg);
                             border-color: #d3d7de; }
.named { font-style: italic; }
.legend { display: flex; flex-wrap: wrap; gap: 8px 24px; font-size: 13px; color: var(--muted);
          margin: 6px 0 10px; padding: 0; list-style: none; }
details summary { cursor: pointer; color: var(--muted); font-size: 13px; }
ul.evidence { list-style: none; margin: 6px 0 4px; padding: 0; }
ul.evidence li { margin: 6px 0; padding-left: 12px; border-left: 3px solid var(--line); }
.quote { font-family: Georgia, "Times New Roman", serif; }
.source { font-size: 12.5px; color: var(--muted); }
.url-text { color: var(--muted); word-break: break-all; }
figure { margin: 8px 0; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
figcaption { color: var(--muted); font-size: 13px; }
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 48px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line);
         padding-top: 10px; }
@media print {
  main { max-width: none; padding: 0; }
  tbody, tr, figure { break-inside: avoid; }
  a { color: inherit; }
}
</style>
</head>
<body>
<main>
{# Macros emit no surrounding whitespace: they are used inline. #}
{% macro link(s) -%}
{% if s.href -%}
<a href="{{ s.href }}" rel="noopener noreferrer nofollow">{{ s.label }}</a>
{%- else -%}
{{ s.label }}{% if s.url %} <span class="url-text">({{ s.url }})</span>{% endif %}
{%- endif %}
{%- if s.doc_id %} <code>{{ s.doc_id }}</code>{% endif %}
{%- endmacro %}
{% macro when(d) -%}
{{ d.text }}{% if d.precision %} <span class="sub">({{ d.precision }})</span>{% endif %}
{%- endmacro %}
<header class="report">
  <h1>{{ title }}</h1>
  <p class="meta">
    <span>as of <strong>{{ as_of }}</strong></span>
    <span>generated {{ generated }}</span>
    <span>database <code>{{ db }}</code></span>
  </p>
  <nav class="toc">
    <a href="#summary">Summary</a><a href="#timeline">Timeline</a><a href="#channels">Channels</a>
    <a href="#capacity">Capacity</a><a href="#brokers">Brokers</a><a href="#breaks">Breakdowns</a>
    <a href="#role-changes">Role changes</a><a href="#not-asserted">Reported but not asserted</a>
    <a href="#skipped">Skipped inputs</a>
  </nav>
</header>

<section id="summary">
  <h2>Summary</h2>
  <div class="cards">
  {% for c in counts %}
    <div class="card"><div class="value">{{ c.value }}</div>
      <div class="label">{{ c.label }}</div></div>
  {% endfor %}
  </div>
</section>

<section id="timeline">
  <h2>Timeline</h2>
  {% if timeline %}
  <figure>
    <img src="{{ timeline }}" width="1200" height="600"
         alt="Cross-side events per period by PLOVER category, with mean intensity">
    <figcaption>Bars: asserted cross-side events per period, stacked by PLOVER category.
      Line: mean intensity (−10 conflict … +10 cooperation).</figcaption>
  </figure>
  {% else %}
  <p class="empty">No timeline image was produced.</p>
  {% endif %}
</section>

<section id="channels">
  <h2>Channels <span class="count">({{ channels | length }})</span></h2>
  <ul class="legend">
    <li><span class="badge status-active">active</span> recent recorded contact</li>
    <li><span class="badge status-dormant">dormant</span> no recorded contact for a long time</li>
    <li><span class="badge status-severed">severed</span> an endpoint has left the office held
      at the last contact</li>
  </ul>
  {% if channels %}
  <table class="channels">
    <thead><tr>
      <th>Channel</th><th>Status</th><th>Reason</th><th>First contact</th><th>Last contact</th>
      <th>Events</th><th>Strength</th><th>Named</th>
    </tr></thead>
    {% for ch in channels %}
    <tbody>
      <tr>
        <td><span class="who">{{ ch.a.name }}</span> <span class="sub">{{ ch.a.meta }}</span>
          <span class="arrow">↔</span>
          <span class="who">{{ ch.b.name }}</span> <span class="sub">{{ ch.b.meta }}</span></td>
        <td><span class="badge {{ ch.status_class }}">{{ ch.status }}</span></td>
        <td>{{ ch.reason }}</td>
        <td class="date">{{ ch.first_contact }}</td>
        <td class="date">{{ ch.last_contact }}</td>
        <td class="num">{{ ch.events }}</td>
        <td class="num">{{ ch.strength }}</td>
        <td>{% if ch.named %}<span class="named">{{ ch.name or "yes" }}</span>
          {%- else %}—{% endif %}</td>
      </tr>
      {% if ch.evidence %}
      <tr class="evidence"><td colspan="8">
        <details open>
          <summary>{{ ch.evidence | length }} evidence
            sentence{{ "" if ch.evidence | length == 1 else "s" }}</summary>
          <ul class="evidence">
          {% for ev in ch.evidence %}
            <li><span class="sub mono">{{ ev.date }}</span>
              {% if ev.kind %}<span class="badge modality">{{ ev.kind }}</span>{% endif %}
              <span class="quote">“{{ ev.sentence }}”</span><br>
              <span class="source">{{ link(ev.source) }}</span></li>
          {% endfor %}
          </ul>
        </details>
      </td></tr>
      {% endif %}
    </tbody>
    {% endfor %}
  </table>
  {% else %}
  <p class="empty">No channels.</p>
  {% endif %}
</section>

<section id="capacity">
  <h2>Leader-to-leader capacity</h2>
  {% if capacity %}
  <p><strong>{{ capacity.count }}</strong> independent routes
     from {{ capacity.source }} to {{ capacity.target }}
     (node-disjoint paths through active channels and each side's chain of command).</p>
  <ol>{% for r in capacity.routes %}<li>{{ r }}</li>{% endfor %}</ol>
  {% for n in capacity.notes %}<p class="sub">{{ n }}</p>{% endfor %}
  {% else %}
  <p class="empty">Capacity could not be computed (no leader known on this date).</p>
  {% endif %}
</section>

<section id="brokers">
  <h2>Brokers <span class="count">({{ brokers | length }})</span></h2>
  {% if brokers %}
  <table class="zebra">
    <thead><tr><th>Actor</th><th>Group</th><th>Coordinator</th><th>Itinerant</th>
      <th>Representative</th><th>Gatekeeper</th><th>Liaison</th><th>Total</th>
      <th>z (total)</th><th>Bridges</th></tr></thead>
    <tbody>
    {% for b in brokers %}
      <tr><td class="who">{{ b.name }}</td><td>{{ b.group }}</td>
        <td>{{ b.roles.coordinator }}</td><td>{{ b.roles.itinerant }}</td>
        <td>{{ b.roles.representative }}</td><td>{{ b.roles.gatekeeper }}</td>
        <td>{{ b.roles.liaison }}</td><td>{{ b.roles.total }}</td>
        <td>{{ b.z }}</td><td>{{ b.bridges }}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  {% else %}
  <p class="empty">No brokerage on this date.</p>
  {% endif %}
</section>

<section id="breaks">
  <h2>Breakdowns and recoveries <span class="count">({{ breaks | length }})</span></h2>
  {% if breaks %}
  <table class="zebra">
    <thead><tr><th>Date</th><th>Kind</th><th>Series</th><th>What changed</th>
      <th>Evidence</th></tr></thead>
    <tbody>
    {% for b in breaks %}
      <tr><td class="date">{{ b.date }}</td>
        <td><span class="badge modality">{{ b.kind }}</span></td>
        <td>{{ b.series }}</td><td>{{ b.label }}</td>
        <td>{% for e in b.evidence %}<span class="quote">“{{ e }}”</span>
          {%- if not loop.last %}<br>{% endif %}{% endfor %}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  {% else %}
  <p class="empty">No change points detected.</p>
  {% endif %}
</section>

<section id="role-changes">
  <h2>Role changes <span class="count">({{ role_changes | length }})</span></h2>
  {% if role_changes %}
  <table class="zebra">
    <thead><tr><th>Date</th><th>Who</th><th>Change</th><th>Role</th><th>Evidence</th></tr></thead>
    <tbody>
    {% for rc in role_changes %}
      <tr>
        <td class="date">{{ when(rc.date) }}</td>
        <td><span class="who">{{ rc.name }}</span> <span class="sub">{{ rc.country }}</span></td>
        <td><span class="badge modality">{{ rc.change }}</span></td>
        <td>{{ rc.role }}</td>
        <td><span class="quote">“{{ rc.sentence }}”</span>
          {% if rc.doc_id %}<code>{{ rc.doc_id }}</code>{% endif %}</td>
      </tr>
    {% endfor %}
    </tbody>
  </table>
  {% else %}
  <p class="empty">No role changes.</p>
  {% endif %}
</section>

<section id="not-asserted">
  <h2>Reported but not asserted <span class="count">({{ not_asserted | length }})</span></h2>
  <p class="sub">Events the text mentions as hypothetical, planned, negated or denied. They do
    not count as contact.</p>
  {% if not_asserted %}
  <table class="zebra">
    <thead><tr><th>Modality</th><th>Date</th><th>Between</th><th>Type</th><th>Sentence</th><th>Sources</th></tr></thead>
    <tbody>
    {% for ev in not_asserted %}
      <tr>
        <td><span class="badge modality">{{ ev.modality }}</span></td>
        <td class="date">{{ when(ev.date) }}</td>
        <td><span class="who">{{ ev.source }}</span><span class="arrow">→</span>
          <span class="who">{{ ev.target }}</span></td>
        <td>{{ ev.kind }}</td>
        <td><span class="quote">“{{ ev.sentence }}”</span></td>
        <td class="source">
        {% for s in ev.sources %}{{ link(s) }}{% if not loop.last %}<br>{% endif %}{% endfor -%}
        </td>
      </tr>
    {% endfor %}
    </tbody>
  </table>
  {% else %}
  <p class="empty">None.</p>
  {% endif %}
</section>

<section id="skipped">
  <h2>Skipped inputs <span class="count">({{ skipped | length }})</span></h2>
  {% if skipped %}
  <p class="sub">
  {%- for r in skip_reasons %}
    {{- r.reason }}: {{ r.count }}{{ " · " if not loop.last else "" }}
  {%- endfor %}
  </p>
  <table class="zebra">
    <thead><tr><th>Input</th><th>Reason</th><th>Detail</th></tr></thead>
    <tbody>
    {% for s in skipped %}
      <tr><td class="mono">{{ s.origin }}</td><td>{{ s.reason }}</td><td>{{ s.detail }}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  {% else %}
  <p class="empty">Every input was used.</p>
  {% endif %}
</section>

<footer>Generated by backchannel. Every channel, event and role change above is backed by the
quoted sentence and its source article.</footer>
</main>
</body>
</html>
"""
