// A province's page: partners, agreements, projects, officials and a timeline, each fact
// with its evidence sentences and articles, and a small graph of its neighbourhood.
// Everything comes from the province's JSON routes (units merged into it included, as the
// API does by default; a checkbox leaves them out).
import {
  amount,
  api,
  COUNTRY,
  entityHref,
  esc,
  evidenceCount,
  failure,
  provinceHref,
  provinceLink,
  provinceName,
  provinceText,
  ROOT,
  searchBox,
  sourceItems,
  sources,
  years,
} from './common.js';

const key = decodeURIComponent(window.location.pathname.split('/').filter(Boolean).pop());
const params = new URLSearchParams(window.location.search);
const inherited = params.get('include_inherited') !== 'false';
const section = (id) => document.querySelector(`#${id} .body`);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const ALL = { limit: 500 };
// Evidence sentences per partner: the API's page of sources (`sources_limit`) shown at
// first, then `MORE` at a time with the "more evidence" button (`sources_offset`).
const EVIDENCE = 5;
const MORE = 20;

function badges(item) {
  const via = item.inherited && item.via ? `<span class="badge inherited">inherited via ${provinceName(item.via)}</span>` : '';
  const conf = item.confidence != null ? `<span class="badge" title="extractor confidence">confidence ${item.confidence.toFixed(2)}</span>` : '';
  return via + conf;
}

function head(p) {
  document.title = `${provinceText(p)} — vlkg explorer`;
  document.getElementById('crumb').innerHTML = provinceName(p);
  const facts = [`${p.kind === 'city' ? 'City' : 'Province'} of ${COUNTRY[p.country] || p.country}`];
  if (p.iso) facts.push(`ISO ${esc(p.iso)}`);
  if (p.lat != null) facts.push(`${p.lat.toFixed(2)}° N, ${p.lon.toFixed(2)}° E`);
  if (p.wikidata) facts.push(`<a href="https://www.wikidata.org/wiki/${esc(p.wikidata)}" rel="noopener external">Wikidata ${esc(p.wikidata)}</a>`);
  const notes = [];
  if (p.successor) {
    notes.push(
      `Merged on ${esc(p.valid_to ? nextDay(p.valid_to) : '2025-07-01')} into <a id="successor" href="${provinceHref(p.successor)}">the unit in force today</a>; the facts below were reported for <span lang="vi">${esc(p.name)}</span> itself.`,
    );
  }
  if (p.predecessors.length) {
    const list = p.predecessors.map((q) => provinceLink(q)).join(', ');
    const other = new URL(window.location.href);
    other.searchParams.set('include_inherited', String(!inherited));
    notes.push(
      `Formed on ${esc(p.valid_from || '1 July 2025')} from ${list}. ${inherited ? 'Their facts are included and marked “inherited”.' : 'Only facts reported for this unit are shown.'}
       <a href="${esc(other.pathname + other.search)}">${inherited ? 'Show only this unit’s own facts' : 'Include the merged units’ facts'}</a>.`,
    );
  }
  document.getElementById('head').innerHTML = `
    <h1>${provinceName(p, { native: true })}</h1>
    <p class="facts">${facts.join(' · ')}</p>
    ${notes.map((n) => `<p class="note">${n}</p>`).join('')}`;
}

function nextDay(isoDate) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function agreementTitle(a) {
  const when = a.signed_date || a.signed_year || (a.period ? `${a.period[0]}–${a.period[1]}` : 'undated');
  return `${esc(a.kind)} · ${esc(when)}`;
}

const moreLabel = (left) => `More evidence (${left} more)`;

