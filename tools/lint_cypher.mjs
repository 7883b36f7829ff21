#!/usr/bin/env node
// Lints every Cypher file meant for Neo4j with Neo4j's own Cypher front end
// (`lintCypherQuery` from @neo4j-cypher/language-support: the ANTLR grammar plus
// Neo4j's semantic analysis compiled to JavaScript).
//
//   node tools/lint_cypher.mjs [--vocabulary FILE | --no-vocabulary] [--generated] [PATH...]
//
// PATH defaults to `cypher/`. `--generated` also lints the statements vlkg builds from its
// model instead of keeping them as files (writes, export reads: app/store/statements.py):
// `python -m app.graph --out TMP` writes them to a temporary folder, linted and removed
// (Python: $VLKG_PYTHON, else the checkout's .venv, else python3). `npm run lint:cypher`
// passes it. folders are searched recursively for `*.cypher`, and files
// whose name contains `.ladybug.` (LadybugDB-only) are skipped. Every diagnostic fails the
// run and is printed as `file:line:col: severity: message`.
//
// What is checked, per file:
//  - syntax and semantics as Neo4j 5 sees them (CYPHER 5, the language of the `neo4j:5`
//    image): undefined variables, wrong argument counts, type errors, deprecations, ...;
//  - every function and procedure exists in Neo4j 5 with the APOC core plugin. The
//    registry is the dump of a real Neo4j server that the package ships (`testData`),
//    narrowed to built-ins and `apoc.*` (no GDS, no CDC). Without a registry the front end
//    accepts any function name, so this is what flags `label(r)` or `list_concat(...)`;
//  - labels, relationship types, property keys and relationship endpoints against the
//    graph model in tools/cypher_vocabulary.json (generated from app/graph.py by
//    tools/cypher_vocabulary.py), so a misspelt name is not silently null in Neo4j;
//  - `$parameters` are collected from each file and declared, so they never warn;
//  - a query file holds exactly one statement (the driver runs one statement per call);
//    a `schema*` file may hold several, and splitting it the way the app does (drop
//    `//` comment lines, split on `;`) must give the statements the parser sees.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  lintCypherQuery,
  parseParameters,
  parseStatementsStrs,
  testData,
} from '@neo4j-cypher/language-support';

export const CYPHER_VERSION = 'CYPHER 5';
const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..');
export const DEFAULT_VOCABULARY = path.join(HERE, 'cypher_vocabulary.json');

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

const keepFunction = (fn) => fn.isBuiltIn === true || fn.name.startsWith('apoc.');
const keepProcedure = (proc) => /^(db|dbms|tx|apoc)\./.test(proc.name);

function filterRegistry(scoped, keep) {
  const out = {};
  for (const [version, registry] of Object.entries(scoped ?? {})) {
    out[version] = Object.fromEntries(Object.entries(registry).filter(([, item]) => keep(item)));
  }
  return out;
}

let registryCache;
/** Functions and procedures of Neo4j 5 + APOC core, keyed by Cypher version. */
export function neo4jRegistry() {
  if (!registryCache) {
    const mock = testData?.mockSchema;
    if (!mock?.functions?.[CYPHER_VERSION] || !mock?.procedures?.[CYPHER_VERSION]) {
      throw new Error(
        '@neo4j-cypher/language-support no longer ships testData.mockSchema with ' +
          `${CYPHER_VERSION} functions and procedures; the function check needs a registry`,
      );
    }
    registryCache = {
      functions: filterRegistry(mock.functions, keepFunction),
      procedures: filterRegistry(mock.procedures, keepProcedure),
    };
  }
  return registryCache;
}

/** The graph vocabulary (labels, relationship types, properties, endpoints), or null. */
export function loadVocabulary(file = DEFAULT_VOCABULARY) {
  if (!file) return null;
  const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const key of ['labels', 'relationshipTypes', 'propertyKeys']) {
    if (!Array.isArray(raw[key])) throw new Error(`${file}: "${key}" must be a list`);
  }
  return {
    labels: raw.labels,
    relationshipTypes: raw.relationshipTypes,
    propertyKeys: raw.propertyKeys,
    ...(Array.isArray(raw.graphSchema) ? { graphSchema: raw.graphSchema } : {}),
  };
}

