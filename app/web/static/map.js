// The map page: Vietnam and Laos drawn from bundled Natural Earth outlines (no tiles),
// every province at its coordinates, partnership lines from `/network` sized by their
// articles or agreements. The filters ask `/network` again; they are kept in the URL so a
// view can be shared.
import { api, COUNTRY, esc, provinceHref, provinceLink, provinceText, ROOT, searchBox, years } from './common.js';

const VIEW = L.latLngBounds([8.3, 100.0], [23.5, 109.6]); // Vietnam and Laos
const FILL = { VN: '#fbf3e4', LA: '#eaf2fb' };
const form = document.getElementById('filters');
const summary = document.getElementById('summary');
const tbody = document.getElementById('links');

const map = L.map('map', { zoomSnap: 0.25, minZoom: 4, maxZoom: 10, maxBounds: VIEW.pad(0.6), attributionControl: true });
map.attributionControl.setPrefix(false).addAttribution('Outlines: Natural Earth');
map.fitBounds(VIEW);
const lines = L.layerGroup().addTo(map);
const dots = L.layerGroup().addTo(map);

let first = null; // the unfiltered answer: year range and kinds for the controls
const units = new Map(); // every unit of the gazetteer by id, for names of merged units (`via`)

function state() {
  const data = new FormData(form);
  const kinds = data.getAll('kind');
  const allKinds = first ? first.kinds : [];
  const since = Number(data.get('since'));
  const until = Number(data.get('until'));
  return {
    since: first && first.years && since > first.years[0] ? since : null,
    until: first && first.years && until < first.years[1] ? until : null,
    kind: kinds.length === allKinds.length ? [] : kinds.length ? kinds : ['none'],
    country: data.get('country') || '',
    min_confidence: Number(data.get('confidence')) || null,
    units: data.get('units') || 'reported',
    weight: data.get('weight') || 'articles',
  };
}

function remember(s) {
  const url = new URL(window.location.href);
  url.search = '';
  for (const [k, v] of Object.entries(s)) {
    if (v === null || v === '' || (Array.isArray(v) && !v.length)) continue;
    if ((k === 'units' && v === 'reported') || (k === 'weight' && v === 'articles')) continue;
    for (const one of Array.isArray(v) ? v : [v]) url.searchParams.append(k, one);
  }
  window.history.replaceState(null, '', url);
}

function restore() {
  const p = new URLSearchParams(window.location.search);
  const set = (name, value) => {
    if (value !== null && form.elements[name]) form.elements[name].value = value;
  };
  set('since', p.get('since'));
  set('until', p.get('until'));
  set('confidence', p.get('min_confidence'));
  set('country', p.get('country'));
  set('units', p.get('units'));
  set('weight', p.get('weight'));
  const kinds = p.getAll('kind');
  if (kinds.length) for (const box of form.querySelectorAll('input[name=kind]')) box.checked = kinds.includes(box.value);
}

function setupControls(net) {
  const [lo, hi] = net.years || [2000, new Date().getFullYear()];
  for (const id of ['since', 'until']) {
    const input = document.getElementById(id);
    input.min = lo;
    input.max = hi;
    input.value = id === 'since' ? lo : hi;
  }
  const box = document.getElementById('kinds');
  box.insertAdjacentHTML(
    'beforeend',
    net.kinds.map((k) => `<label><input type="checkbox" name="kind" value="${esc(k)}" checked> ${esc(k)}</label>`).join(''),
  );
  restore();
  outputs();
}

function outputs() {
  const since = document.getElementById('since');
  const until = document.getElementById('until');
  if (Number(since.value) > Number(until.value)) until.value = since.value;
  document.getElementById('since-out').value = since.value;
  document.getElementById('until-out').value = until.value;
  document.getElementById('confidence-out').value = Number(document.getElementById('confidence').value).toFixed(2);
  document.getElementById('weight-word').textContent = form.elements.weight.value;
}

function lineTitle(link, byId) {
  const vn = byId.get(link.vn);
  const la = byId.get(link.la);
  const parts = [
    `${provinceText(vn)} – ${provinceText(la)}`,
    years(link.first_year, link.last_year),
    `${link.article_count} article${link.article_count === 1 ? '' : 's'}`,
    `${link.agreement_count} agreement${link.agreement_count === 1 ? '' : 's'}`,
  ];
  if (link.kinds.length) parts.push(link.kinds.join(', '));
  if (link.inherited) parts.push(`inherited via ${link.via.map((id) => byId.get(id)?.name || id).join(', ')}`);
  return parts.join(' · ');
}

/**
 * Where a province's label goes: away from the border (Lao names to the west, Vietnamese to
 * the east), or above/below when a labelled neighbour sits on that side and would be covered.
 */
function labelSide(p, shown) {
  const side = p.country === 'LA' ? 'left' : 'right';
  const sign = side === 'left' ? -1 : 1;
  const blocker = shown.find(
    (q) => q.id !== p.id && q.partners > 0 && q.country === p.country && Math.abs(q.lat - p.lat) < 0.6 && sign * (q.lon - p.lon) > 0 && sign * (q.lon - p.lon) < 1.5,
  );
  if (!blocker) return side;
  return p.lat >= blocker.lat ? 'top' : 'bottom';
}