function partners(body, page) {
  const el = section('partners');
  if (!body.partners.length) return (el.innerHTML = '<p>No partner province in the articles.</p>');
  el.innerHTML = `<p>${plural(body.total, 'partner')}, oldest partnership first.</p><ul class="cards">${body.partners
    .map(
      (x) => `<li class="card partner" data-id="${esc(x.province.id)}" data-via="${esc(x.via?.id || '')}">
        <h3>${provinceLink(x.province)}</h3>
        <p class="meta">${esc(years(x.first_year, x.last_year))} · ${plural(x.article_count, 'article')}${x.kinds.length ? ` · ${esc(x.kinds.join(', '))}` : ''} ${badges(x)}</p>
        ${x.agreements.length ? `<p class="meta">Agreements: ${x.agreements.map((a) => `<a href="${entityHref('agreement', a.id)}">${agreementTitle(a)}</a>`).join('; ')}</p>` : ''}
        ${sources(x.sources, x.sources_total)}
        ${x.sources_total > x.sources.length ? `<button type="button" class="more-evidence" data-total="${x.sources_total}">${moreLabel(x.sources_total - x.sources.length)}</button>` : ''}</li>`,
    )
    .join('')}</ul>`;
  el.addEventListener('click', (e) => {
    const button = e.target.closest('button.more-evidence');
    if (button) more(button, page);
  });
}

/** The next page of one partner's evidence: the partners answer from the offset of the
 * sentences shown (the API pages every partner's sources alike), this partner's part. */
async function more(button, page) {
  const card = button.closest('.card.partner');
  const list = card.querySelector('details.evidence ul');
  const total = Number(button.dataset.total);
  button.disabled = true;
  try {
    const body = await page(list.children.length);
    const x = body.partners.find((q) => q.province.id === card.dataset.id && (q.via?.id || '') === card.dataset.via);
    list.insertAdjacentHTML('beforeend', sourceItems(x?.sources || []));
    const shown = list.children.length;
    card.querySelector('details.evidence summary').textContent = evidenceCount(shown, total);
    if (!x?.sources.length || shown >= total) return button.remove();
    button.textContent = moreLabel(total - shown);
    button.disabled = false;
  } catch (error) {
    button.insertAdjacentHTML('afterend', `<p class="error" role="alert">${esc(error.message || error)}</p>`);
    button.remove();
  }
}

function agreements(body) {
  const el = section('agreements');
  if (!body.items.length) return (el.innerHTML = '<p>No agreement in the articles.</p>');
  el.innerHTML = `<ul class="cards">${body.items
    .map((a) => {
      const parties = a.parties.map((p) => provinceLink(p)).join(' – ');
      const fields = [...a.fields, ...a.sectors.filter((s) => !a.fields.includes(s))];
      return `<li class="card">
        <h3><a href="${entityHref('agreement', a.id)}">${agreementTitle(a)}</a></h3>
        <p class="meta">${parties}${a.period ? ` · in force ${a.period[0]}–${a.period[1]}` : ''}${a.count ? ` · ${a.count} documents` : ''} ${badges(a)}</p>
        ${fields.length ? `<p class="meta">Fields: <span lang="vi">${esc(fields.join(', '))}</span></p>` : ''}
        ${a.signatories.length ? `<p class="meta">Signed by ${a.signatories.map((o) => `<a href="${entityHref('official', o.id)}" lang="vi">${esc(o.name)}</a>`).join(', ')}</p>` : ''}
        ${sources(a.sources)}</li>`;
    })
    .join('')}</ul>`;
}

function projects(body) {
  const el = section('projects');
  if (!body.items.length) return (el.innerHTML = '<p>No project in the articles.</p>');
  const totals = body.totals.per_currency;
  const table = totals.length
    ? `<table class="totals"><caption class="visually-hidden">Totals per currency</caption>
        <thead><tr><th scope="col">Currency</th><th scope="col" class="num">Total</th><th scope="col" class="num">Projects</th></tr></thead>
        <tbody>${totals.map((t) => `<tr><td>${esc(t.currency)}</td><td class="num">${amount(t.amount, '')}</td><td class="num">${t.projects}</td></tr>`).join('')}</tbody></table>
        <p class="fine">${esc(body.totals.rule)}</p>`
    : '';
  el.innerHTML = `${table}<ul class="cards">${body.items
    .map((x) => {
      const money = x.amount != null ? `${amount(x.amount, x.currency)}${x.per_year ? ' a year' : ''}` : x.in_kind ? `in kind: ${esc(x.in_kind)}` : 'amount not given';
      const flow = [x.funder && `from ${provinceLink(x.funder)}`, x.beneficiary && `to ${provinceLink(x.beneficiary)}`].filter(Boolean).join(' ');
      return `<li class="card">
        <h3><a href="${entityHref('project', x.id)}">${money}</a>${x.years ? ` <span class="alt">${x.years[0]}–${x.years[1]}</span>` : ''}</h3>
        <p class="meta">${flow} ${x.role ? `<span class="badge">${esc(x.role)}</span>` : ''} ${badges(x)}</p>
        <p lang="vi">${esc(x.description)}</p>
        ${sources(x.sources)}</li>`;
    })
    .join('')}</ul>`;
}

