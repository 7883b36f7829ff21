// Self-test of the Cypher lint: `node --test tools/`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import {
  findCypherFiles,
  lintText,
  loadVocabulary,
  main,
  queryParameters,
  writeGenerated,
} from './lint_cypher.mjs';

const vocabulary = loadVocabulary();
const lint = (text, name = 'query.cypher') => lintText(text, { name, vocabulary });
const messages = (problems) => problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n');

function tempTree(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cypher-lint-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function sink() {
  const chunks = [];
  return { write: (s) => chunks.push(s), text: () => chunks.join('') };
}

describe('functions', () => {
  it('accepts built-ins such as type, coalesce and collect', () => {
    const problems = lint(
      'MATCH (a:Province)-[r:PARTNERS_WITH]->(b:Province)\n' +
        'RETURN type(r) AS t, coalesce(a.name_vi, a.name_en) AS name, collect(b.id) AS partners',
    );
    assert.deepEqual(problems, [], messages(problems));
  });

  it('flags label(), which Neo4j does not have (LadybugDB does)', () => {
    const problems = lint('MATCH (a:Province)-[r:PARTNERS_WITH]->(b:Province)\nRETURN label(r) AS t');
    assert.equal(problems.length, 1, messages(problems));
    assert.equal(problems[0].line, 2);
    assert.equal(problems[0].severity, 'error');
    assert.match(problems[0].message, /^Function label is not present in the database/);
  });

  it('flags list_concat()', () => {
    const problems = lint('RETURN list_concat([1], [2]) AS xs');
    assert.match(messages(problems), /Function list_concat is not present/);
  });

  it('accepts APOC core and rejects GDS, which the image does not install', () => {
    assert.deepEqual(lint('RETURN apoc.coll.flatten([[1], [2]], false) AS xs'), []);
    assert.match(messages(lint('RETURN gds.similarity.cosine([1.0], [1.0]) AS s')), /not present/);
  });

  it('checks argument counts and deprecations', () => {
    assert.match(messages(lint("RETURN toUpper('a', 'b') AS s")), /Too many parameters/);
    assert.match(messages(lint('MATCH (n:Province) RETURN id(n) AS i')), /deprecated/);
  });

  it('flags unknown procedures', () => {
    assert.deepEqual(lint('CALL db.awaitIndexes(300)'), []);
    assert.match(messages(lint('CALL db.noSuchThing()')), /Procedure db.noSuchThing is not present/);
  });
});

describe('syntax and semantics', () => {
  it('reports syntax errors at their line', () => {
    const problems = lint('MATCH (p:Province)\nWHERE p.id = $id\nRETURN p.id AS id,, p.iso AS iso');
    assert.equal(problems.length, 1, messages(problems));
    assert.equal(problems[0].line, 3);
    assert.equal(problems[0].severity, 'error');
  });

  it('runs the semantic analysis (undefined variable), so it works on this Node version', () => {
    const problems = lint('MATCH (p:Province) WITH p.id AS id RETURN q');
    assert.match(messages(problems), /Variable `q` not defined/);
  });

  it('reports the cartesian-product notification Neo4j gives', () => {
    const problems = lint(
      'UNWIND $rows AS row\nMATCH (a:Province {id: row.src}), (b:Project {id: row.dst})\n' +
        'CREATE (a)-[:FUNDED]->(b)',
    );
    assert.match(messages(problems), /cartesian product/);
    const fixed = lint(
      'UNWIND $rows AS row\nMATCH (a:Province {id: row.src})\nMATCH (b:Project {id: row.dst})\n' +
        'CREATE (a)-[:FUNDED]->(b)',
    );
    assert.deepEqual(fixed, [], messages(fixed));
  });
});

describe('parameters', () => {
  it('collects and declares every $parameter, and only real ones', () => {
    const q = "MATCH (p:Province {id: $id}) WHERE p.iso IN $isos RETURN '$notAParam' AS s";
    assert.deepEqual(queryParameters(q).sort(), ['id', 'isos']);
    assert.deepEqual(lint(q), []);
  });
});

describe('vocabulary', () => {
  it('warns on a misspelt label, relationship type or property', () => {
    assert.match(messages(lint('MATCH (p:Provinces) RETURN p.id AS id')), /Label Provinces is not present/);
    assert.match(
      messages(lint('MATCH (a:Province)-[:PARTNER_WITH]->(b:Province) RETURN b.id AS id')),
      /PARTNER_WITH is not present/,
    );
    const typo = lint('MATCH (p:Province) RETURN p.nmae_vi AS name');
    assert.equal(typo.length, 1, messages(typo));
    assert.match(typo[0].message, /^nmae_vi is not present/);
  });

  it('warns on a relationship between the wrong labels', () => {
    const problems = lint('MATCH (o:Official)-[:FUNDED]->(p:Project) RETURN p.id AS id');
    assert.ok(problems.length > 0, 'Official-[:FUNDED]->Project should not pass');
  });

  it('does not mistake keys of an UNWIND map for node properties', () => {
    const problems = lint(
      'UNWIND $rows AS row\nMATCH (a:Province {id: row.src})-[r:PARTNERS_WITH]->(b:Province {id: row.dst})\n' +
        'RETURN a.id AS src, b.id AS dst, row.anything AS x',
    );
    assert.deepEqual(problems, [], messages(problems));
  });
});

describe('files', () => {
  const schema = [
    '// Neo4j 5 schema; one statement per line',
    'CREATE CONSTRAINT province_id IF NOT EXISTS FOR (n:Province) REQUIRE n.id IS UNIQUE;',
    '',
    '/* an index */',
    'CREATE INDEX province_iso IF NOT EXISTS FOR (n:Province) ON (n.iso);',
    '// trailing comment',
    '',
  ].join('\n');

  it('lints a multi-statement schema file', () => {
    assert.deepEqual(lint(schema, 'schema.neo4j.cypher'), []);
  });

  it('reports positions within the file for later statements', () => {
    const text = '// two statements\nRETURN 1 AS a; RETURN label(1) AS b;\n\nRETURN list_concat([1]) AS c;\n';
    const problems = lint(text, 'schema.neo4j.cypher');
    assert.deepEqual(
      problems.map((p) => [p.line, p.column]),
      [
        [2, 23],
        [4, 8],
      ],
      messages(problems),
    );
  });

  it('allows one statement per query file', () => {
    const problems = lint('MATCH (p:Province) RETURN p.id AS id;\nMATCH (a:Article) RETURN a.id AS id');
    assert.match(messages(problems), /2 statements in a query file/);
    assert.match(messages(lint('// nothing here\n')), /no Cypher statement/);
  });

  it('flags a schema file that splitting on ";" would cut wrongly', () => {
    const bad = "CREATE INDEX a IF NOT EXISTS FOR (n:Province) ON (n.iso); // note; more\n";
    assert.match(messages(lint(bad, 'schema.neo4j.cypher')), /splitting on ';'/);
  });

  it('skips LadybugDB-only files and reports file:line for each problem', () => {
    const dir = tempTree({
      'schema.neo4j.cypher': schema,
      'schema.ladybug.cypher': 'CREATE NODE TABLE IF NOT EXISTS X(id STRING, PRIMARY KEY(id));',
      'read/ok.cypher': 'MATCH (p:Province {id: $id}) RETURN p.name_vi AS name',
      'read/bad.cypher': '// kind of each partnership\nMATCH ()-[r:PARTNERS_WITH]->()\nRETURN label(r) AS t',
      'read/edges.ladybug.cypher': 'MATCH ()-[r]->() RETURN label(r) AS t',
    });
    const files = findCypherFiles([dir]).map((f) => path.relative(dir, f));
    assert.deepEqual(files, ['read/bad.cypher', 'read/ok.cypher', 'schema.neo4j.cypher']);

    const out = sink();
    const err = sink();
    assert.equal(main([dir], { out, err, cwd: dir }), 1);
    assert.match(out.text(), /^read\/bad\.cypher:3:8: error: Function label is not present/m);
    assert.equal(out.text().trim().split('\n').length, 1, out.text());
    assert.match(err.text(), /3 files, 1 problem/);

    fs.rmSync(path.join(dir, 'read/bad.cypher'));
    const out2 = sink();
    assert.equal(main([dir], { out: out2, err: sink(), cwd: dir }), 0);
    assert.match(out2.text(), /2 files, 0 problems/);
    fs.rmSync(dir, { recursive: true });
  });

  it('fails when there is nothing to lint', () => {
    const dir = tempTree({ 'only.ladybug.cypher': 'RETURN 1' });
    const err = sink();
    assert.equal(main([dir], { out: sink(), err, cwd: dir }), 2);
    assert.match(err.text(), /no Neo4j \*\.cypher files/);
    fs.rmSync(dir, { recursive: true });
  });

  it('lints the generated statements from a temporary folder it removes (--generated)', () => {
    const dir = writeGenerated();
    const names = findCypherFiles([dir]).map((f) => path.relative(dir, f));
    assert.ok(names.includes('write/create_Article.cypher') && names.includes('read/export_LED.cypher'));
    fs.rmSync(dir, { recursive: true });
    const empty = tempTree({ 'read/ok.cypher': 'MATCH (p:Province {id: $id}) RETURN p.name_vi AS name' });
    const out = sink();
    assert.equal(main(['--generated', empty], { out, err: sink(), cwd: empty }), 0, out.text());
    assert.match(out.text(), /cypher lint: \d{3} files, 0 problems/);
    fs.rmSync(empty, { recursive: true });
  });
});
