// eventcoder viewer: timeline, map, table and one event's evidence, in plain ES2020.
//
// The data come from the server's JSON endpoints (`eventcoder serve`): one page of events at a
// time, sorted and filtered by the server, with the timeline's histogram and the map's places of
// every filtered event; or from an embedded JSON block (the one-file report, `eventcoder report`),
// which `localQuery` answers the same way the server does (eventcoder.viewer.queries and
// .summaries). Every piece of data is put on the page with textContent, createTextNode or
// setAttribute, never parsed as HTML: document text is untrusted.
'use strict';

(() => {
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const DAY = 86400000;
  const PAGE = 100;
  const WORLD = { x: -180, y: -84, w: 360, h: 180 }; // projected: x = lon, y = -lat
  const MAP_W = 1000;
  const MAP_H = 500;
  // as eventcoder.viewer.summaries
  const OUTLIER_MADS = 8;
  const MIN_MAD_DAYS = 30;
  const MAX_PLACES = 4000;
  const DESCENDING_FIRST = new Set(['killed', 'injured', 'sources', 'confidence']);

  const state = {
    source: null,
    meta: null,
    outlines: null,
    selected: null,
    mapView: null, // null: fit to the events
    sort: 'date',
    dir: 'desc', // the latest first
    offset: 0,
    answer: null, // the last page
    summary: null, // the last answer with the timeline and the map
    seq: 0,
    summaryPending: false,
  };
  window.eventcoderRenders = 0;

  const $ = (id) => document.getElementById(id);
  const number = (n) => Number(n).toLocaleString('en');
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

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
      query: async (params) => localQuery(data.events, params),
      download: null,
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
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        throw new Error(body.error || `${path}: ${response.status} ${response.statusText}`);
      }
      return response.json();
    };
    return {
      mode: 'live',
      meta: () => get('api/meta'),
      query: (params) => get('api/events?' + params.toString()),
      download: (params, format) => {
        const p = new URLSearchParams(params);
        for (const name of ['limit', 'offset', 'summary']) p.delete(name);
        p.set('format', format);
        return 'api/download?' + p.toString();
      },
      outlines: () => get('api/outlines'),
      event: (id) => get('api/events/' + encodeURIComponent(id)),
    };
  }

  // -- the query: filters, sort, page --------------------------------------------------------------
  function queryParams(summary) {
    const form = $('filters').elements;
    const p = new URLSearchParams();
    for (const name of ['type', 'country', 'start', 'end', 'q', 'telling']) {
      const value = form.namedItem(name).value.trim();
      if (value) p.set(name, value);
    }
    if (form.namedItem('disputed').checked) p.set('disputed', '1');
    p.set('sort', state.sort);
    p.set('dir', state.dir);
    p.set('limit', String(PAGE));
    p.set('offset', String(state.offset));
    if (summary) p.set('summary', '1');
    return p;
  }

  // The server's answer, worked out here for the report's embedded events (the same rules as
  // eventcoder.viewer.queries: Filters, SORTS, Index.run).
  const lower = (s) => (s ? s.toLowerCase() : null);
  const SORTS = {
    date: (e) => (e.date && e.date.start) || null,
    type: (e) => e.type || null,
    actor: (e) => lower(e.actor && e.actor.name),
    target: (e) => lower(e.target && e.target.name),
    place: (e) => lower(e.location && e.location.name),
    country: (e) => (e.location && e.location.country) || null,
    killed: (e) => (e.fatalities && e.fatalities.best != null ? e.fatalities.best : null),
    injured: (e) => (e.injuries && e.injuries.best != null ? e.injuries.best : null),
    sources: (e) => (e.sources || []).length,
    confidence: (e) => (e.confidence != null ? e.confidence : null),
  };

  function localFilters(p) {
    const list = (name) => (p.get(name) || '').split(',').map((v) => v.trim().toUpperCase()).filter(Boolean);
    return {
      types: list('type'),
      countries: list('country'),
      start: p.get('start') || '',
      end: p.get('end') || '',
      q: (p.get('q') || '').toLowerCase(),
      disputed: p.get('disputed') === '1',
      telling: p.get('telling') || '',
    };
  }

  function words(e) {
    const out = [];
    for (const party of [e.actor, e.target]) if (party) out.push(party.name || '', party.text || '');
    if (e.location) out.push(e.location.name || '', e.location.admin1 || '');
    for (const s of e.sources || []) out.push(s.sentence || '');
    return out.join('\n').toLowerCase();
  }

  function matches(e, f) {
    if (f.types.length && !f.types.includes(e.type)) return false;
    if (f.countries.length && !f.countries.includes((e.location && e.location.country) || '')) return false;
    const when = e.date || {};
    if (f.start && !(when.end && when.end >= f.start)) return false;
    if (f.end && !(when.start && when.start <= f.end)) return false;
    if (f.q && !words(e).includes(f.q)) return false;
    if (f.disputed && !((e.fatalities && e.fatalities.disputed) || (e.injuries && e.injuries.disputed))) return false;
    if (f.telling) {
      const sources = e.sources || [];
      const news = !sources.length || sources.some((s) => s.telling !== 'background');
      if (news !== (f.telling === 'news')) return false;
    }
    return true;
  }

  function sortEvents(events, column, dir) {
    const key = SORTS[column] || SORTS.date;
    const valued = events.filter((e) => key(e) !== null);
    const missing = events.filter((e) => key(e) === null);
    valued.sort((a, b) => cmp(key(a), key(b)));
    if (dir === 'desc') valued.reverse();
    return valued.concat(missing);
  }

  function localQuery(events, p) {
    const selected = events.filter((e) => matches(e, localFilters(p)));
    const sort = p.get('sort') || 'date';
    const dir = p.get('dir') || 'asc';
    const ordered = sort === 'date' && dir === 'asc' ? selected : sortEvents(selected, sort, dir);
    const offset = Number(p.get('offset') || 0);
    const limit = Number(p.get('limit') || PAGE);
    const page = ordered.slice(offset, offset + limit);
    const out = { total: ordered.length, offset, limit, sort, dir, count: page.length, events: page };
    if (p.get('summary') === '1') Object.assign(out, { timeline: histogram(selected), map: placesOf(selected) });
    return out;
  }

  // the timeline's histogram (eventcoder.viewer.summaries.timeline)
  const dayNumber = (s) => Math.round(Date.parse(s + 'T00:00:00Z') / DAY);
  const isoDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);

  function weightedMedian(pairs) {
    pairs.sort((a, b) => a[0] - b[0]);
    const half = pairs.reduce((sum, [, n]) => sum + n, 0) / 2;
    let seen = 0;
    for (const [value, n] of pairs) {
      seen += n;
      if (seen >= half) return value;
    }
    return pairs[pairs.length - 1][0];
  }

  function scaleRange(days) {
    const mid = weightedMedian([...days]);
    const mad = weightedMedian([...days].map(([d, n]) => [Math.abs(d - mid), n]));
    const spread = Math.max(mad, MIN_MAD_DAYS) * OUTLIER_MADS;
    const inside = [...days.keys()].filter((d) => Math.abs(d - mid) <= spread);
    return [inside.reduce((a, b) => Math.min(a, b)), inside.reduce((a, b) => Math.max(a, b))];
  }

  function binUnit(spanDays) {
    if (spanDays <= 92) return 'day';
    if (spanDays <= 2 * 366) return 'week';
    if (spanDays <= 15 * 366) return 'month';
    return 'year';
  }

  function binFloor(d, unit) {
    const t = new Date(d * DAY);
    if (unit === 'week') return d - ((t.getUTCDay() + 6) % 7);
    if (unit === 'month') return Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1) / DAY;
    if (unit === 'year') return Date.UTC(t.getUTCFullYear(), 0, 1) / DAY;
    return d;
  }

  function binNext(d, unit) {
    const t = new Date(d * DAY);
    if (unit === 'week') return d + 7;
    if (unit === 'month') return Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1) / DAY;
    if (unit === 'year') return Date.UTC(t.getUTCFullYear() + 1, 0, 1) / DAY;
    return d + 1;
  }

  function histogram(events) {
    const out = { undated: 0, unit: null, bins: [], before: null, after: null };
    const days = new Map();
    const dated = [];
    for (const e of events) {
      const start = e.date && e.date.start;
      if (!start) {
        out.undated += 1;
        continue;
      }
      const d = dayNumber(start);
      dated.push([d, e.type]);
      days.set(d, (days.get(d) || 0) + 1);
    }
    if (!dated.length) return out;
    const [lo, hi] = scaleRange(days);
    const unit = (out.unit = binUnit(hi - lo + 1));
    const index = new Map();
    for (let at = binFloor(lo, unit); at <= hi; ) {
      const next = binNext(at, unit);
      index.set(at, out.bins.length);
      out.bins.push({ start: isoDay(at), end: isoDay(next - 1), n: 0, types: {} });
      at = next;
    }
    const before = [];
    const after = [];
    for (const [d, type] of dated) {
      if (d < lo) before.push(d);
      else if (d > hi) after.push(d);
      else {
        const bin = out.bins[index.get(binFloor(d, unit))];
        bin.n += 1;
        bin.types[type] = (bin.types[type] || 0) + 1;
      }
    }
    const outside = (list) =>
      list.length
        ? { n: list.length, first: isoDay(list.reduce((a, b) => Math.min(a, b))), last: isoDay(list.reduce((a, b) => Math.max(a, b))) }
        : null;
    out.before = outside(before);
    out.after = outside(after);
    return out;
  }

  // the map's places (eventcoder.viewer.summaries.places)
  function placesOf(events) {
    const marks = new Map();
    const countries = new Set();
    let missing = 0;
    for (const e of events) {
      const loc = e.location || {};
      if (loc.country) countries.add(loc.country);
      if (typeof loc.lat !== 'number' || typeof loc.lon !== 'number') {
        missing += 1;
        continue;
      }
      const lat = Math.round(loc.lat * 1000) / 1000;
      const lon = Math.round(loc.lon * 1000) / 1000;
      const key = [lat, lon, loc.name || '', loc.country || ''].join('\u0000');
      let mark = marks.get(key);
      if (!mark) marks.set(key, (mark = { lat, lon, name: loc.name || '', country: loc.country || null, n: 0, types: {}, id: null }));
      mark.n += 1;
      mark.types[e.type] = (mark.types[e.type] || 0) + 1;
      mark.id = e.id;
    }
    const all = [...marks.values()].sort((a, b) => b.n - a.n || a.lat - b.lat || a.lon - b.lon);
    const places = all.slice(0, MAX_PLACES).map(({ types, ...mark }) => {
      const type = Object.entries(types).sort((a, b) => b[1] - a[1])[0][0];
      return { ...mark, type };
    });
    const located = all.reduce((sum, m) => sum + m.n, 0);
    return { places, n_places: all.length, located, missing, countries: [...countries].sort() };
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

  // -- dragging (the timeline's brush, the map's pan) ---------------------------------------------
  // A press that moves less than a few pixels stays a click (on a bar, a dot); beyond, the node
  // captures the pointer and *move* follows it.
  function dragging(node, { start, move, end }) {
    let from = null;
    let active = false;
    node.addEventListener('pointerdown', (event) => {
      if (event.button === 0) [from, active] = [event, false];
    });
    node.addEventListener('pointermove', (event) => {
      if (!from) return;
      if (!active) {
        if (Math.hypot(event.clientX - from.clientX, event.clientY - from.clientY) < 4) return;
        active = true;
        node.setPointerCapture(event.pointerId);
        if (start) start(from);
      }
      move(from, event);
    });
    const stop = (event) => {
      if (!from) return;
      const [down, was] = [from, active];
      from = null;
      if (was && end) end(down, event);
    };
    node.addEventListener('pointerup', stop);
    node.addEventListener('pointercancel', stop);
  }

  function setDates(start, end) {
    const form = $('filters').elements;
    form.namedItem('start').value = start;
    form.namedItem('end').value = end;
    onFilters();
  }

  // -- timeline ------------------------------------------------------------------------------
  function binLabel(start, unit) {
    return unit === 'year' ? start.slice(0, 4) : unit === 'month' ? start.slice(0, 7) : start;
  }

  function years(group) {
    const [a, b] = [group.first.slice(0, 4), group.last.slice(0, 4)];
    return a === b ? a : `${a}–${b}`;
  }

  function timelineNote(tl) {
    const notes = [];
    if (tl.unit) notes.push(`Each bar counts the events that start in one ${tl.unit}: click one, or drag across, to set the dates.`);
    if (tl.before) notes.push(`${number(tl.before.n)} event(s) far earlier (${tl.before.first} to ${tl.before.last}) are grouped at the left.`);
    if (tl.after) notes.push(`${number(tl.after.n)} event(s) far later (${tl.after.first} to ${tl.after.last}) are grouped at the right.`);
    if (tl.undated) notes.push(`${number(tl.undated)} event(s) without a date are in the table only.`);
    $('timeline-note').textContent = notes.join(' ');
  }

  function binNode(attrs, label, start, end) {
    const g = svg('g', { class: 'bin', tabindex: 0, role: 'button', 'aria-label': label, 'data-start': start, 'data-end': end, ...attrs });
    g.append(svg('title', {}, label));
    g.addEventListener('click', () => setDates(start, end));
    g.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        setDates(start, end);
      }
    });
    return g;
  }

  function stack(g, types, x, width, baseline, scale) {
    const order = ((state.meta && state.meta.types) || []).map((t) => t.type);
    for (const type of Object.keys(types)) if (!order.includes(type)) order.push(type);
    let y = baseline;
    for (const type of order) {
      const n = types[type];
      if (!n) continue;
      const h = n * scale;
      y -= h;
      g.append(svg('rect', { class: `bar t-${type}`, x: x.toFixed(1), y: y.toFixed(2), width: Math.max(width, 1).toFixed(1), height: h.toFixed(2) }));
    }
  }

  function outlierGroup(root, group, x, width, top, height, scale, side) {
    const label = `${number(group.n)} event(s) ${side === 'before' ? 'far earlier' : 'far later'}: ${group.first} to ${group.last}`;
    const g = binNode({ class: `bin outlier ${side}` }, label, group.first, group.last);
    g.append(svg('rect', { class: 'hit', x, y: top, width, height }));
    const h = Math.min(group.n * scale, height);
    g.append(svg('rect', { class: 'bar', x: x + 8, y: top + height - h, width: width - 16, height: h, fill: '#8a949e' }));
    g.append(svg('text', { x: x + width / 2, y: top + height + 13, 'text-anchor': 'middle' }, years(group)));
    g.append(svg('text', { x: x + width / 2, y: top + 10, 'text-anchor': 'middle' }, number(group.n)));
    root.append(g);
    const bx = side === 'before' ? x + width + 7 : x - 7;
    root.append(svg('path', { class: 'break', d: `M${bx - 3},${top + height + 4}L${bx + 1},${top + height - 6}M${bx + 1},${top + height + 4}L${bx + 5},${top + height - 6}` }));
  }

  function renderTimeline() {
    const box = $('timeline');
    box.replaceChildren();
    const tl = state.summary.timeline;
    timelineNote(tl);
    if (!tl.bins.length) {
      box.append(el('p', { class: 'note' }, 'No dated events match the filters.'));
      return;
    }
    const width = Math.max(box.clientWidth || 0, 480);
    const [top, height, left, right, side] = [14, 110, 48, 10, 64];
    const x0 = left + (tl.before ? side + 14 : 0);
    const x1 = width - right - (tl.after ? side + 14 : 0);
    const bins = tl.bins;
    const bw = (x1 - x0) / bins.length;
    const max = Math.max(1, ...bins.map((b) => b.n));
    const scale = height / max;
    const root = svg('svg', {
      viewBox: `0 0 ${width} ${top + height + 22}`,
      width,
      height: top + height + 22,
      role: 'img',
      'aria-label': `Timeline of ${number(bins.reduce((s, b) => s + b.n, 0))} events by ${tl.unit}`,
      'data-unit': tl.unit,
      'data-first': bins[0].start,
      'data-last': bins[bins.length - 1].end,
    });
    const axis = svg('g', { class: 'axis' });
    axis.append(svg('line', { x1: x0, x2: x1, y1: top + height + 0.5, y2: top + height + 0.5 }));
    axis.append(svg('text', { x: left - 6, y: top + 4, 'text-anchor': 'end' }, number(max)));
    axis.append(svg('line', { x1: left - 3, x2: x1, y1: top, y2: top, 'stroke-dasharray': '2 3' }));
    const every = Math.max(1, Math.ceil(78 / bw));
    bins.forEach((b, i) => {
      if (i % every) return;
      const tx = x0 + i * bw;
      axis.append(svg('line', { x1: tx, x2: tx, y1: top + height, y2: top + height + 4 }));
      axis.append(svg('text', { x: tx + 2, y: top + height + 15 }, binLabel(b.start, tl.unit)));
    });
    root.append(axis);
    const bars = svg('g', { class: 'bars' });
    bins.forEach((b, i) => {
      const label = `${binLabel(b.start, tl.unit)}: ${number(b.n)} event(s)` +
        (b.n ? ' — ' + Object.entries(b.types).map(([t, n]) => `${t} ${number(n)}`).join(', ') : '');
      const g = binNode({}, label, b.start, b.end);
      g.append(svg('rect', { class: 'hit', x: (x0 + i * bw).toFixed(1), y: top, width: bw.toFixed(1), height }));
      stack(g, b.types, x0 + i * bw + Math.min(1, bw * 0.1), bw - Math.min(2, bw * 0.2), top + height, scale);
      bars.append(g);
    });
    root.append(bars);
    if (tl.before) outlierGroup(root, tl.before, left, side, top, height, scale, 'before');
    if (tl.after) outlierGroup(root, tl.after, width - right - side, side, top, height, scale, 'after');
    box.append(root);
    brush(root, bins, x0, x1, top + height);
  }

  // Dragging across the bars sets the From and To filters to the dates dragged over.
  function brush(root, bins, x0, x1, height) {
    const d0 = dayNumber(bins[0].start);
    const d1 = dayNumber(bins[bins.length - 1].end) + 1;
    const toSvg = (event) => {
      const box = root.getBoundingClientRect();
      const x = ((event.clientX - box.left) / box.width) * root.viewBox.baseVal.width;
      return Math.min(Math.max(x, x0), x1);
    };
    const day = (px) => isoDay(Math.floor(d0 + ((px - x0) / (x1 - x0)) * (d1 - d0)));
    const band = svg('rect', { class: 'brush', x: 0, y: 0, width: 0, height, visibility: 'hidden' });
    root.append(band);
    dragging(root, {
      move: (from, event) => {
        const [a, b] = [toSvg(from), toSvg(event)];
        band.setAttribute('x', Math.min(a, b));
        band.setAttribute('width', Math.abs(b - a));
        band.setAttribute('visibility', 'visible');
      },
      end: (from, event) => {
        band.setAttribute('visibility', 'hidden');
        const [a, b] = [toSvg(from), toSvg(event)].sort((p, q) => p - q);
        if (b - a >= 4) setDates(day(a), day(b));
      },
    });
  }

  // -- map -------------------------------------------------------------------------------------
  function located(e) {
    const loc = e.location;
    return loc && typeof loc.lat === 'number' && typeof loc.lon === 'number';
  }

  function fitView(places) {
    if (!places.length) return { ...WORLD };
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of places) {
      [x0, y0, x1, y1] = [Math.min(x0, p.lon), Math.min(y0, -p.lat), Math.max(x1, p.lon), Math.max(y1, -p.lat)];
    }
    let w = Math.max(x1 - x0, 20) * 1.3;
    let h = Math.max(y1 - y0, 10) * 1.3;
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

  const dotRadius = (view, n) => (view.w / 300) * Math.min(1 + Math.log2(n) / 2, 4);

  function showView(root, view) {
    state.mapView = view;
    root.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
    for (const dot of root.querySelectorAll('circle.dot')) {
      dot.setAttribute('r', dotRadius(view, Number(dot.getAttribute('data-n'))).toFixed(3));
    }
  }

  // zoom by *factor* (< 1: in) about the map point (cx, cy), keeping that point where it is
  function zoomMap(root, factor, cx, cy) {
    const v = state.mapView;
    const w = Math.min(Math.max(v.w * factor, 1), WORLD.w * 2);
    const h = (w * MAP_H) / MAP_W;
    showView(root, { x: cx - ((cx - v.x) * w) / v.w, y: cy - ((cy - v.y) * h) / v.h, w, h });
  }

  function mapPoint(root, event) {
    const box = root.getBoundingClientRect();
    const v = state.mapView;
    return [v.x + ((event.clientX - box.left) / box.width) * v.w, v.y + ((event.clientY - box.top) / box.height) * v.h];
  }

  function zoomAndPan(root) {
    root.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        const [cx, cy] = mapPoint(root, event);
        zoomMap(root, Math.pow(1.0015, event.deltaY), cx, cy);
      },
      { passive: false },
    );
    let startView = null;
    dragging(root, {
      start: () => {
        startView = state.mapView;
        root.classList.add('panning');
      },
      move: (from, event) => {
        const box = root.getBoundingClientRect();
        const dx = ((event.clientX - from.clientX) / box.width) * startView.w;
        const dy = ((event.clientY - from.clientY) / box.height) * startView.h;
        showView(root, { ...startView, x: startView.x - dx, y: startView.y - dy });
      },
      end: () => root.classList.remove('panning'),
    });
  }

  function mapNote(m, outlines) {
    const notes = [];
    if (outlines.note) notes.push(outlines.note + '.');
    if (m.places.length < m.n_places) notes.push(`The ${number(m.places.length)} places with most events of ${number(m.n_places)} are shown.`);
    if (m.missing) notes.push(`${number(m.missing)} event(s) without coordinates are in the table only.`);
    notes.push('Scroll to zoom, drag to pan; a dot opens the latest event at its place.');
    $('map-note').textContent = notes.join(' ');
  }

  function renderMap() {
    const box = $('map');
    box.replaceChildren();
    const m = state.summary.map;
    const outlines = state.outlines || { features: [] };
    mapNote(m, outlines);
    const view = state.mapView || fitView(m.places);
    const root = svg('svg', {
      width: MAP_W,
      height: MAP_H,
      preserveAspectRatio: 'xMidYMid meet',
      role: 'img',
      'aria-label': `Map of ${number(m.located)} located events at ${number(m.n_places)} places`,
    });
    let graticule = '';
    for (let lon = -180; lon <= 180; lon += 30) graticule += `M${lon},-90V90`;
    for (let lat = -60; lat <= 90; lat += 30) graticule += `M-180,${-lat}H180`;
    root.append(svg('path', { class: 'graticule', d: graticule, 'vector-effect': 'non-scaling-stroke' }));
    const active = new Set(m.countries);
    const land = svg('g', { class: 'land' });
    for (const feature of outlines.features || []) {
      const geometry = feature.geometry || {};
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates || [];
      const d = polygons.map((polygon) => polygon.map(ringPath).join('')).join('');
      const props = feature.properties || {};
      const path = svg('path', { class: active.has(props.iso_a2) ? 'country active' : 'country', d, 'vector-effect': 'non-scaling-stroke' });
      path.append(svg('title', {}, props.name || ''));
      land.append(path);
    }
    root.append(land);
    const dots = svg('g', { class: 'dots' });
    for (const p of m.places) {
      const label = `${[p.name, p.country && countryName(p.country)].filter(Boolean).join(', ')}: ${number(p.n)} event(s)`;
      const dot = svg('circle', { class: `dot t-${p.type}`, cx: p.lon, cy: -p.lat, 'data-n': p.n, 'vector-effect': 'non-scaling-stroke' });
      dot.append(svg('title', {}, label));
      dots.append(clickable(dot, p.id, label));
    }
    root.append(dots);
    showView(root, view);
    box.append(root);
    zoomAndPan(root);
  }

  // -- table -----------------------------------------------------------------------------------
  function eventRow(e) {
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
    return clickable(row, e.id, eventLabel(e));
  }

  function renderTable() {
    const answer = state.answer;
    $('events').tBodies[0].replaceChildren(...answer.events.map(eventRow));
    for (const th of $('events').tHead.querySelectorAll('th[data-sort]')) {
      if (th.getAttribute('data-sort') === state.sort) th.setAttribute('aria-sort', state.dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    const last = answer.offset + answer.events.length;
    $('page-note').textContent = answer.total ? `${number(answer.offset + 1)}–${number(last)} of ${number(answer.total)}` : '';
    $('page-prev').disabled = answer.offset <= 0;
    $('page-next').disabled = last >= answer.total;
    $('list-note').textContent = answer.total ? '' : 'No events match the filters.';
    const params = queryParams(false);
    if (state.source.download) {
      $('download-csv').setAttribute('href', state.source.download(params, 'csv'));
      $('download-json').setAttribute('href', state.source.download(params, 'json'));
    }
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
  async function refresh(summary, pending) {
    const seq = ++state.seq;
    state.summaryPending = state.summaryPending || summary;
    const withSummary = state.summaryPending;
    let answer;
    try {
      answer = await (pending || state.source.query(queryParams(withSummary)));
    } catch (err) {
      if (seq === state.seq) $('status').textContent = `Cannot load the events: ${err.message}`;
      return;
    }
    if (seq === state.seq) show(answer, withSummary);
  }

  function show(answer, withSummary) {
    $('status').textContent = '';
    state.answer = answer;
    if (withSummary) {
      state.summaryPending = false;
      state.summary = answer;
      renderSummary();
      renderTimeline();
      renderMap();
    }
    renderTable();
    window.eventcoderRenders += 1;
  }

  function renderSummary() {
    const meta = state.meta || {};
    const level = meta.level === 'document' ? 'document-level events (the store has not been merged)' : 'merged events';
    $('summary').textContent =
      `${number(state.summary.total)} of ${number(meta.n_events || 0)} ${level} · ${meta.db || ''}` +
      (state.source.mode === 'report' ? ' · report' : '');
  }

  function onFilters() {
    state.offset = 0;
    return refresh(true);
  }

  function onSort(column) {
    if (state.sort === column) state.dir = state.dir === 'asc' ? 'desc' : 'asc';
    else [state.sort, state.dir] = [column, DESCENDING_FIRST.has(column) ? 'desc' : 'asc'];
    state.offset = 0;
    return refresh(false);
  }

  function onPage(step) {
    state.offset = Math.max(0, state.offset + step * PAGE);
    document.querySelector('.table-wrap').scrollTop = 0;
    return refresh(false);
  }

  function fillSelects() {
    const form = $('filters').elements;
    const types = form.namedItem('type');
    for (const t of state.meta.types || []) types.append(el('option', { value: t.type }, `${t.type} (${number(t.n)})`));
    const countries = form.namedItem('country');
    for (const c of state.meta.countries || []) {
      countries.append(el('option', { value: c.code }, `${c.name} (${number(c.n)})`));
    }
  }

  function openFromHash() {
    const m = /^#event=(.+)$/.exec(location.hash);
    if (m) select(decodeURIComponent(m[1]));
  }

  function listen() {
    const form = $('filters');
    let typing = null;
    form.addEventListener('input', (event) => {
      if (event.target.name !== 'q') return;
      clearTimeout(typing);
      typing = setTimeout(onFilters, 200);
    });
    form.addEventListener('change', (event) => {
      if (event.target.name !== 'q') onFilters();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      onFilters();
    });
    form.addEventListener('reset', () => setTimeout(onFilters, 0));
    for (const th of $('events').tHead.querySelectorAll('th[data-sort]')) {
      th.setAttribute('tabindex', '0');
      th.setAttribute('title', `Sort by ${th.textContent.trim().toLowerCase()}`);
      th.addEventListener('click', () => onSort(th.getAttribute('data-sort')));
      th.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSort(th.getAttribute('data-sort'));
        }
      });
    }
    $('page-prev').addEventListener('click', () => onPage(-1));
    $('page-next').addEventListener('click', () => onPage(1));
    const mapButton = (id, act) => $(id).addEventListener('click', act);
    mapButton('map-fit', () => {
      state.mapView = null;
      renderMap();
    });
    mapButton('map-world', () => {
      state.mapView = { ...WORLD };
      renderMap();
    });
    const zoomCentre = (factor) => {
      const v = state.mapView;
      zoomMap($('map').querySelector('svg'), factor, v.x + v.w / 2, v.y + v.h / 2);
    };
    mapButton('map-in', () => zoomCentre(1 / 1.5));
    mapButton('map-out', () => zoomCentre(1.5));
    let resizing = null;
    window.addEventListener('resize', () => {
      clearTimeout(resizing);
      resizing = setTimeout(() => state.summary && renderTimeline(), 150);
    });
    window.addEventListener('hashchange', openFromHash);
  }

  async function main() {
    const embedded = document.getElementById('eventcoder-data');
    state.source = embedded ? embeddedSource(embedded) : apiSource();
    $('downloads').hidden = !state.source.download; // the report has no server to ask
    const first = state.source.query(queryParams(true)); // asked at once, beside the meta
    first.catch(() => null);
    try {
      const [meta, outlines] = await Promise.all([state.source.meta(), state.source.outlines().catch(() => null)]);
      Object.assign(state, { meta, outlines });
    } catch (err) {
      $('summary').textContent = '';
      $('status').textContent = `Cannot load the events: ${err.message}`;
      return;
    }
    fillSelects();
    listen();
    await refresh(true, first);
    document.body.setAttribute('data-ready', 'true');
    openFromHash();
  }

  main();
})();
