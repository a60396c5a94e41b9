// eventcoder viewer: timeline, map, table and one event's evidence, in plain ES2020.
//
// The data come from an embedded JSON block (the one-file report, `eventcoder report`) or from
// the server's JSON endpoints (`eventcoder serve`). Every piece of data is put on the page with
// textContent, createTextNode or setAttribute, never parsed as HTML: document text is untrusted.
'use strict';

(() => {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const DAY = 86400000;
  const MAX_ROWS = 1000;
  const WORLD = { x: -180, y: -84, w: 360, h: 180 }; // projected: x = lon, y = -lat
  const MAP_W = 1000;
  const MAP_H = 500;

  const state = {
    source: null,
    meta: null,
    events: [],
    filtered: [],
    outlines: null,
    selected: null,
    mapView: 'fit',
  };

  const $ = (id) => document.getElementById(id);

  // -- building elements ------------------------------------------------------------------
  function fill(node, attrs, children) {
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  const el = (tag, attrs, ...children) => fill(document.createElement(tag), attrs, children);
  const svg = (tag, attrs, ...children) => fill(document.createElementNS(SVG_NS, tag), attrs, children);

  // -- where the data come from -----------------------------------------------------------
  function embeddedSource(node) {
    const data = JSON.parse(node.textContent);
    const documents = data.documents || {};
    return {
      mode: 'report',
      meta: async () => data.meta,
      events: async () => data.events,
      outlines: async () => data.outlines,
      event: async (id) => {
        const record = data.events.find((e) => e.id === id);
        if (!record) return null;
        const sources = record.sources.map((s) => ({ ...s, document_text: documents[s.doc_id] ?? null }));
        return { ...record, sources };
      },
    };
  }

  function apiSource() {
    const get = async (path) => {
      const response = await fetch(path, { headers: { Accept: 'application/json' } });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
      return response.json();
    };
    return {
      mode: 'live',
      meta: () => get('api/meta'),
      events: async () => (await get('api/events')).events,
      outlines: () => get('api/outlines'),
      event: (id) => get('api/events/' + encodeURIComponent(id)),
    };
  }

  // -- filters (the same rules as eventcoder.viewer.Filters) --------------------------------
  function readFilters() {
    const form = $('filters').elements;
    const value = (name) => form.namedItem(name).value.trim();
    return {
      type: value('type'),
      country: value('country'),
      start: value('start'),
      end: value('end'),
      actor: value('actor').toLowerCase(),
      disputed: form.namedItem('disputed').checked,
    };
  }

  function matches(e, f) {
    if (f.type && e.type !== f.type) return false;
    if (f.country && ((e.location && e.location.country) || '') !== f.country) return false;
    const when = e.date || {};
    if (f.start && !(when.end && when.end >= f.start)) return false;
    if (f.end && !(when.start && when.start <= f.end)) return false;
    if (f.actor) {
      const words = [];
      for (const party of [e.actor, e.target]) {
        if (party) words.push(party.name || '', party.text || '');
      }
      if (!words.some((w) => w.toLowerCase().includes(f.actor))) return false;
    }
    if (f.disputed && !((e.fatalities && e.fatalities.disputed) || (e.injuries && e.injuries.disputed))) {
      return false;
    }
    return true;
  }

  // -- formatting ----------------------------------------------------------------------------
  function countText(c) {
    if (!c || (c.best == null && c.low == null && c.high == null)) return '';
    const best = c.best ?? c.low ?? c.high;
    if (c.low === c.high || (c.low == null && c.high == null)) return String(best);
    return `${best} (${c.low ?? '?'}–${c.high ?? '?'})`;
  }

  function countCell(c) {
    const td = el('td', { class: 'num' }, countText(c));
    if (c && c.disputed) td.append(el('span', { class: 'badge', title: `sources differ by ${c.spread}` }, 'disputed'));
    return td;
  }

  function dateText(d) {
    if (!d || !d.start) return '';
    if (d.start === d.end || !d.end) return d.start;
    if (d.precision === 'month' && d.start.endsWith('-01') && d.start.slice(0, 7) === d.end.slice(0, 7)) {
      return d.start.slice(0, 7);
    }
    if (d.precision === 'year' && d.start.endsWith('-01-01') && d.end.endsWith('-12-31') && d.start.slice(0, 4) === d.end.slice(0, 4)) {
      return d.start.slice(0, 4);
    }
    return `${d.start} – ${d.end}`;
  }

  function partyText(p) {
    if (!p) return '';
    const more = [p.country, p.sector].filter(Boolean).join(', ');
    return more ? `${p.name} (${more})` : p.name;
  }

  function placeText(loc) {
    if (!loc) return '';
    const parts = [loc.name];
    if (loc.admin1 && loc.admin1 !== loc.name) parts.push(loc.admin1);
    if (loc.country) parts.push(countryName(loc.country));
    return parts.join(', ');
  }

  function countryName(code) {
    const found = ((state.meta && state.meta.countries) || []).find((c) => c.code === code);
    return found ? found.name : code;
  }

  // -- selection -----------------------------------------------------------------------------
  function clickable(node, id, label) {
    node.setAttribute('data-id', id);
    node.setAttribute('tabindex', '0');
    node.setAttribute('role', 'button');
    if (label) node.setAttribute('aria-label', label);
    node.addEventListener('click', () => select(id));
    node.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(id);
      }
    });
    if (id === state.selected) node.classList.add('selected');
    return node;
  }

  function markSelected() {
    for (const node of document.querySelectorAll('[data-id]')) {
      node.classList.toggle('selected', node.getAttribute('data-id') === state.selected);
    }
  }

  function eventLabel(e) {
    return [e.type, dateText(e.date) || 'undated', placeText(e.location)].filter(Boolean).join(' · ');
  }

  // -- timeline ------------------------------------------------------------------------------
  const day = (s) => Date.parse(s + 'T00:00:00Z');
  const iso = (t) => new Date(t).toISOString().slice(0, 10);

  function ticks(t0, t1, maxTicks) {
    const steps = [
      [1, 'day'], [2, 'day'], [7, 'day'], [14, 'day'], [1, 'month'], [2, 'month'], [3, 'month'],
      [6, 'month'], [1, 'year'], [2, 'year'], [5, 'year'], [10, 'year'], [20, 'year'], [50, 'year'],
    ];
    const unitDays = { day: 1, month: 30.44, year: 365.25 };
    const spanDays = (t1 - t0) / DAY;
    let [n, unit] = steps[steps.length - 1];
    for (const [k, u] of steps) {
      if (spanDays / (k * unitDays[u]) <= maxTicks) {
        [n, unit] = [k, u];
        break;
      }
    }
    const start = new Date(t0);
    let y = start.getUTCFullYear();
    let m = unit === 'year' ? 0 : start.getUTCMonth();
    let d = unit === 'day' ? start.getUTCDate() : 1;
    if (unit === 'year') y -= y % n;
    if (unit === 'month') m -= m % n;
    const out = [];
    for (let t = Date.UTC(y, m, d); t <= t1 && out.length < 200; ) {
      if (t >= t0) {
        const s = iso(t);
        out.push([t, unit === 'year' ? s.slice(0, 4) : unit === 'month' ? s.slice(0, 7) : s]);
      }
      if (unit === 'day') d += n;
      else if (unit === 'month') m += n;
      else y += n;
      t = Date.UTC(y, m, d);
    }
    return out;
  }

  function renderTimeline() {
    const box = $('timeline');
    box.replaceChildren();
    const dated = state.filtered.filter((e) => e.date && e.date.start);
    const undated = state.filtered.length - dated.length;
    $('timeline-note').textContent =
      'Drag across the timeline to set the dates; click a mark to open its event.' +
      (undated ? ` ${undated} event(s) without a date are in the table only.` : '');
    if (!dated.length) {
      box.append(el('p', { class: 'note' }, 'No dated events match the filters.'));
      return;
    }
    const width = Math.max(box.clientWidth || 0, 480);
    const left = 100;
    const right = 14;
    const axisH = 22;
    let t0 = Infinity;
    let t1 = -Infinity;
    for (const e of dated) {
      t0 = Math.min(t0, day(e.date.start));
      t1 = Math.max(t1, day(e.date.end || e.date.start) + DAY);
    }
    if (t1 - t0 < 14 * DAY) {
      const mid = (t0 + t1) / 2;
      [t0, t1] = [mid - 7 * DAY, mid + 7 * DAY];
    }
    const pad = (t1 - t0) * 0.02;
    [t0, t1] = [t0 - pad, t1 + pad];
    const x = (t) => left + ((t - t0) / (t1 - t0)) * (width - left - right);

    // one lane per type, in the order of the store's counts; in a lane, rows so marks never overlap
    const order = ((state.meta && state.meta.types) || []).map((t) => t.type);
    const lanes = new Map();
    for (const type of order) lanes.set(type, []);
    for (const e of dated) {
      if (!lanes.has(e.type)) lanes.set(e.type, []);
      lanes.get(e.type).push(e);
    }
    const ROW = 9;
    const MARK = 7;
    const GAP = 6;
    const placed = [];
    let y = 4;
    const laneLabels = [];
    for (const [type, events] of lanes) {
      if (!events.length) continue;
      const rowEnds = [];
      const sorted = [...events].sort((a, b) => day(a.date.start) - day(b.date.start));
      for (const e of sorted) {
        const x0 = x(day(e.date.start));
        const x1 = Math.max(x(day(e.date.end || e.date.start) + DAY), x0 + 6);
        let row = rowEnds.findIndex((end) => end + 1 <= x0);
        if (row < 0) {
          row = rowEnds.length;
          rowEnds.push(x1);
        } else rowEnds[row] = x1;
        placed.push({ e, x0, x1, y: y + row * ROW });
      }
      const height = Math.max(rowEnds.length * ROW, 14);
      laneLabels.push({ type, y, height });
      y += height + GAP;
    }
    const height = y + axisH;
    const root = svg('svg', {
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-label': `Timeline of ${dated.length} events`,
    });
    const axis = svg('g', { class: 'axis' });
    for (const [t, label] of ticks(t0, t1, Math.floor((width - left) / 90))) {
      const tx = x(t);
      axis.append(svg('line', { x1: tx, x2: tx, y1: 0, y2: y - GAP / 2 }));
      if (tx + 8 * label.length <= width) axis.append(svg('text', { x: tx + 3, y: y + 12 }, label));
    }
    root.append(axis);
    for (const lane of laneLabels) {
      root.append(svg('line', { class: 'lane-line', x1: left, x2: width - right, y1: lane.y - 3, y2: lane.y - 3 }));
      root.append(svg('text', { class: 'lane-label', x: 4, y: lane.y + Math.min(lane.height, 12) - 3 }, lane.type));
    }
    const marks = svg('g', { class: 'marks' });
    for (const p of placed) {
      const mark = svg('rect', {
        class: `mark t-${p.e.type}`,
        x: p.x0.toFixed(1),
        y: p.y,
        width: (p.x1 - p.x0).toFixed(1),
        height: MARK,
        rx: 2,
      });
      mark.append(svg('title', {}, eventLabel(p.e)));
      marks.append(clickable(mark, p.e.id, eventLabel(p.e)));
    }
    root.append(marks);
    box.append(root);
    brush(root, x, t0, t1, left, width - right, y);
  }

  // Dragging across the timeline sets the From and To filters to the dates dragged over.
  function brush(root, x, t0, t1, x0, x1, height) {
    const time = (px) => t0 + ((px - x(t0)) / (x(t1) - x(t0))) * (t1 - t0);
    const toSvg = (event) => {
      const box = root.getBoundingClientRect();
      return ((event.clientX - box.left) / box.width) * root.viewBox.baseVal.width;
    };
    let from = null;
    const band = svg('rect', { class: 'brush', x: 0, y: 0, width: 0, height, visibility: 'hidden' });
    root.append(band);
    root.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || event.target.classList.contains('mark')) return;
      from = Math.min(Math.max(toSvg(event), x0), x1);
      root.setPointerCapture(event.pointerId);
    });
    root.addEventListener('pointermove', (event) => {
      if (from === null) return;
      const to = Math.min(Math.max(toSvg(event), x0), x1);
      band.setAttribute('x', Math.min(from, to));
      band.setAttribute('width', Math.abs(to - from));
      band.setAttribute('visibility', 'visible');
    });
    root.addEventListener('pointerup', (event) => {
      if (from === null) return;
      const to = Math.min(Math.max(toSvg(event), x0), x1);
      const [a, b] = [Math.min(from, to), Math.max(from, to)];
      from = null;
      band.setAttribute('visibility', 'hidden');
      if (b - a < 4) return;
      const form = $('filters').elements;
      form.namedItem('start').value = iso(time(a));
      form.namedItem('end').value = iso(time(b));
      render();
    });
  }

  // -- map -------------------------------------------------------------------------------------
  function located(e) {
    const loc = e.location;
    return loc && typeof loc.lat === 'number' && typeof loc.lon === 'number';
  }

  function mapView(points) {
    if (state.mapView === 'world' || !points.length) return { ...WORLD };
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [px, py] of points) {
      [x0, y0, x1, y1] = [Math.min(x0, px), Math.min(y0, py), Math.max(x1, px), Math.max(y1, py)];
    }
    let w = Math.max(x1 - x0, 20);
    let h = Math.max(y1 - y0, 10);
    w *= 1.3;
    h *= 1.3;
    if (w / h > MAP_W / MAP_H) h = (w * MAP_H) / MAP_W;
    else w = (h * MAP_W) / MAP_H;
    if (w >= WORLD.w) return { ...WORLD };
    const cx = Math.min(Math.max((x0 + x1) / 2, WORLD.x + w / 2), WORLD.x + WORLD.w - w / 2);
    const cy = Math.min(Math.max((y0 + y1) / 2, WORLD.y + h / 2), WORLD.y + WORLD.h - h / 2);
    return { x: cx - w / 2, y: cy - h / 2, w, h };
  }

  function ringPath(ring) {
    return 'M' + ring.map(([lon, lat]) => `${lon},${-lat}`).join('L') + 'Z';
  }

  function renderMap() {
    const box = $('map');
    box.replaceChildren();
    const events = state.filtered.filter(located);
    const missing = state.filtered.length - events.length;
    const notes = [];
    const outlines = state.outlines || { features: [] };
    if (outlines.note) notes.push(outlines.note + '.');
    if (missing) notes.push(`${missing} event(s) without coordinates are in the table only.`);
    $('map-note').textContent = notes.join(' ');

    const points = events.map((e) => [e.location.lon, -e.location.lat]);
    const view = mapView(points);
    const root = svg('svg', {
      viewBox: `${view.x} ${view.y} ${view.w} ${view.h}`,
      width: MAP_W,
      height: MAP_H,
      preserveAspectRatio: 'xMidYMid meet',
      role: 'img',
      'aria-label': `Map of ${events.length} located events`,
    });
    let graticule = '';
    for (let lon = -180; lon <= 180; lon += 30) graticule += `M${lon},-90V90`;
    for (let lat = -60; lat <= 90; lat += 30) graticule += `M-180,${-lat}H180`;
    root.append(svg('path', { class: 'graticule', d: graticule, 'vector-effect': 'non-scaling-stroke' }));

    const active = new Set(state.filtered.map((e) => e.location && e.location.country).filter(Boolean));
    const land = svg('g', { class: 'land' });
    for (const feature of outlines.features || []) {
      const geometry = feature.geometry || {};
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates || [];
      const d = polygons.map((polygon) => polygon.map(ringPath).join('')).join('');
      const props = feature.properties || {};
      const path = svg('path', {
        class: active.has(props.iso_a2) ? 'country active' : 'country',
        d,
        'vector-effect': 'non-scaling-stroke',
      });
      path.append(svg('title', {}, props.name || ''));
      land.append(path);
    }
    root.append(land);

    // one dot per event; events at one place spiral out around it
    const r = view.w / 160;
    const seen = new Map();
    const dots = svg('g', { class: 'dots' });
    events.forEach((e, i) => {
      const [px, py] = points[i];
      const key = `${px.toFixed(3)},${py.toFixed(3)}`;
      const k = seen.get(key) || 0;
      seen.set(key, k + 1);
      const angle = k * 2.39996;
      const dist = k ? r * 1.6 * Math.sqrt(k) : 0;
      const dot = svg('circle', {
        class: `dot t-${e.type}`,
        cx: (px + dist * Math.cos(angle)).toFixed(3),
        cy: (py + dist * Math.sin(angle)).toFixed(3),
        r: r.toFixed(3),
        'vector-effect': 'non-scaling-stroke',
      });
      dot.append(svg('title', {}, eventLabel(e)));
      dots.append(clickable(dot, e.id, eventLabel(e)));
    });
    root.append(dots);
    box.append(root);
    $('map-fit').classList.toggle('pressed', state.mapView === 'fit');
    $('map-world').classList.toggle('pressed', state.mapView === 'world');
  }

  // -- table -----------------------------------------------------------------------------------
  function renderTable() {
    const body = $('events').tBodies[0];
    body.replaceChildren();
    for (const e of state.filtered.slice(0, MAX_ROWS)) {
      const row = el(
        'tr',
        {},
        el('td', {}, dateText(e.date) || el('span', { class: 'muted' }, 'undated')),
        el('td', {}, el('span', { class: `type-chip t-${e.type}` }), e.type, e.mode ? el('span', { class: 'muted' }, ` ${e.mode}`) : null),
        el('td', {}, e.actor ? e.actor.name : el('span', { class: 'muted' }, '?'), ' → ', e.target ? e.target.name : el('span', { class: 'muted' }, '?')),
        el('td', {}, e.location ? [e.location.name, e.location.country].filter(Boolean).join(', ') : ''),
        countCell(e.fatalities),
        countCell(e.injuries),
        el('td', { class: 'num' }, String(e.sources.length)),
      );
      body.append(clickable(row, e.id, eventLabel(e)));
    }
    const n = state.filtered.length;
    $('list-note').textContent =
      n > MAX_ROWS ? `Showing the first ${MAX_ROWS} of ${n} events: narrow the filters to see the others.` : n ? '' : 'No events match the filters.';
  }

  // -- one event ---------------------------------------------------------------------------------
  // Offsets count code points (Python's str); JavaScript strings count UTF-16 units.
  function evidenceParts(text, s) {
    if (typeof text !== 'string') return null;
    const points = /[\uD800-\uDFFF]/.test(text) ? Array.from(text) : null;
    const length = points ? points.length : text.length;
    const slice = (a, b) => (points ? points.slice(a, b).join('') : text.slice(a, b));
    const { start, end, sentence } = s;
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length) {
      const evidence = slice(start, end);
      if (!sentence || evidence === sentence) return [slice(0, start), evidence, slice(end, length)];
    }
    const at = sentence ? text.indexOf(sentence) : -1;
    if (at >= 0) return [text.slice(0, at), sentence, text.slice(at + sentence.length)];
    return null;
  }

  function fact(dl, term, ...value) {
    if (value.every((v) => v === '' || v === null || v === undefined)) return;
    dl.append(el('dt', {}, term), el('dd', {}, ...value));
  }

  function countFact(c) {
    if (!c) return '';
    const parts = [countText(c)];
    if (c.text) parts.push(` “${c.text}”`);
    const out = el('span', {}, ...parts);
    if (c.disputed) out.append(el('span', { class: 'badge' }, `disputed: sources differ by ${c.spread}`));
    return out;
  }

  function renderEvent(record) {
    const box = $('event');
    box.replaceChildren();
    box.hidden = false;
    if (!record) {
      box.append(el('p', { class: 'note' }, 'This event is no longer in the store.'));
      return;
    }
    const close = el('button', { type: 'button', class: 'close' }, 'Close');
    close.addEventListener('click', closeEvent);
    box.append(
      el(
        'h2',
        {},
        el('span', { class: `type-chip t-${record.type}` }),
        record.type + (record.mode ? ` · ${record.mode}` : ''),
        el('span', { class: 'muted' }, dateText(record.date) ? ` — ${dateText(record.date)}` : ' — undated'),
        close,
      ),
    );
    const dl = el('dl', { class: 'facts' });
    const d = record.date;
    fact(dl, 'Date', d ? `${dateText(d)} (${d.precision})` : '', d && d.text ? ` “${d.text}”` : '');
    fact(dl, 'Actor', partyText(record.actor), record.actor && record.actor.text ? ` “${record.actor.text}”` : '');
    fact(dl, 'Target', partyText(record.target), record.target && record.target.text ? ` “${record.target.text}”` : '');
    const loc = record.location;
    fact(
      dl,
      'Place',
      placeText(loc),
      loc && loc.precision ? ` (${loc.precision})` : '',
      loc && located(record) ? ` ${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)}` : '',
    );
    fact(dl, 'Killed', countFact(record.fatalities));
    fact(dl, 'Injured', countFact(record.injuries));
    fact(dl, 'Confidence', record.confidence != null ? String(record.confidence) : '');
    fact(dl, 'Id', record.id);
    box.append(dl);

    box.append(el('h3', {}, `What each source says (${record.sources.length})`));
    const claims = el(
      'table',
      { class: 'claims' },
      el(
        'thead',
        {},
        el('tr', {}, el('th', {}, 'Source'), el('th', {}, 'Claimant'), el('th', { class: 'num' }, 'Killed'),
          el('th', { class: 'num' }, 'Injured'), el('th', {}, 'Published'), el('th', {}, 'Trigger')),
      ),
    );
    const rows = el('tbody');
    for (const s of record.sources) {
      rows.append(
        el('tr', {}, el('td', {}, s.title || s.doc_id), el('td', {}, s.attributed_to || el('span', { class: 'muted' }, 'not said')),
          el('td', { class: 'num' }, s.fatalities ?? ''), el('td', { class: 'num' }, s.injuries ?? ''),
          el('td', {}, s.published || ''), el('td', {}, s.trigger || '')),
      );
      for (const c of s.claims || []) {
        rows.append(
          el('tr', { class: 'muted' }, el('td', {}, '↳ also claimed in this report'), el('td', {}, c.claimant || ''),
            el('td', { class: 'num' }, c.fatalities ?? ''), el('td', { class: 'num' }, c.injuries ?? ''),
            el('td', {}), el('td', {})),
        );
      }
    }
    claims.append(rows);
    box.append(claims);

    box.append(el('h3', {}, 'Evidence'));
    const grid = el('div', { class: 'sources' });
    const texts = [];
    for (const s of record.sources) {
      const article = el('article', { class: 'source' });
      article.append(el('h4', {}, s.title ? `${s.title} (${s.doc_id})` : s.doc_id));
      article.append(
        el('p', { class: 'figures' },
          el('span', {}, 'Claimant: ', el('strong', {}, s.attributed_to || 'not said')),
          el('span', {}, 'Killed: ', el('strong', {}, s.fatalities ?? '–')),
          el('span', {}, 'Injured: ', el('strong', {}, s.injuries ?? '–'))),
      );
      const text = el('div', { class: 'doc-text' });
      const parts = evidenceParts(s.document_text, s);
      if (parts) {
        text.append(parts[0], el('mark', {}, parts[1]), parts[2]);
      } else {
        article.append(el('p', { class: 'note' }, 'The document text is not in the store; the evidence sentence:'));
        text.append(el('mark', {}, s.sentence));
      }
      article.append(text);
      grid.append(article);
      texts.push(text);
    }
    box.append(grid);
    for (const text of texts) {
      const mark = text.querySelector('mark');
      if (mark) text.scrollTop = Math.max(mark.offsetTop - 48, 0);
    }
  }

  async function select(id) {
    state.selected = id;
    markSelected();
    const wanted = '#event=' + encodeURIComponent(id);
    if (location.hash !== wanted) setHash(wanted);
    try {
      const record = await state.source.event(id);
      if (state.selected !== id) return;
      renderEvent(record);
      $('event').scrollIntoView({ block: 'start' });
    } catch (err) {
      $('status').textContent = `Cannot load event ${id}: ${err.message}`;
    }
  }

  function closeEvent() {
    state.selected = null;
    markSelected();
    $('event').hidden = true;
    $('event').replaceChildren();
    setHash('');
  }

  function setHash(hash) {
    try {
      history.replaceState(null, '', hash || location.pathname + location.search);
    } catch (err) {
      // a page opened from a file may not rewrite its address; the selection still works
    }
  }

  // -- the page --------------------------------------------------------------------------------------
  function render() {
    const f = readFilters();
    state.filtered = state.events.filter((e) => matches(e, f));
    const meta = state.meta || {};
    const level = meta.level === 'document' ? 'document-level events (the store has not been merged)' : 'merged events';
    $('summary').textContent =
      `${state.filtered.length} of ${state.events.length} ${level} · ${meta.db || ''}` +
      (state.source.mode === 'report' ? ' · report' : '');
    renderTimeline();
    renderMap();
    renderTable();
  }

  function fillSelects() {
    const form = $('filters').elements;
    const types = form.namedItem('type');
    for (const t of state.meta.types || []) types.append(el('option', { value: t.type }, `${t.type} (${t.n})`));
    const countries = form.namedItem('country');
    for (const c of state.meta.countries || []) {
      countries.append(el('option', { value: c.code }, `${c.name} (${c.n})`));
    }
  }

  function openFromHash() {
    const m = /^#event=(.+)$/.exec(location.hash);
    if (m) select(decodeURIComponent(m[1]));
  }

  async function main() {
    const embedded = document.getElementById('eventcoder-data');
    state.source = embedded ? embeddedSource(embedded) : apiSource();
    try {
      const [meta, events, outlines] = await Promise.all([
        state.source.meta(),
        state.source.events(),
        state.source.outlines().catch(() => null),
      ]);
      Object.assign(state, { meta, events, outlines });
    } catch (err) {
      $('summary').textContent = '';
      $('status').textContent = `Cannot load the events: ${err.message}`;
      return;
    }
    fillSelects();
    const form = $('filters');
    form.addEventListener('input', render);
    form.addEventListener('change', render);
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('reset', () => setTimeout(render, 0));
    $('map-fit').addEventListener('click', () => {
      state.mapView = 'fit';
      renderMap();
    });
    $('map-world').addEventListener('click', () => {
      state.mapView = 'world';
      renderMap();
    });
    let resizing = null;
    window.addEventListener('resize', () => {
      clearTimeout(resizing);
      resizing = setTimeout(renderTimeline, 150);
    });
    window.addEventListener('hashchange', openFromHash);
    render();
    document.body.setAttribute('data-ready', 'true');
    openFromHash();
  }

  main();
})();