/** The `$parameter` names a query uses (from the parser, so strings and comments don't count). */
export function queryParameters(text) {
  return [...new Set(parseParameters(text, false))];
}

export function dbSchemaFor(text, vocabulary) {
  const { functions, procedures } = neo4jRegistry();
  const parameters = Object.fromEntries(queryParameters(text).map((name) => [name, null]));
  return { functions, procedures, parameters, defaultLanguage: CYPHER_VERSION, ...(vocabulary ?? {}) };
}

const stripComments = (s) => s.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');

/** The statements the Cypher parser finds (comment-only segments dropped). */
export function statementsOf(text) {
  return parseStatementsStrs(text).filter((s) => stripComments(s).trim().length > 0);
}

/**
 * The parser's statements with where each starts in the file (1-based line, 0-based column),
 * so each is linted on its own (a comment after the last `;` is then no stray statement).
 */
export function segmentsOf(text) {
  const segments = [];
  let cursor = 0;
  for (const part of parseStatementsStrs(text)) {
    let at = text.indexOf(part, cursor);
    if (at < 0) at = cursor;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    segments.push({ text: part, line: lineOf(text, at), column: at - lineStart });
    cursor = at + part.length;
  }
  return segments;
}

/** How app/store/cypher.py splits a script: drop `//` comment lines, split on `;`. */
function naiveSplit(text) {
  const kept = text
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim();
  return kept
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const PROPERTY_WARNING = /^(\S+) is not present in the database\./;
const GRAPH_TYPES = new Set(['Node', 'Relationship']);

/**
 * The front end (2.0.0-next.38) also reports a missing property key for `row.src` inside a
 * node pattern such as `(a:Province {id: row.src})`, where `row` is an UNWIND map, not a
 * node. Its own rule only concerns properties of nodes and relationships, so a warning whose
 * owner variable is typed otherwise (or is unknown) is dropped; `a.nme` on a node stays.
 */
function isSpuriousPropertyWarning(d, text, symbolTables) {
  if (d.severity !== 2 || !PROPERTY_WARNING.test(d.message)) return false;
  const start = d.offsets?.start;
  if (typeof start !== 'number' || text[start - 1] !== '.') return false;
  let varEnd = start - 1;
  let varStart = varEnd;
  if (text[varEnd - 1] === '`') {
    varStart = text.lastIndexOf('`', varEnd - 2);
  } else {
    while (varStart > 0 && /[\p{L}\p{N}_]/u.test(text[varStart - 1])) varStart--;
  }
  if (varStart < 0 || varStart === varEnd) return false;
  const owner = symbolTables
    .flat()
    .find((sym) => sym.definitionPosition === varStart || sym.references.includes(varStart));
  if (!owner) return true;
  return !(owner.types.length > 0 && owner.types.every((t) => GRAPH_TYPES.has(t)));
}

function lineOf(text, offset) {
  return text.slice(0, offset).split('\n').length;
}

/**
 * Lints one file's text. `name` decides whether several statements are allowed
 * (basename starting with `schema`). Returns [{line, column, severity, message}].
 */
export function lintText(text, { name = 'query.cypher', vocabulary = null } = {}) {
  const problems = [];
  const statements = statementsOf(text);
  const multi = path.basename(name).startsWith('schema');
  if (statements.length === 0) {
    problems.push({ line: 1, column: 1, severity: 'error', message: 'no Cypher statement in file' });
    return problems;
  }
  if (!multi && statements.length > 1) {
    const second = text.indexOf(statements[1].trim());
    problems.push({
      line: second >= 0 ? lineOf(text, second) : 1,
      column: 1,
      severity: 'error',
      message:
        `${statements.length} statements in a query file; the driver runs one statement per ` +
        'call (only schema* files may hold several, separated by `;`)',
    });
  }
  if (multi) {
    const naive = naiveSplit(text);
    if (naive.length !== statements.length) {
      problems.push({
        line: 1,
        column: 1,
        severity: 'error',
        message:
          `splitting on ';' gives ${naive.length} statements but the parser sees ` +
          `${statements.length}: a ';' inside a string or a comment after code?`,
      });
    }
  }
  for (const segment of segmentsOf(text)) {
    if (stripComments(segment.text).trim().length === 0) continue;
    const { diagnostics, symbolTables } = lintCypherQuery(segment.text, dbSchemaFor(segment.text, vocabulary), {
      consoleCommandsEnabled: false,
    });
    for (const d of diagnostics) {
      if (isSpuriousPropertyWarning(d, segment.text, symbolTables)) continue;
      const { line, character } = d.range.start;
      problems.push({
        line: segment.line + line,
        column: (line === 0 ? segment.column + character : character) + 1,
        severity: SEVERITY[d.severity] ?? 'error',
        message: d.message.replace(/\s*\n\s*/g, ' ').trim(),
      });
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return problems;
}

export const isLadybugOnly = (file) => path.basename(file).includes('.ladybug.');

/** Every `*.cypher` file under the given files/folders that is meant for Neo4j, sorted. */
export function findCypherFiles(paths) {
  const found = new Set();
  const walk = (p) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        walk(path.join(p, entry));
      }
    } else if (p.endsWith('.cypher') && !isLadybugOnly(p)) {
      found.add(p);
    }
  };
  for (const p of paths) walk(p);
  return [...found].sort();
}