function officials(body) {
  const el = section('officials');
  if (!body.items.length) return (el.innerHTML = '<p>No official in the articles.</p>');
  el.innerHTML = `<ul class="cards">${body.items
    .map(
      (x) => `<li class="card">
        <h3><a href="${entityHref('official', x.official.id)}" lang="vi">${esc(x.official.name)}</a></h3>
        <p class="meta"><span lang="vi">${esc(x.positions.join(', ') || x.official.organisation || '')}</span> · ${esc(years(x.first_year, x.last_year))} ${badges(x)}</p>
        ${sources(x.sources)}</li>`,
    )
    .join('')}</ul>`;
}

function timeline(body) {
  const el = section('timeline');
  if (!body.items.length) return (el.innerHTML = '<p>Nothing dated in the articles.</p>');
  el.innerHTML = `<ol class="timeline">${body.items
    .map(
      (x) => `<li>
        <time${x.date ? ` datetime="${esc(x.date)}"` : ''}>${esc(x.date || 'undated')}</time>
        <a href="${entityHref(x.type, x.id)}" lang="vi">${esc(x.label)}</a>
        <span class="alt">${esc(x.type)}${x.role ? `, as ${esc(x.role)}` : ''}${x.counterparts.length ? ` — with ${x.counterparts.map((p) => provinceName(p)).join(', ')}` : ''}</span>
        ${badges(x)}${sources(x.sources)}</li>`,
    )
    .join('')}</ol>`;
  for (const d of el.querySelectorAll('details.evidence')) d.open = false; // the same sentences are open above
}

function data(p) {
  const q = `include_inherited=${inherited}`;
  const links = [
    [`/province/${encodeURIComponent(p.id)}`, 'Province (JSON)'],
    [`/province/${encodeURIComponent(p.id)}/partners?${q}`, 'Partners (JSON)'],
    [`/timeline?province=${encodeURIComponent(p.id)}&${q}`, 'Timeline (JSON)'],
    [`/province/${encodeURIComponent(p.id)}.ttl`, 'Turtle'],
  ];
  section('data').innerHTML = `<ul>${links.map(([href, label]) => `<li><a href="${ROOT}${esc(href)}">${label}</a></li>`).join('')}</ul>`;
}

const COLOURS = { VN: '#c0392b', LA: '#1f5fa8', agreement: '#1b7837', project: '#d95f02', official: '#7b5ea7' };

