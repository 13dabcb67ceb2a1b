// backchannel dashboard. Article text is untrusted: every string from the API
// reaches the DOM through textContent (see el()), never as markup, and only
// http(s) URLs become links (see safeUrl()).
'use strict';

(() => {
  const DAY = 86400000;
  const STALE_RETRY_MS = 2000; // indexing a new version of the store takes a second or two
  // Above this many actors the map uses the server's fixed layout, cheaper drawing, and
  // draws at most EDGE_BUDGET channels: the strongest that pass the filters (plus any a
  // what-if cuts). The counts say how many more there are; "draw every channel" lifts it.
  const LARGE = 400;
  const EDGE_BUDGET = 3000;
  // a large map labels its nodes from the zoom at which a label is LABEL_FONT_MIN px tall
  const LABEL_FONT = 10;
  const LABEL_FONT_MIN = 9;
  const LABEL_ZOOM = LABEL_FONT_MIN / LABEL_FONT;
  const SIDE_CLASS = ['side-a', 'side-b'];
  const CATEGORY_LABEL = {
    government: 'government', business: 'business', academic: 'academic',
    retired: 'retired', collective: 'state / group', other: 'other',
  };
  const state = {
    meta: null, dates: [], asOf: null, graph: null, cy: null, large: false, labels: false,
    nodeInfo: new Map(), shownEdges: [], firstFrame: null, filled: false,
    removed: new Map(), whatif: null, playing: false, selected: null, loading: 0, staleTimer: null,
  };
  const $ = (id) => document.getElementById(id);

  // -- safe DOM helpers ------------------------------------------------------------

  function el(tag, options, ...children) {
    const node = document.createElement(tag);
    const opts = options || {};
    if (opts.cls) node.className = opts.cls;
    if (opts.text !== undefined && opts.text !== null) node.textContent = String(opts.text);
    if (opts.title) node.title = String(opts.title);
    if (opts.type) node.type = opts.type;
    if (opts.onclick) node.addEventListener('click', opts.onclick);
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function safeUrl(value) {
    if (typeof value !== 'string' || value === '') return null;
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (_err) {
      return null;
    }
  }

  function link(url, text) {
    const href = safeUrl(url);
    if (href === null) return el('span', { text });
    const a = el('a', { text });
    a.href = href;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    return a;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = !message;
  }

  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (Array.isArray(value)) value.forEach((v) => query.append(key, v));
      else if (value !== null && value !== undefined && value !== '') query.append(key, value);
    }
    const qs = query.toString();
    const response = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => null);
    if (response.headers.get('X-Backchannel-Stale')) staleSeen();
    if (!response.ok) {
      const detail = body && typeof body.detail === 'string' ? body.detail : response.statusText;
      throw new Error(`${response.status}: ${detail}`);
    }
    return body;
  }

  // An answer from the store's previous version (a run wrote since): say so, and ask again
  // once the server has had time to index the new version.
  function staleSeen() {
    $('stale').hidden = false;
    if (state.staleTimer) return;
    state.staleTimer = setTimeout(async () => {
      state.staleTimer = null;
      $('stale').hidden = true;
      if (state.asOf) await loadDate(state.asOf);
    }, STALE_RETRY_MS);
  }

  function busy(delta) {
    state.loading += delta;
    document.body.dataset.ready = state.loading === 0 && state.asOf ? state.asOf : 'no';
  }

  // -- dates -----------------------------------------------------------------------

  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }

  function buildDates(start, end) {
    const out = [];
    const first = Date.parse(`${start}T00:00:00Z`);
    const last = Date.parse(`${end}T00:00:00Z`);
    for (let t = first; t <= last; t += DAY) out.push(isoDay(t));
    return out.length ? out : [end];
  }

  // -- the map ---------------------------------------------------------------------

  function cyStyle(large, labels) {
    // A large map: straight edges, and labels only once zoomed in far enough to read them.
    // Below that zoom the stylesheet has no label or text property at all: cytoscape would
    // otherwise measure every label for the first frame (min-zoomed-font-size alone hides
    // them but they are still measured). Ellipse is cytoscape's default node shape, and 0
    // a haystack edge's default radius, so neither is restated.
    const text = { label: 'data(name)', 'font-size': LABEL_FONT, 'text-valign': 'bottom', 'text-margin-y': 3,
      'text-wrap': 'ellipsis', 'text-max-width': 120 };
    const label = !large ? text : labels ? { ...text, 'min-zoomed-font-size': LABEL_FONT_MIN } : {};
    const edges = large ? { 'curve-style': 'haystack' } : { 'curve-style': 'bezier' };
    return [
      { selector: 'node', style: {
        'background-color': '#a0aec0', width: 18, height: 18, 'border-width': 1, 'border-color': '#fff',
        ...label } },
      { selector: 'node.side-a', style: { 'background-color': '#2b6cb0' } },
      { selector: 'node.side-b', style: { 'background-color': '#c53030' } },
      { selector: 'node.side-third', style: { 'background-color': '#718096' } },
      { selector: 'node.cat-business', style: { shape: 'round-rectangle' } },
      { selector: 'node.cat-academic', style: { shape: 'diamond' } },
      { selector: 'node.cat-retired', style: { shape: 'triangle' } },
      { selector: 'node.cat-collective', style: { shape: 'hexagon', width: 24, height: 24 } },
      { selector: 'node.cat-other', style: { shape: 'round-tag' } },
      { selector: 'node.broker', style: { 'border-width': 4, 'border-color': '#d69e2e', width: 24, height: 24 } },
      { selector: 'edge', style: {
        width: 'data(w)', 'line-color': '#2f855a', opacity: 0.85, ...edges } },
      // zoomed out, a dashed line's dashes are under 2 px: a large map draws dormant channels
      // solid (in their grey) until it shows labels, as dashes cost the most to paint
      { selector: 'edge.dormant', style: { 'line-color': '#a0aec0',
        'line-style': large && !labels ? 'solid' : 'dashed' } },
      { selector: 'edge.severed', style: { 'line-color': '#e53e3e', 'line-style': 'dotted', opacity: 0.6 } },
      { selector: 'edge.cut', style: { 'line-color': '#000', 'line-style': 'dashed', opacity: 1, width: 3 } },
      { selector: '.removed', style: { opacity: 0.2 } },
      { selector: '.hidden', style: { display: 'none' } },
      { selector: ':selected', style: { 'overlay-color': '#3182ce', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    ];
  }

  function sideClass(side) {
    const i = state.meta.sides.indexOf(side);
    return i >= 0 ? SIDE_CLASS[i] : 'side-third';
  }

  function nodeClasses(n) {
    return [sideClass(n.side), `cat-${n.category}`, n.broker ? 'broker' : ''].join(' ');
  }

  function edgeWeight(strength, max) {
    // in half-pixel steps, so a new date restyles only the edges whose width visibly changes
    return Math.round(2 * (1 + 7 * Math.sqrt(Math.max(0, strength) / (max || 1)))) / 2;
  }

  function maxStrength(graph) {
    let max = 0.001;
    for (const e of graph.edges) if (e.strength > max) max = e.strength;
    return max;
  }

  // The map's elements carry only what styling and filtering read; the full records
  // (for downloads) stay in state.graph.
  function nodeData(n) {
    return { id: n.id, name: n.name, side: n.side, category: n.category, absent: false,
      cls: nodeClasses(n) };
  }

  function edgeData(e, max) {
    return { id: e.id, source: e.source, target: e.target, status: e.status,
      types: e.types, w: edgeWeight(e.strength, max), absent: false };
  }

  function remember(graph) {
    state.nodeInfo = new Map(graph.nodes.map((n) => [n.id, n]));
  }

  function edgeElement(e, max, cut) {
    return { group: 'edges', data: edgeData(e, max), classes: cut.has(e.id) ? `${e.status} cut` : e.status };
  }

  function nodeElement(n) {
    const data = nodeData(n);
    const element = { group: 'nodes', data, classes: data.cls };
    // a large map is placed by the server (stable across dates); a small one by fCoSE
    element.position = state.large ? { x: n.x, y: n.y } : { x: Math.random() * 400, y: Math.random() * 400 };
    return element;
  }

  // zoom and pan that fit the server's positions: cytoscape's own fit would first measure
  // every element's box, labels included, which costs more than drawing them
  function viewport(nodes, container, padding) {
    if (!nodes.length) return {};
    const xs = nodes.map((n) => n.x);
    const ys = nodes.map((n) => n.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const w = container.clientWidth - 2 * padding;
    const h = container.clientHeight - 2 * padding;
    const zoom = Math.min(4, w / Math.max(1, x1 - x0 + 30), h / Math.max(1, y1 - y0 + 30));
    return { zoom, pan: { x: container.clientWidth / 2 - zoom * (x0 + x1) / 2,
      y: container.clientHeight / 2 - zoom * (y0 + y1) / 2 } };
  }

  // The map is made empty while the first date's data is on its way, so cytoscape's setup
  // and first (empty) frame overlap the request. fillMap waits for that frame: it settles
  // cytoscape's layer cache, so the frame that draws the actors paints them straight onto
  // the screen instead of first into an off-screen layer (the layers are built afterwards).
  // Measured, the first frame of a large map costs 0.3-0.4 s more CPU without it.
  function createMap(large) {
    state.large = large;
    state.labels = false;
    $('draw-all-label').hidden = !large;
    state.cy = cytoscape({
      container: $('cy'), style: cyStyle(large, false), minZoom: 0.02, maxZoom: 4,
      hideEdgesOnViewport: large, textureOnViewport: large,
    });
    state.cy.on('tap', 'node', (evt) => openActor(evt.target.id()));
    state.cy.on('tap', 'edge', (evt) => openChannel(evt.target.data('source'), evt.target.data('target')));
    if (large) state.cy.on('zoom', relabel);
  }

  // a large map gets its labels (and dashed dormant channels) when zoomed in to where labels
  // are readable, and loses them again when zoomed out
  function relabel() {
    const labels = state.cy.zoom() >= LABEL_ZOOM;
    if (labels === state.labels) return;
    state.labels = labels;
    state.cy.style(cyStyle(true, labels));
  }

  // the first date's elements: a large map at the server's places, a small one laid out by fCoSE
  function fillMap(graph) {
    if (state.large !== graph.nodes.length > LARGE) {
      state.cy.destroy();
      createMap(graph.nodes.length > LARGE);
    }
    const cy = state.cy;
    const max = maxStrength(graph);
    if (state.large) {
      cy.viewport(viewport(graph.nodes, $('cy'), 20));
      cy.batch(() => cy.add(graph.nodes.map(nodeElement)));
      applyFilters(); // adds the edges to draw
      relabel();
      return;
    }
    cy.add([...graph.nodes.map(nodeElement), ...graph.edges.map((e) => edgeElement(e, max, new Set()))]);
    cy.layout({ name: 'fcose', animate: false, randomize: true, nodeRepulsion: () => 8000,
      idealEdgeLength: () => 80, nodeSeparation: 60, fit: true, padding: 30 }).run();
    applyFilters();
  }

  function updateMap(graph) {
    // positions stay; only what changed on the new date is touched (edges: applyFilters)
    const cy = state.cy;
    const present = new Set();
    cy.batch(() => {
      for (const n of graph.nodes) {
        present.add(n.id);
        const node = cy.getElementById(n.id);
        if (node.empty()) {
          cy.add(nodeElement(n));
          continue;
        }
        const data = nodeData(n);
        if (node.data('cls') !== data.cls) node.classes(data.cls);
        if (Object.keys(data).some((k) => node.data(k) !== data[k])) node.data(data);
      }
      cy.nodes().forEach((x) => { if (!present.has(x.id()) && !x.data('absent')) x.data('absent', true); });
    });
    applyFilters();
  }

  function drawable(shownEdges, cut) {
    if (!state.large || $('draw-all').checked || shownEdges.length <= EDGE_BUDGET) return shownEdges;
    const strongest = [...shownEdges].sort((x, y) => y.strength - x.strength).slice(0, EDGE_BUDGET);
    const ids = new Set(strongest.map((e) => e.id));
    return [...strongest, ...shownEdges.filter((e) => cut.has(e.id) && !ids.has(e.id))];
  }

  // the map's edges become exactly ``list``: removed, added, or restyled where they changed
  function syncEdges(list, cut, toggle) {
    const cy = state.cy;
    const max = maxStrength(state.graph);
    const keep = new Set(list.map((e) => e.id));
    const present = new Map();
    cy.edges().forEach((x) => { present.set(x.id(), x); });
    const gone = cy.edges().filter((x) => !keep.has(x.id()));
    if (gone.nonempty()) cy.remove(gone);
    const added = [];
    for (const e of list) {
      // a map lookup: cytoscape's getElementById makes an empty collection for each miss
      const edge = present.get(e.id);
      if (edge === undefined) {
        added.push(edgeElement(e, max, cut));
        continue;
      }
      const w = edgeWeight(e.strength, max);
      if (edge.data('w') !== w) edge.data('w', w);
      if (edge.data('status') !== e.status) {
        edge.data('status', e.status);
        edge.classes(e.status);
      }
      if (edge.data('types').join() !== e.types.join()) edge.data('types', e.types);
      toggle(edge, 'cut', cut.has(e.id));
    }
    if (added.length) cy.add(added);
  }

  // -- filters ---------------------------------------------------------------------

  function checkboxes(container, values, labels) {
    for (const value of values) {
      const box = el('input', { type: 'checkbox' });
      box.checked = true;
      box.value = value;
      box.addEventListener('change', applyFilters);
      container.append(el('label', {}, box, ` ${labels[value] || value}`));
    }
  }

  function checked(id) {
    return new Set([...document.querySelectorAll(`#${id} input:checked`)].map((b) => b.value));
  }

  function shown(collection) { return collection.filter((x) => !x.hasClass('hidden')); }

  function applyFilters() {
    if (!state.cy || !state.graph) return;
    const sides = checked('filter-side');
    const cats = checked('filter-category');
    const statuses = checked('filter-status');
    const type = $('filter-type').value;
    const removed = state.whatif ? new Set(state.removed.keys()) : new Set();
    const cut = new Set(state.whatif ? state.whatif.channels_cut.map((c) => c.id) : []);
    let nodes = 0;
    let drawn = 0;
    const hiddenNodes = new Set();
    // toggle a class only when it changes: every change costs a restyle of that element
    const toggle = (x, cls, on) => { if (x.hasClass(cls) !== on) x.toggleClass(cls, on); };
    state.cy.batch(() => {
      state.cy.nodes().forEach((n) => {
        const side = state.meta.sides.includes(n.data('side')) ? n.data('side') : 'third';
        const show = !n.data('absent') && sides.has(side) && cats.has(n.data('category'));
        if (show) nodes += 1; else hiddenNodes.add(n.id());
        toggle(n, 'hidden', !show);
        toggle(n, 'removed', removed.has(n.id()));
      });
      state.shownEdges = state.graph.edges.filter((e) => statuses.has(e.status)
        && (!type || e.types.includes(type)) && !hiddenNodes.has(e.source) && !hiddenNodes.has(e.target));
      const list = drawable(state.shownEdges, cut);
      drawn = list.length;
      syncEdges(list, cut, toggle);
    });
    // Measure what changed now. Cytoscape measures an element when it draws it, and a
    // measurement there marks the element changed, so the next frame would restyle and
    // measure it all over again (0.1-0.2 s for the first frame of 2,000 actors).
    state.cy.elements().boundingBox();
    const edges = state.shownEdges.length;
    $('counts').textContent = `${nodes} actors, ${edges} channels shown`
      + (drawn < edges ? ` (the ${drawn} strongest drawn)` : '');
    if (state.selected && state.selected.kind === 'actor') renderEventsFilter();
  }

  // -- loading a date -----------------------------------------------------------------

  async function loadDate(asOf) {
    busy(+1);
    try {
      // performance marks: the browser test prints where the time goes
      performance.mark(`graph-requested ${asOf}`);
      const graph = await api('/api/graph', { as_of: asOf });
      performance.mark(`graph-received ${asOf}`);
      if (!state.filled) await state.firstFrame;
      state.asOf = asOf;
      state.graph = graph;
      remember(graph);
      if (state.filled) updateMap(graph);
      else {
        state.filled = true;
        fillMap(graph);
      }
      performance.mark(`map-updated ${asOf}`);
      await drawn();
      performance.mark(`map-drawn ${asOf}`);
      $('dl-gexf').href = `/api/export?format=gexf&as_of=${encodeURIComponent(asOf)}`;
      $('dl-graphml').href = `/api/export?format=graphml&as_of=${encodeURIComponent(asOf)}`;
      if (state.whatif) await runWhatif();
      if (state.selected) await reopenSelected();
      showError('');
    } catch (err) {
      showError(`Could not load the map for ${asOf}: ${err.message}`);
    } finally {
      busy(-1);
    }
  }

  // Resolves once the map has drawn the new elements (ready means visible): cytoscape
  // emits 'render' after drawing a frame; when nothing needed drawing, two animation
  // frames pass without one.
  function drawn() {
    return new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        state.cy.off('render', finish);
        resolve();
      };
      state.cy.one('render', finish);
      requestAnimationFrame(() => requestAnimationFrame(finish));
    });
  }

  function sliderDate() { return state.dates[Number($('date').value)]; }

  function setupSlider() {
    const slider = $('date');
    slider.max = String(state.dates.length - 1);
    slider.value = String(state.dates.length - 1);
    $('date-label').textContent = sliderDate();
    let timer = null;
    slider.addEventListener('input', () => {
      $('date-label').textContent = sliderDate();
      clearTimeout(timer);
      timer = setTimeout(() => loadDate(sliderDate()), 150);
    });
    slider.addEventListener('change', () => {
      clearTimeout(timer);
      loadDate(sliderDate());
    });
    $('play').addEventListener('click', togglePlay);
  }

  async function togglePlay() {
    state.playing = !state.playing;
    $('play').textContent = state.playing ? '⏸' : '▶';
    const slider = $('date');
    if (state.playing && Number(slider.value) >= state.dates.length - 1) slider.value = '0';
    const step = Math.max(1, Math.round(state.dates.length / 60));
    while (state.playing) {
      const next = Math.min(state.dates.length - 1, Number(slider.value) + step);
      slider.value = String(next);
      $('date-label').textContent = sliderDate();
      await loadDate(sliderDate());
      await new Promise((resolve) => setTimeout(resolve, 400));
      if (next >= state.dates.length - 1) togglePlay();
    }
  }

  // -- side panels --------------------------------------------------------------------

  function badge(text, cls) { return el('span', { cls: `badge ${cls || ''}`, text }); }

  function sourcesOf(event) {
    const list = el('div', { cls: 'source' });
    const sources = event.sources && event.sources.length ? event.sources : [event];
    sources.forEach((s, i) => {
      if (i) list.append(' · ');
      const label = s.title || s.url || s.doc_id || 'article';
      list.append(link(s.url, label));
      if (s.published) list.append(` (${s.published})`);
    });
    return list;
  }

  function eventItem(e, actorId) {
    const when = e.date && typeof e.date === 'object' ? e.date.start : e.date;
    const other = e.source && e.target
      ? (e.source.actor_id === actorId ? e.target.name : e.source.name) : null;
    const head = el('div', {},
      el('strong', { text: when || 'undated' }), ' ',
      badge([e.type, e.mode].filter(Boolean).join('/')),
      e.modality ? badge(e.modality, e.modality) : null,
      other ? el('span', { text: `with ${other}` }) : null);
    return el('li', { cls: 'event' }, head,
      el('blockquote', { cls: 'evidence', text: e.sentence }), sourcesOf(e));
  }

  function renderEventsFilter() {
    const list = document.querySelector('#details ul.events');
    if (!list || !state.selected || !state.selected.events) return;
    const type = $('filter-type').value;
    const modality = $('filter-modality').value;
    clear(list);
    const shown = state.selected.events.filter((e) =>
      (!type || e.type === type) && (!modality || e.modality === modality));
    shown.forEach((e) => list.append(eventItem(e, state.selected.id)));
    if (!shown.length) list.append(el('li', { cls: 'hint', text: 'No events match the filters.' }));
  }

  async function openActor(actorId) {
    busy(+1);
    try {
      const actor = await api(`/api/actors/${encodeURIComponent(actorId)}`, { as_of: state.asOf });
      state.selected = { kind: 'actor', id: actorId, events: actor.events };
      const panel = clear($('details'));
      const remove = el('button', { type: 'button', text: state.removed.has(actorId) ? 'Removed in what-if' : 'Remove in what-if',
        onclick: () => addRemoved(actor) });
      remove.id = 'remove-actor';
      panel.append(
        el('h2', { text: actor.name }),
        el('p', {}, badge(actor.country || 'no country'), badge(actor.kind),
          actor.category ? badge(CATEGORY_LABEL[actor.category] || actor.category) : null),
        remove,
        el('h3', { text: 'Roles' }));
      const roles = el('ul', { cls: 'roles' });
      actor.roles.forEach((r) => roles.append(el('li', {
        text: `${r.title}${r.org ? `, ${r.org}` : ''} (${r.start || '?'} – ${r.end || 'now'})` })));
      if (!actor.roles.length) roles.append(el('li', { cls: 'hint', text: 'No dated roles.' }));
      panel.append(roles);
      if (actor.role_changes.length) {
        panel.append(el('h3', { text: 'Role changes' }));
        const changes = el('ul', { cls: 'events' });
        actor.role_changes.forEach((c) => changes.append(el('li', {},
          el('strong', { text: c.date.start || 'undated' }), ' ', badge(c.change),
          el('span', { text: c.role || '' }),
          el('blockquote', { cls: 'evidence', text: c.sentence }))));
        panel.append(changes);
      }
      panel.append(el('h3', { text: `Events (${actor.events.length})` }), el('ul', { cls: 'events' }));
      renderEventsFilter();
      const node = state.cy.getElementById(actorId);
      state.cy.elements().unselect();
      if (!node.empty()) node.select();
    } catch (err) {
      showError(`Could not open the actor: ${err.message}`);
    } finally {
      busy(-1);
    }
  }

  async function openChannel(a, b) {
    busy(+1);
    try {
      const ch = await api(`/api/channels/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, { as_of: state.asOf });
      state.selected = { kind: 'channel', a, b };
      const panel = clear($('details'));
      panel.append(
        el('h2', { text: `${ch.a.name} – ${ch.b.name}` }),
        el('p', {}, badge(ch.status, ch.status), ch.name ? badge(ch.name) : null,
          el('span', { cls: 'reason', text: ch.reason })),
        el('p', { text: `First contact ${ch.first_contact}, last contact ${ch.last_contact}; `
          + `${ch.events} contacts, strength ${ch.strength}` }),
        el('h3', { text: `History (${ch.history.length})` }));
      const list = el('ul', { cls: 'events' });
      ch.history.forEach((e) => list.append(eventItem(e, null)));
      panel.append(list);
    } catch (err) {
      const panel = clear($('details'));
      panel.append(el('h2', { text: 'Details' }), el('p', { cls: 'hint', text: `No channel on ${state.asOf}.` }));
      state.selected = null;
      if (!String(err.message).startsWith('404')) showError(`Could not open the channel: ${err.message}`);
    } finally {
      busy(-1);
    }
  }

  async function reopenSelected() {
    const s = state.selected;
    if (s.kind === 'actor') await openActor(s.id);
    else await openChannel(s.a, s.b);
  }

  // -- what-if ------------------------------------------------------------------------

  function renderRemoved() {
    const list = clear($('whatif-removed'));
    for (const [id, name] of state.removed) {
      list.append(el('li', {}, el('span', { text: name }),
        el('button', { type: 'button', text: '×', title: `put ${name} back`, onclick: () => {
          state.removed.delete(id);
          renderRemoved();
          if (state.removed.size) runWhatif(); else clearWhatif();
        } })));
    }
    $('whatif-run').disabled = state.removed.size === 0;
    $('whatif-clear').disabled = state.removed.size === 0;
  }

  function addRemoved(actor) {
    state.removed.set(actor.actor_id, actor.name);
    renderRemoved();
    const button = $('remove-actor');
    if (button) button.textContent = 'Removed in what-if';
  }

  function clearWhatif() {
    state.removed.clear();
    state.whatif = null;
    renderRemoved();
    clear($('whatif-result'));
    applyFilters();
  }

  async function runWhatif() {
    if (!state.removed.size) return;
    busy(+1);
    const box = clear($('whatif-result'));
    try {
      const result = await api('/api/whatif', { as_of: state.asOf, remove: [...state.removed.keys()] });
      state.whatif = result;
      const cap = result.capacity;
      if (cap.available) {
        box.append(el('p', { cls: 'capacity',
          text: `Capacity ${cap.before.source.name} → ${cap.before.target.name}: `
            + `${cap.before.capacity} → ${cap.after.capacity} independent routes` }));
        cap.after.notes.forEach((n) => box.append(el('p', { cls: 'hint', text: n })));
      } else {
        box.append(el('p', { cls: 'capacity', text: 'Capacity unavailable' }),
          el('p', { cls: 'hint', text: cap.reason }));
      }
      box.append(el('h3', { text: `Channels lost (${result.channels_cut.length})` }));
      const cut = el('ul', { cls: 'events' });
      result.channels_cut.forEach((c) => cut.append(el('li', {},
        el('strong', { text: `${c.a.name} – ${c.b.name}` }), ' ', badge(c.status, c.status),
        el('div', { cls: 'reason', text: c.reason }))));
      if (!result.channels_cut.length) cut.append(el('li', { cls: 'hint', text: 'None.' }));
      box.append(cut);
      if (result.status_changed.length) {
        box.append(el('h3', { text: 'Status changed' }));
        const changed = el('ul', { cls: 'events' });
        result.status_changed.forEach((c) => changed.append(el('li', {
          text: `${c.before.a.name} – ${c.before.b.name}: ${c.before.status} → ${c.after.status}` })));
        box.append(changed);
      }
      if (result.brokers_changed.length) {
        box.append(el('h3', { text: 'Brokers' }));
        const moved = el('ul', { cls: 'events' });
        result.brokers_changed.forEach((b) => moved.append(el('li', {
          text: `${b.name}: ${b.rank_before ? `#${b.rank_before}` : '—'} → ${b.rank_after ? `#${b.rank_after}` : '—'}` })));
        box.append(moved);
      }
      applyFilters();
    } catch (err) {
      box.append(el('p', { cls: 'error', text: err.message }));
    } finally {
      busy(-1);
    }
  }

  // -- search ---------------------------------------------------------------------------

  function setupSearch() {
    const input = $('search');
    let timer = null;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const list = clear($('search-results'));
        const q = input.value.trim();
        if (!q) return;
        try {
          const found = await api('/api/actors', { q, limit: 20 });
          found.forEach((a) => list.append(el('li', {}, el('button', {
            type: 'button', text: `${a.name} (${a.country || '?'})`,
            onclick: () => { clear(list); input.value = a.name; openActor(a.actor_id); focusNode(a.actor_id); },
          }))));
          if (!found.length) list.append(el('li', { cls: 'hint', text: 'No actor by that name.' }));
        } catch (err) {
          showError(`Search failed: ${err.message}`);
        }
      }, 150);
    });
  }

  function focusNode(id) {
    const node = state.cy.getElementById(id);
    if (!node.empty() && node.visible()) state.cy.animate({ center: { eles: node }, zoom: 1.5 }, { duration: 300 });
  }

  // -- downloads ----------------------------------------------------------------------------

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function visibleView() {
    const nodes = shown(state.cy.nodes()).map((n) => state.nodeInfo.get(n.id())).filter(Boolean);
    const edges = state.shownEdges;
    return { as_of: state.asOf, sides: state.meta.sides, nodes, edges };
  }

  function csvCell(value) {
    let text = Array.isArray(value) ? value.join(';') : String(value ?? '');
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`; // no formulas when opened in a spreadsheet
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  function setupDownloads() {
    $('dl-json').addEventListener('click', () => {
      save(new Blob([JSON.stringify(visibleView(), null, 2)], { type: 'application/json' }),
        `backchannel-view-${state.asOf}.json`);
    });
    $('dl-csv').addEventListener('click', () => {
      const cols = ['source', 'a_name', 'a_side', 'target', 'b_name', 'b_side', 'status', 'reason',
        'strength', 'events', 'first_contact', 'last_contact', 'name'];
      const rows = visibleView().edges.map((e) => cols.map((c) => csvCell(e[c])).join(','));
      save(new Blob([[cols.join(','), ...rows].join('\n') + '\n'], { type: 'text/csv' }),
        `backchannel-view-${state.asOf}.csv`);
    });
    $('dl-png').addEventListener('click', () => {
      // the whole map at twice its size: labelled, whatever the zoom on screen
      const unlabelled = state.large && !state.labels;
      if (unlabelled) state.cy.style(cyStyle(true, true));
      const png = state.cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 });
      if (unlabelled) state.cy.style(cyStyle(true, false));
      save(png, `backchannel-view-${state.asOf}.png`);
    });
  }

  // -- start ----------------------------------------------------------------------------------

  async function start() {
    busy(+1);
    try {
      state.meta = await api('/api/meta');
      const sides = state.meta.sides;
      $('legend-a').textContent = sides[0] || 'side A';
      $('legend-b').textContent = sides[1] || 'side B';
      checkboxes($('filter-side'), [...sides, 'third'], {});
      checkboxes($('filter-category'), state.meta.categories, CATEGORY_LABEL);
      checkboxes($('filter-status'), ['active', 'dormant', 'severed'], {});
      for (const [id, values] of [['filter-type', state.meta.types], ['filter-modality', state.meta.modalities]]) {
        values.forEach((v) => { const o = el('option', { text: v }); o.value = v; $(id).append(o); });
        $(id).addEventListener('change', applyFilters);
      }
      const range = state.meta.date_range;
      if (!range.start) {
        showError('The store has no dated events yet: run `backchannel run` on some articles.');
        return;
      }
      state.dates = buildDates(range.start, range.end);
      setupSlider();
      setupSearch();
      setupDownloads();
      $('whatif-run').addEventListener('click', runWhatif);
      $('draw-all').addEventListener('change', applyFilters);
      $('whatif-clear').addEventListener('click', clearWhatif);
      const loading = loadDate(sliderDate()); // the request goes out before the map is made
      // the store's actor count is the first guess at the map's size (fillMap checks it)
      createMap((state.meta.counts.actors || 0) > LARGE);
      state.firstFrame = drawn(); // its first, empty frame: fillMap waits for it
      await loading;
    } catch (err) {
      showError(`Could not start: ${err.message}`);
    } finally {
      busy(-1);
    }
  }

  document.addEventListener('DOMContentLoaded', start);
})();