export function lintFile(file, options = {}) {
  return lintText(fs.readFileSync(file, 'utf8'), { ...options, name: file });
}

function usage() {
  return 'usage: node tools/lint_cypher.mjs [--vocabulary FILE | --no-vocabulary] [--generated] [PATH...]';
}

/** The Python that can import vlkg: $VLKG_PYTHON, the checkout's .venv, or python3. */
function vlkgPython() {
  if (process.env.VLKG_PYTHON) return process.env.VLKG_PYTHON;
  const venv = path.join(REPO_ROOT, '.venv', 'bin', 'python');
  return fs.existsSync(venv) ? venv : 'python3';
}

/** Write the generated statements to a new temporary folder; returns it. */
export function writeGenerated(python = vlkgPython()) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vlkg-generated-cypher-'));
  const run = spawnSync(python, ['-m', 'app.graph', '--out', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`${python} -m app.graph --out failed: ${run.error?.message ?? run.stderr}`);
  }
  return dir;
}

export function main(argv, { out = process.stdout, err = process.stderr, cwd = process.cwd() } = {}) {
  let vocabularyFile = DEFAULT_VOCABULARY;
  let generated = false;
  const paths = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-vocabulary') vocabularyFile = null;
    else if (arg === '--generated') generated = true;
    else if (arg === '--vocabulary') vocabularyFile = argv[++i];
    else if (arg === '-h' || arg === '--help') {
      out.write(usage() + '\n');
      return 0;
    } else if (arg.startsWith('-')) {
      err.write(`unknown option ${arg}\n${usage()}\n`);
      return 2;
    } else paths.push(arg);
  }
  if (paths.length === 0) paths.push(path.join(REPO_ROOT, 'cypher'));
  let tmp = null;
  try {
    if (generated) {
      tmp = writeGenerated();
      paths.push(tmp);
    }
    return lintPaths(paths, vocabularyFile, { out, err, cwd });
  } catch (e) {
    err.write(`cypher lint: ${e.message}\n`);
    return 2;
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function lintPaths(paths, vocabularyFile, { out, err, cwd }) {
  let vocabulary = null;
  let files;
  try {
    if (vocabularyFile) vocabulary = loadVocabulary(vocabularyFile);
    files = findCypherFiles(paths.map((p) => path.resolve(cwd, p)));
  } catch (e) {
    err.write(`cypher lint: ${e.message}\n`);
    return 2;
  }
  if (files.length === 0) {
    err.write(`cypher lint: no Neo4j *.cypher files under ${paths.join(', ')}\n`);
    return 2;
  }
  let count = 0;
  for (const file of files) {
    const shown = path.relative(cwd, file) || file;
    for (const p of lintFile(file, { vocabulary })) {
      out.write(`${shown}:${p.line}:${p.column}: ${p.severity}: ${p.message}\n`);
      count++;
    }
  }
  const summary =
    `cypher lint: ${files.length} files, ${count} problem${count === 1 ? '' : 's'} ` +
    `(${CYPHER_VERSION}, functions and procedures of Neo4j 5 + APOC core` +
    `${vocabulary ? ', graph vocabulary ' + path.relative(cwd, vocabularyFile) : ''})\n`;
  (count ? err : out).write(summary);
  return count ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