function graph(p, results) {
  const container = document.getElementById('graph');
  if (typeof cytoscape !== 'function') return;
  const nodes = new Map();
  const edges = [];
  const node = (id, label, kind, href, extra = {}) => {
    if (!nodes.has(id)) nodes.set(id, { data: { id, label, kind, href, ...extra } });
  };
  const edge = (a, b, kind) => edges.push({ data: { id: `${a}>${b}>${kind}`, source: a, target: b, kind } });
  node(p.id, p.name, p.country, provinceHref(p.id), { centre: 1 });
  const prov = (q) => node(q.id, q.name, q.country, provinceHref(q.id));
  for (const x of results.partners?.partners || []) {
    prov(x.province);
    edge(p.id, x.province.id, 'partner');
  }
  for (const a of results.agreements?.items || []) {
    const id = `a:${a.id}`;
    node(id, `${a.kind} ${a.signed_year || ''}`.trim(), 'agreement', entityHref('agreement', a.id));
    for (const q of a.parties) {
      prov(q);
      edge(q.id, id, 'party');
    }
  }
  for (const x of results.projects?.items || []) {
    const id = `p:${x.id}`;
    node(id, x.amount != null ? `${Intl.NumberFormat('en', { notation: 'compact' }).format(x.amount)} ${x.currency || ''}` : 'project', 'project', entityHref('project', x.id));
    if (x.funder) {
      prov(x.funder);
      edge(x.funder.id, id, 'funds');
    }
    if (x.beneficiary) {
      prov(x.beneficiary);
      edge(id, x.beneficiary.id, 'benefits');
    }
  }
  for (const x of results.officials?.items || []) {
    const id = `o:${x.official.id}`;
    node(id, x.official.name, 'official', entityHref('official', x.official.id));
    edge(id, x.via?.id || p.id, 'official');
  }
  for (const e of edges) for (const end of [e.data.source, e.data.target]) if (!nodes.has(end)) node(end, end, 'other', '#');
  const cy = cytoscape({
    container,
    elements: [...nodes.values(), ...edges],
    // rings: the province, then the provinces it deals with, then agreements, projects, officials
    layout: {
      name: 'concentric',
      concentric: (n) => (n.data('centre') ? 3 : n.data('kind') in COUNTRY ? 2 : 1),
      levelWidth: () => 1,
      minNodeSpacing: 28,
      animate: false,
      padding: 16,
    },
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3, width: 16, height: 16, 'background-color': '#888', color: '#1d2329', 'text-wrap': 'ellipsis', 'text-max-width': 110 } },
      ...Object.entries(COLOURS).map(([kind, colour]) => ({ selector: `node[kind = "${kind}"]`, style: { 'background-color': colour } })),
      { selector: 'node[kind = "agreement"], node[kind = "project"], node[kind = "official"]', style: { shape: 'round-rectangle', width: 12, height: 12 } },
      { selector: 'node[centre]', style: { width: 26, height: 26, 'font-weight': 'bold', 'font-size': 12, 'border-width': 3, 'border-color': '#ffbf47' } },
      { selector: 'edge', style: { width: 1.5, 'line-color': '#aab4be', 'curve-style': 'bezier' } },
      { selector: 'edge[kind = "partner"]', style: { width: 3, 'line-color': '#5b7a99' } },
      { selector: 'edge[kind = "funds"], edge[kind = "benefits"]', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': '#aab4be' } },
    ],
  });
  cy.on('tap', 'node', (e) => {
    const href = e.target.data('href');
    if (href && href !== '#' && !e.target.data('centre')) window.location.href = href;
  });
}

async function main() {
  searchBox(document.getElementById('search'));
  let p;
  try {
    p = await api(`/province/${encodeURIComponent(key)}`);
  } catch (error) {
    const hints = error.body?.suggestions?.length
      ? `<p>Did you mean ${error.body.suggestions.map((s) => `<a href="${provinceHref(s)}" lang="vi">${esc(s)}</a>`).join(', ')}?</p>`
      : '';
    failure(document.getElementById('head'), error);
    document.getElementById('head').insertAdjacentHTML('beforeend', hints);
    for (const id of ['partners', 'agreements', 'projects', 'officials', 'timeline']) section(id).innerHTML = '';
    document.body.dataset.ready = 'true';
    return;
  }
  if (p.id !== key) window.history.replaceState(null, '', provinceHref(p.id) + window.location.search);
  head(p);
  data(p);
  if (p.successor) {
    api(`/province/${encodeURIComponent(p.successor)}`)
      .then((next) => (document.getElementById('successor').innerHTML = provinceName(next)))
      .catch(() => {}); // the generic link text stays
  }
  const id = encodeURIComponent(p.id);
  const common = { ...ALL, include_inherited: inherited };
  const asks = {
    partners: [
      api(`/province/${id}/partners`, { ...common, sources_limit: EVIDENCE }),
      (body) => partners(body, (offset) => api(`/province/${id}/partners`, { ...common, sources_limit: MORE, sources_offset: offset })),
    ],
    agreements: [api(`/province/${id}/agreements`, { ...common, sources: true }), agreements],
    projects: [api(`/province/${id}/projects`, { ...common, sources: true }), projects],
    officials: [api(`/province/${id}/officials`, { ...common, sources: true }), officials],
    timeline: [api('/timeline', { ...common, province: p.id, sources: true, include_undated: true }), timeline],
  };
  const results = {};
  await Promise.all(
    Object.entries(asks).map(async ([name, [promise, show]]) => {
      try {
        results[name] = await promise;
        show(results[name]);
      } catch (error) {
        failure(section(name), error);
      }
    }),
  );
  try {
    graph(p, results);
  } catch (error) {
    failure(document.getElementById('graph'), error);
  }
  document.body.dataset.ready = 'true';
}

main();