function render(net, s) {
  const byId = new Map(net.provinces.map((p) => [p.id, p]));
  for (const link of net.links) for (const id of [link.vn, link.la, ...link.via]) if (!byId.has(id)) byId.set(id, units.get(id) || { id, name: id });
  const value = (l) => (s.weight === 'agreements' ? l.agreement_count : l.article_count);
  const max = Math.max(1, ...net.links.map(value));
  const links = [...net.links].sort((a, b) => value(b) - value(a) || a.vn.localeCompare(b.vn) || a.la.localeCompare(b.la));

  lines.clearLayers();
  for (const link of links.slice().reverse()) {
    const a = byId.get(link.vn);
    const b = byId.get(link.la);
    if (a.lat == null || b.lat == null) continue;
    L.polyline(
      [
        [a.lat, a.lon],
        [b.lat, b.lon],
      ],
      {
        className: `link ${link.kinds.includes('agreement') ? 'agreement' : 'other'}${link.inherited ? ' inherited' : ''}`,
        weight: 1.5 + 7 * Math.sqrt(value(link) / max),
        dashArray: link.inherited ? '7 5' : null,
        opacity: 0.85,
      },
    )
      .bindTooltip(esc(lineTitle(link, byId)), { sticky: true })
      .addTo(lines);
  }

  dots.clearLayers();
  const shown = net.provinces.filter((p) => p.lat != null && (!s.country || p.country === s.country));
  const withPartners = shown.filter((p) => p.partners > 0).length;
  const ordered = shown.slice().sort((a, b) => (b.partners > 0) - (a.partners > 0) || a.name.localeCompare(b.name, 'vi'));
  for (const p of ordered) {
    const size = p.partners ? 10 + Math.min(10, 2 * p.partners) : 7;
    const label = `${provinceText(p)}, ${COUNTRY[p.country] || p.country}: ${p.partners} partner${p.partners === 1 ? '' : 's'}`;
    const marker = L.marker([p.lat, p.lon], {
      icon: L.divIcon({
        className: `prov ${p.partners ? p.country : 'none'}`,
        html: '<span></span>',
        iconSize: [size, size],
      }),
      title: label,
      keyboard: p.partners > 0, // tab stops for the provinces that have something to show
      riseOnHover: true,
      zIndexOffset: p.partners ? 1000 : 0,
    });
    marker.on('click', () => {
      window.location.href = provinceHref(p.id);
    });
    marker.addTo(dots);
    const element = marker.getElement();
    element.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault(); // Leaflet makes markers focusable buttons but does not press them
        window.location.href = provinceHref(p.id);
      }
    });
    element.setAttribute('aria-label', label);
    element.dataset.province = p.id;
    if (p.partners > 0) {
      const direction = labelSide(p, shown);
      const offset = { left: [-size / 2, 0], right: [size / 2, 0], top: [0, -size / 2], bottom: [0, size / 2] }[direction];
      marker.bindTooltip(`<span lang="vi">${esc(p.name)}</span>`, {
        permanent: withPartners <= 40,
        direction,
        className: 'prov-label',
        offset,
      });
    }
  }

  const vn = new Set(net.links.map((l) => l.vn)).size;
  const la = new Set(net.links.map((l) => l.la)).size;
  summary.textContent = net.links.length
    ? `${net.links.length} partnership${net.links.length === 1 ? '' : 's'} between ${vn} Vietnamese and ${la} Lao province${la === 1 ? '' : 's'}` +
      (s.units === 'today' ? ', shown on today’s units' : '')
    : 'No partnership matches these filters.';

  const rows = s.country === 'LA' ? links.slice().sort((a, b) => a.la.localeCompare(b.la)) : links;
  tbody.innerHTML = rows
    .map((l) => {
      const via = l.inherited ? `<span class="inherited-note">inherited via ${l.via.map((id) => esc(byId.get(id).name)).join(', ')}</span>` : '';
      return `<tr class="${l.inherited ? 'inherited' : ''}" data-vn="${esc(l.vn)}" data-la="${esc(l.la)}">
        <td>${provinceLink(byId.get(l.vn))}</td><td>${provinceLink(byId.get(l.la))}</td>
        <td>${esc(years(l.first_year, l.last_year))}</td><td class="num">${l.article_count}</td>
        <td class="num">${l.agreement_count}</td><td>${esc(l.kinds.join(', '))} ${via}</td></tr>`;
    })
    .join('') || '<tr><td colspan="6">No partnership matches these filters.</td></tr>';
}

let asked = 0;
async function refresh() {
  outputs();
  const s = state();
  remember(s);
  const mine = ++asked;
  try {
    const net = await api('/network', { units: s.units, since: s.since, until: s.until, kind: s.kind, min_confidence: s.min_confidence });
    if (mine === asked) render(net, s);
  } catch (error) {
    summary.textContent = `Could not load the partnerships: ${error.message}`;
  }
}

async function main() {
  searchBox(document.getElementById('search'));
  const countries = await fetch(`${ROOT}/static/vendor/countries.geojson`).then((r) => r.json());
  L.geoJSON(countries, {
    interactive: false,
    style: (f) => ({
      className: `country ${f.id}`,
      color: f.id in FILL ? '#7a7a7a' : '#b9b9b9',
      weight: f.id in FILL ? 1.2 : 0.6,
      fillColor: FILL[f.id] || '#eeeeee',
      fillOpacity: 1,
    }),
  }).addTo(map);
  try {
    const [net, all] = await Promise.all([api('/network'), api('/provinces')]);
    first = net;
    for (const p of all.items) units.set(p.id, p);
  } catch (error) {
    summary.textContent = `Could not load the partnerships: ${error.message}`;
    return;
  }
  setupControls(first);
  form.addEventListener('input', refresh);
  form.addEventListener('reset', () =>
    setTimeout(() => {
      window.history.replaceState(null, '', window.location.pathname);
      setupControls({ ...first, kinds: [] }); // the year range again; reset re-checked every kind
      refresh();
    }),
  );
  await refresh();
  document.body.dataset.ready = 'true';
}

main();
