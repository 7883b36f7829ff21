// LadybugDB (embedded) schema. Applied statement by statement on first use; every
// statement is idempotent. Keep in step with schema.neo4j.cypher and docs/model.md.
// `sources` holds Article ids; `evidence` the sentence from each source (same order);
// `spans` "start:end:zone:rule" offsets of that sentence in the article text. `Article.cites`
// holds the keys of the facts an article supports ("Label|id", "TYPE|src|dst"), so its facts
// are found by key (app/graph.py); a vlkg-graph/2 store gets it by ALTER TABLE (app/store/migrate.py).
CREATE NODE TABLE IF NOT EXISTS Province(id STRING, iso STRING, country STRING, name_en STRING, name_vi STRING, name_native STRING, kind STRING, aliases STRING[], search STRING, lat DOUBLE, lon DOUBLE, wikidata STRING, valid_from STRING, valid_to STRING, current BOOLEAN, PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS Article(id STRING, source STRING, url STRING, title STRING, published STRING, year INT64, outlet STRING, language STRING, cites STRING[], PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS Official(id STRING, name STRING, search STRING, organisation STRING, confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[], PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS Agreement(id STRING, kind STRING, signed_year INT64, signed_date STRING, period_start INT64, period_end INT64, fields STRING[], sectors STRING[], count INT64, confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[], PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS Project(id STRING, description STRING, amount DOUBLE, currency STRING, qualifier STRING, year_start INT64, year_end INT64, per_year BOOLEAN, in_kind STRING, confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[], PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS Event(id STRING, kind STRING, date STRING, year INT64, confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[], PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS DistrictPartnership(id STRING, vn_district STRING, la_district STRING, first_year INT64, last_year INT64, confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[], PRIMARY KEY(id));
CREATE REL TABLE IF NOT EXISTS PARTNERS_WITH(FROM Province TO Province, first_year INT64, last_year INT64, article_count INT64, kinds STRING[], confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[]);
CREATE REL TABLE IF NOT EXISTS PARTY_TO(FROM Province TO Agreement, confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[]);
CREATE REL TABLE IF NOT EXISTS OFFICIAL_OF(FROM Official TO Province, positions STRING[], first_year INT64, last_year INT64, confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[]);
CREATE REL TABLE IF NOT EXISTS SIGNED(FROM Official TO Agreement, confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[]);
CREATE REL TABLE IF NOT EXISTS LED(FROM Official TO Event, confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[]);
CREATE REL TABLE IF NOT EXISTS FUNDED(FROM Province TO Project, confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[]);
CREATE REL TABLE IF NOT EXISTS BENEFITS(FROM Project TO Province, confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[]);
CREATE REL TABLE IF NOT EXISTS HOSTED(FROM Province TO Event, confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[]);
CREATE REL TABLE IF NOT EXISTS VISITED(FROM Province TO Event, confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[]);
CREATE REL TABLE IF NOT EXISTS IN_PROVINCE(FROM DistrictPartnership TO Province, confidence DOUBLE, sources STRING[], evidence STRING[], spans STRING[]);
CREATE REL TABLE IF NOT EXISTS SUCCEEDED_BY(FROM Province TO Province, date STRING, note STRING);
CREATE NODE TABLE IF NOT EXISTS Meta(key STRING, value STRING, PRIMARY KEY(key));
