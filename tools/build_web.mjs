// Copies the explorer's and /docs' browser assets from npm packages into the Python
// package (app/web/static/vendor/), so the served pages need no network and a wheel
// carries them: `npm ci && npm run build:web`. The output is committed; run this again
// after changing a version in package.json (`--check` fails when the output is stale).
//
// Besides plain copies, it cuts Vietnam, Laos and their neighbours out of Natural Earth's
// 1:50m countries (npm `world-atlas`, TopoJSON) into one small GeoJSON file, with
// coordinates rounded to ~100 m: the map draws these outlines instead of tiles.
import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'app', 'web', 'static', 'vendor');
const check = process.argv.includes('--check');

const pkgDir = (name) => join(ROOT, 'node_modules', name); // installed by npm ci (package-lock.json)
const version = (name) => JSON.parse(readFileSync(join(pkgDir(name), 'package.json'), 'utf8')).version;

// [package, file in the package, name under vendor/]
const COPIES = [
  ['leaflet', 'dist/leaflet.js', 'leaflet/leaflet.js'],
  ['leaflet', 'dist/leaflet.css', 'leaflet/leaflet.css'],
  ['leaflet', 'LICENSE', 'leaflet/LICENSE'],
  ['cytoscape', 'dist/cytoscape.min.js', 'cytoscape/cytoscape.min.js'],
  ['cytoscape', 'LICENSE', 'cytoscape/LICENSE'],
  ['swagger-ui-dist', 'swagger-ui-bundle.js', 'swagger-ui/swagger-ui-bundle.js'],
  ['swagger-ui-dist', 'swagger-ui.css', 'swagger-ui/swagger-ui.css'],
  ['swagger-ui-dist', 'favicon-32x32.png', 'swagger-ui/favicon-32x32.png'],
  ['swagger-ui-dist', 'LICENSE', 'swagger-ui/LICENSE'],
  ['swagger-ui-dist', 'NOTICE', 'swagger-ui/NOTICE'],
  ['world-atlas', 'LICENSE', 'world-atlas/LICENSE'],
];

// ISO 3166-1 numeric ids in world-atlas: the two countries, then the neighbours drawn as context.
const COUNTRIES = { 704: 'VN', 418: 'LA', 764: 'TH', 116: 'KH', 156: 'CN', 104: 'MM' };

function outlines() {
  const topo = JSON.parse(readFileSync(join(pkgDir('world-atlas'), 'countries-50m.json'), 'utf8'));
  const all = feature(topo, topo.objects.countries).features;
  const round = (c) => (typeof c[0] === 'number' ? [+c[0].toFixed(3), +c[1].toFixed(3)] : c.map(round));
  const features = all
    .filter((f) => f.id in COUNTRIES)
    .map((f) => ({
      type: 'Feature',
      id: COUNTRIES[f.id],
      properties: { code: COUNTRIES[f.id], name: f.properties.name },
      geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return JSON.stringify({
    type: 'FeatureCollection',
    source: `Natural Earth 1:50m via world-atlas ${version('world-atlas')} (public domain)`,
    features,
  });
}

function outputs() {
  const files = new Map();
  for (const [pkg, file, target] of COPIES) files.set(target, readFileSync(join(pkgDir(pkg), file)));
  files.set('countries.geojson', Buffer.from(outlines()));
  // Leaflet's default marker images are not used (markers are div icons), so not copied.
  const versions = Object.fromEntries(
    [...new Set(COPIES.map(([p]) => p))].sort().map((p) => [p, version(p)]),
  );
  files.set('VERSIONS.json', Buffer.from(JSON.stringify(versions, null, 2) + '\n'));
  return files;
}

function listed(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(OUT, join(e.parentPath ?? e.path, e.name)));
}

const files = outputs();
if (check) {
  const stale = [...files].filter(([t, b]) => !existsSync(join(OUT, t)) || !readFileSync(join(OUT, t)).equals(b));
  const extra = listed(OUT).filter((t) => !files.has(t));
  if (stale.length || extra.length) {
    console.error(`app/web/static/vendor is stale (run npm run build:web): ${[...stale.map(([t]) => t), ...extra].join(', ')}`);
    process.exit(1);
  }
  console.log(`app/web/static/vendor is current (${files.size} files)`);
} else {
  rmSync(OUT, { recursive: true, force: true });
  for (const [target, body] of files) {
    mkdirSync(dirname(join(OUT, target)), { recursive: true });
    writeFileSync(join(OUT, target), body);
  }
  console.log(`wrote ${files.size} files to ${relative(ROOT, OUT)}`);
}
