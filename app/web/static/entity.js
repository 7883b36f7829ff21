// One official, agreement, project, event or article, as its JSON route gives it: the
// properties, links to the provinces and other entities it names, and its evidence.
import { amount, api, entityHref, esc, failure, provinceLink, searchBox, sources, years } from './common.js';

const [kind, key] = window.location.pathname.split('/').filter(Boolean).slice(-2).map(decodeURIComponent);
const ROUTES = { official: 'official', agreement: 'agreement', project: 'project', event: 'event', article: 'articles' };
const HIDDEN = new Set(['id', 'uri', 'sources', 'articles', 'score', 'facts', 'roles', 'description', 'name', 'title']);
const LABEL = { signed_year: 'signed', signed_date: 'signed on', per_year: 'paid every year', in_kind: 'in kind', valid_to: 'until' };

const isProvince = (v) => v && typeof v === 'object' && 'country' in v && 'name_en' in v;
const refType = (v) => (v.uri ? v.uri.split('/').slice(-2, -1)[0] : '');

/** A property value as HTML: provinces and entity references become links. */
function value(v) {
  if (v === null || v === undefined || v === '') return '';
  if (Array.isArray(v)) {
    if (v.length === 2 && v.every((x) => typeof x === 'number')) return esc(years(v[0], v[1]));
    return v.map(value).filter(Boolean).join(', ');
  }
  if (isProvince(v)) return provinceLink(v);
  if (typeof v === 'object' && v.id) {
    const type = refType(v) === 'articles' ? 'article' : refType(v);
    const label = v.name || v.label || [v.kind, v.signed_year || v.date || v.year].filter(Boolean).join(' ') || v.id;
    return `<a href="${entityHref(type, v.id)}" lang="vi">${esc(label)}</a>`;
  }
  if (typeof v === 'number') return esc(Number.isInteger(v) ? String(v) : v.toFixed(2));
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return `<span lang="vi">${esc(v)}</span>`;
}

function props(body) {
  const rows = Object.entries(body)
    .filter(([k, v]) => !HIDDEN.has(k) && value(v) !== '')
    .map(([k, v]) => {
      if (k === 'amount') return `<dt>amount</dt><dd>${amount(v, body.currency)}</dd>`;
      return k === 'currency' ? '' : `<dt>${esc(LABEL[k] || k.replace(/_/g, ' '))}</dt><dd>${value(v)}</dd>`;
    });
  return rows.length ? `<dl class="props">${rows.join('')}</dl>` : '';
}

function title(body) {
  if (kind === 'article') return body.title || body.id;
  if (kind === 'official') return body.name;
  if (kind === 'project') {
    return body.amount != null ? `Project: ${new Intl.NumberFormat('en').format(body.amount)} ${body.currency || ''}`.trim() : 'Project';
  }
  if (kind === 'agreement') return `Agreement: ${body.kind}${body.signed_year ? ` ${body.signed_year}` : ''}`;
  return `${body.kind || 'Event'} ${body.date || ''}`.trim();
}

function roles(body) {
  if (!body.roles?.length) return '';
  return `<section><h2>Positions</h2><ul class="cards">${body.roles
    .map(
      (r) => `<li class="card"><h3>${provinceLink(r.province)}</h3>
      <p class="meta"><span lang="vi">${esc(r.positions.join(', '))}</span> · ${esc(years(r.first_year, r.last_year))}</p>${sources(r.sources)}</li>`,
    )
    .join('')}</ul></section>`;
}

function facts(body) {
  if (!body.facts?.length) return '';
  const ref = (e) => (e ? `<a href="${entityHref(e.type, e.id)}" lang="vi">${esc(e.label)}</a>` : '');
  return `<section><h2>Facts this article states (${body.facts.length})</h2><ul class="cards">${body.facts
    .map(
      (f) => `<li class="card"><h3>${ref(f.subject)}${f.object ? ` <span class="alt">${esc(f.fact)}</span> ${ref(f.object)}` : ` <span class="alt">${esc(f.fact)}</span>`}</h3>
      ${f.sentences.map((s) => `<blockquote lang="vi">${esc(s)}</blockquote>`).join('')}</li>`,
    )
    .join('')}</ul></section>`;
}

async function main() {
  searchBox(document.getElementById('search'));
  const target = document.getElementById('entity');
  try {
    const body = await api(`/${ROUTES[kind]}/${encodeURIComponent(key)}`);
    const heading = title(body);
    document.title = `${heading} — vlkg explorer`;
    document.getElementById('crumb').textContent = kind;
    const description = body.description ? `<p lang="vi">${esc(body.description)}</p>` : '';
    const link = kind === 'article' && body.url ? `<p><a href="${esc(body.url)}" rel="noopener external">Read the original article</a></p>` : '';
    target.innerHTML = `<h1 lang="vi">${esc(heading)}</h1>${description}${link}${props(body)}${roles(body)}${facts(body)}
      ${body.sources?.length ? `<section><h2>Evidence</h2>${sources(body.sources)}</section>` : ''}
      <p class="fine"><a href="${esc(`${document.body.dataset.root}/${ROUTES[kind]}/${encodeURIComponent(key)}`)}">This ${esc(kind)} as JSON</a></p>`;
  } catch (error) {
    failure(target, error);
  }
  document.body.dataset.ready = 'true';
}

main();
