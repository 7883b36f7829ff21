// Shared by the explorer's pages: API requests, names, links, sources and the search box.
// The pages only read the JSON API; nothing here talks to another host.

export const ROOT = document.body.dataset.root || '';

/** GET a JSON answer of the API; `params` values may be arrays (repeated parameters). */
export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') continue;
    for (const one of Array.isArray(v) ? v : [v]) query.append(k, String(one));
  }
  const qs = query.toString();
  const response = await fetch(`${ROOT}${path}${qs ? `?${qs}` : ''}`, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error((body && (body.detail || body.title)) || `${response.status} ${response.statusText}`);
    error.status = response.status;
    error.body = body;
    throw error;
  }
  return body;
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe to put in HTML (every value from the API goes through this). */
export const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

export const COUNTRY = { VN: 'Vietnam', LA: 'Laos' };

/** A province's Vietnamese name with its English name beside it when they differ. */
export function provinceName(p, { native = false } = {}) {
  const vi = `<span lang="vi">${esc(p.name)}</span>`;
  const extra = [];
  if (p.name_en && p.name_en.normalize('NFC') !== p.name.normalize('NFC')) extra.push(`<span lang="en">${esc(p.name_en)}</span>`);
  if (native && p.name_native && p.name_native !== p.name) extra.push(`<span lang="${p.country === 'LA' ? 'lo' : 'vi'}">${esc(p.name_native)}</span>`);
  return extra.length ? `${vi} <span class="alt">(${extra.join(' · ')})</span>` : vi;
}

/** Plain-text form of `provinceName`, for titles and labels. */
export const provinceText = (p) => (p.name_en && p.name_en !== p.name ? `${p.name} (${p.name_en})` : p.name);

export const provinceHref = (id) => `${ROOT}/explore/province/${encodeURIComponent(id)}`;
export const entityHref = (type, id) =>
  type === 'province' ? provinceHref(id) : `${ROOT}/explore/${type}/${encodeURIComponent(id)}`;

export const provinceLink = (p, opts) => `<a href="${provinceHref(p.id)}">${provinceName(p, opts)}</a>`;

export function years(first, last) {
  if (first == null && last == null) return 'year unknown';
  if (first == null || last == null || first === last) return String(first ?? last);
  return `${first}–${last}`;
}

export function amount(value, currency) {
  if (value == null) return '';
  return `${new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(value)} ${esc(currency || '')}`.trim();
}

/** Each evidence sentence, quoted, with a link to its article (`li` items). */
export function sourceItems(list) {
  return list
    .map((s) => {
      const a = s.article || {};
      const meta = [a.outlet, a.published].filter(Boolean).map(esc).join(', ');
      const original = a.url ? ` · <a href="${esc(a.url)}" rel="noopener external">original</a>` : '';
      return `<li class="source"><blockquote lang="vi">${esc(s.sentence)}</blockquote>
      <p class="cite">— <a href="${entityHref('article', a.id)}">${esc(a.title || a.id)}</a>${meta ? ` (${meta})` : ''}${original}</p></li>`;
    })
    .join('');
}

/** The heading of an evidence list: how many are shown, and of how many when paged. */
export const evidenceCount = (shown, total) => `Evidence (${total > shown ? `${shown} of ${total}` : shown})`;

/** The evidence of a fact: each sentence, quoted, with a link to its article. `total`,
 * when larger than the list, says that this is a page of the sources. */
export function sources(list, total = 0) {
  if (!list || !list.length) return '';
  return `<details class="evidence" open><summary>${evidenceCount(list.length, total)}</summary><ul>${sourceItems(list)}</ul></details>`;
}

/** Shows a failed request where the content would have been. */
export function failure(element, error) {
  element.innerHTML = `<p class="error" role="alert">${esc(error.message || error)}</p>`;
}

const TYPE_LABEL = { province: 'Province', official: 'Official', agreement: 'Agreement', project: 'Project', article: 'Article' };

/**
 * A search box over provinces, officials, agreements and projects (`/search`), as an ARIA
 * combobox: arrows move through the hits, Enter opens one, Escape closes the list.
 */
export function searchBox(container) {
  container.innerHTML = `
    <label for="q" class="visually-hidden">Search provinces, officials, agreements, projects</label>
    <input id="q" type="search" placeholder="Search: Khăm Muộn, Hà Tĩnh, giáo dục…" autocomplete="off"
      role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="hits">
    <ul id="hits" role="listbox" aria-label="Search results" hidden></ul>`;
  const input = container.querySelector('input');
  const list = container.querySelector('ul');
  let hits = [];
  let active = -1;
  let timer = 0;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    list.querySelectorAll('[role=option]').forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `hit-${i}`);
  };
  const open = (i) => {
    if (hits[i]) window.location.href = entityHref(hits[i].type, hits[i].id);
  };
  const render = () => {
    list.innerHTML = hits.length
      ? hits
          .map(
            (h, i) => `<li id="hit-${i}" role="option" aria-selected="false"><a href="${entityHref(h.type, h.id)}" tabindex="-1">
              <span class="hit-type">${TYPE_LABEL[h.type] || esc(h.type)}</span> <span lang="vi">${esc(h.label)}</span>
              ${h.detail ? `<span class="alt">${esc(h.detail)}</span>` : ''}</a></li>`,
          )
          .join('')
      : '<li class="none" role="option" aria-disabled="true">Nothing found</li>';
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const ask = async () => {
    const q = input.value.trim();
    if (!q) return close();
    const mine = ++asked;
    try {
      const body = await api('/search', { q, limit: 12, type: ['province', 'official', 'agreement', 'project'] });
      if (mine !== asked) return;
      hits = body.items;
      active = -1;
      render();
    } catch (error) {
      if (mine === asked) {
        hits = [];
        list.innerHTML = `<li class="none" role="option" aria-disabled="true">${esc(error.message)}</li>`;
        list.hidden = false;
      }
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 200);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      if (list.hidden) render();
      highlight((active + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      highlight(active <= 0 ? hits.length - 1 : active - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(active >= 0 ? active : 0);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  list.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the input
  document.addEventListener('click', (e) => {
    if (!container.contains(e.target)) close();
  });
  return input;
}
