-- The whole warehouse schema and the contract views, applied on every open (idempotent).
-- Keys are documented, not enforced: DuckDB's unique indexes reject a delete and re-insert of
-- the same key inside one transaction, which is exactly how a changed file is replaced. Tests
-- assert the keys are unique.
-- Long text (article text, evidence sentences) is stored with zstd: each batch's checkpoint
-- compresses it at half the cost of the default string compression's analysis, and the file
-- comes out a third smaller (8,000 generated articles: 0.67 -> 0.37 ms a file, 67 -> 42 MB).

-- One row per pipeline run. Key: run_id.
CREATE TABLE IF NOT EXISTS runs (
    run_id          VARCHAR,      -- time-ordered id, e.g. 20261123T071805-3f2a
    started_at      TIMESTAMP,
    finished_at     TIMESTAMP,    -- NULL while running, or if the run was killed
    status          VARCHAR,      -- running | completed | failed
    folder          VARCHAR,      -- the folder that was ingested
    files_seen      INTEGER,
    files_new       INTEGER,
    files_changed   INTEGER,
    files_unchanged INTEGER,
    files_rejected  INTEGER,
    articles_loaded INTEGER,
    records         INTEGER,
    metrics         INTEGER,
    seconds         DOUBLE,
    version         VARCHAR,      -- pipeline version that ran
    options         JSON,         -- command-line options of the run
    error           VARCHAR       -- why a failed run failed
);

-- What the warehouse holds of each file; drives incremental runs. Key: path.
CREATE TABLE IF NOT EXISTS files (
    path         VARCHAR,     -- relative to the ingested folder
    size         BIGINT,
    mtime_ns     BIGINT,
    content_hash VARCHAR,     -- sha256 of the bytes; NULL for a file too large to read
    status       VARCHAR,     -- loaded | rejected | partial (some records of a JSONL rejected)
    articles     INTEGER,
    run_id       VARCHAR,     -- the run that last loaded it
    loaded_at    TIMESTAMP,
    extractor    VARCHAR      -- the extractor version that loaded it (code, lexicons, libraries):
                              -- a run re-extracts a file loaded under another one
);
-- warehouses made before the column existed: their files are re-extracted once
ALTER TABLE files ADD COLUMN IF NOT EXISTS extractor VARCHAR;

-- One row per article (a file, or one record of a JSON Lines / JSON array file). Key: article_id.
CREATE TABLE IF NOT EXISTS articles (
    article_id    VARCHAR,    -- path, or path#N for record N of a multi-record file
    path          VARCHAR,
    record_no     INTEGER,
    source_format VARCHAR,    -- html | text | news-please | trafilatura-json | plain-json | wordpress-json
    title         VARCHAR,    -- the headline: the page or record title, or a text file's first line when it is one
    url           VARCHAR,    -- the page's own URL as found (canonical link, og:url, record url)
    canonical_url VARCHAR,    -- url canonicalised
    cited_url     VARCHAR,    -- canonical URL of the original this article cites
    story_id      VARCHAR,    -- see stories
    story_method  VARCHAR,    -- cited_url | own_url | fingerprint | singleton
    lang          VARCHAR,    -- vi | en | fr | id | fa
    lang_prob     DOUBLE,
    published     DATE,
    encoding      VARCHAR,
    text          VARCHAR USING COMPRESSION zstd,  -- cleaned text; metric offsets point into it
    n_chars       INTEGER,
    dropped_lines INTEGER,    -- boilerplate lines removed
    fingerprint   VARCHAR,    -- sorted numerals of the text, to group translations citing no URL
    content_hash  VARCHAR,
    run_id        VARCHAR
);

-- One row per story: a press release and its translations. Key: story_id.
CREATE TABLE IF NOT EXISTS stories (
    story_id      VARCHAR,    -- s_ + sha1 of the canonical source URL (or of the article id)
    canonical_url VARCHAR,
    method        VARCHAR     -- cited_url | own_url | fingerprint | singleton
);

-- One row per model (or place-wide set of figures) per article. Key: record_id.
CREATE TABLE IF NOT EXISTS records (
    record_id     VARCHAR,    -- article_id + '/' + seq
    article_id    VARCHAR,
    path          VARCHAR,
    story_id      VARCHAR,
    lang          VARCHAR,
    seq           INTEGER,    -- order in the article
    model_name    VARCHAR,    -- NULL: figures for a place as a whole
    quoted        BOOLEAN,    -- the name was written in quotes
    organisation  VARCHAR,
    field         VARCHAR,    -- economy | culture_society | security_order | party_building
    province      VARCHAR,    -- names in ASCII without tone marks or level words
    district      VARCHAR,
    commune       VARCHAR,
    village       VARCHAR,
    province_code VARCHAR,
    district_code VARCHAR,
    commune_code  VARCHAR,
    province_2025 VARCHAR,    -- the province on the map in force since 2025-07-01
    commune_2025  VARCHAR,
    resolved_by   VARCHAR,    -- how the locality was resolved
    year          INTEGER,    -- year the model started or its figures refer to
    year_from     INTEGER,
    year_to       INTEGER
);

-- One row per metric. Key: metric_id.
CREATE TABLE IF NOT EXISTS metrics (
    metric_id  VARCHAR,       -- record_id + '/' + seq
    record_id  VARCHAR,
    article_id VARCHAR,
    path       VARCHAR,
    seq        INTEGER,
    metric     VARCHAR,       -- vocabulary key: households, hectares, km, vnd, models, ...
    value      DOUBLE,        -- km, hectares and VND after conversion; counts otherwise
    qualifier  VARCHAR,       -- exact | more_than | approx | at_least | less_than | range
    unit       VARCHAR,       -- km | ha | VND | t, NULL for counts
    year       INTEGER,       -- the year the figure refers to, where the sentence says
    surface    VARCHAR,       -- the words read: "plus de 300 patrouilles"
    evidence   VARCHAR USING COMPRESSION zstd,  -- the sentence
    start_char INTEGER,       -- offsets of surface in articles.text
    end_char   INTEGER
);

-- Files or records not loaded, and why; only the latest verdict per path is kept.
CREATE TABLE IF NOT EXISTS rejections (
    path         VARCHAR,
    article_id   VARCHAR,     -- set when one record of a multi-record file was rejected
    code         VARCHAR,     -- empty | binary | undecodable | too_large | malformed_json |
                              -- malformed_html | no_article | unsupported_language |
                              -- unsupported_format | read_error | too_short | extract_error
    reason       VARCHAR,
    size         BIGINT,
    content_hash VARCHAR,
    run_id       VARCHAR,
    rejected_at  TIMESTAMP
);

-- Contract view: one row per record per article.
CREATE OR REPLACE VIEW record_facts AS
SELECT a.path, a.lang, a.story_id, r.model_name, r.field,
       r.province, r.district, r.commune, r.village, r.year,
       r.quoted, r.organisation, r.record_id, r.article_id
FROM records r JOIN articles a ON a.article_id = r.article_id;

-- Contract view: one row per metric per article, with its record's fields.
CREATE OR REPLACE VIEW metric_facts AS
SELECT a.path, a.lang, a.story_id, r.model_name, r.field,
       r.province, r.district, r.commune, r.village, r.year,
       m.metric, m.value, m.qualifier, m.unit, m.evidence,
       m.surface, m.year AS metric_year, m.start_char, m.end_char,
       m.metric_id, r.record_id, a.article_id
FROM metrics m
JOIN records r ON r.record_id = m.record_id
JOIN articles a ON a.article_id = m.article_id;

-- Stories with their translations.
CREATE OR REPLACE VIEW story_summary AS
SELECT s.story_id, s.canonical_url, s.method,
       count(a.article_id) AS n_articles,
       list(DISTINCT a.lang ORDER BY a.lang) AS languages,
       min(a.published) AS published
FROM stories s LEFT JOIN articles a ON a.story_id = s.story_id
GROUP BY ALL;

-- One row per fact-bearing record of a story, its translations aligned. Key: story_record_id.
CREATE TABLE IF NOT EXISTS story_records (
    story_record_id VARCHAR,   -- story_id + '/' + seq
    story_id        VARCHAR,
    seq             INTEGER,
    model_name      VARCHAR,   -- in the language of the first article (the original if loaded)
    model_names     JSON,      -- {"fr": "...", "id": "..."}: each language's name
    quoted          BOOLEAN,
    field           VARCHAR,   -- fields below are voted over the aligned records
    province        VARCHAR,
    district        VARCHAR,
    commune         VARCHAR,
    village         VARCHAR,
    province_code   VARCHAR,
    district_code   VARCHAR,
    commune_code    VARCHAR,
    province_2025   VARCHAR,
    commune_2025    VARCHAR,
    year            INTEGER,
    year_from       INTEGER,
    year_to         INTEGER,
    n_articles      INTEGER,   -- articles that report this record
    languages       VARCHAR[],
    record_ids      VARCHAR[]  -- the article-level records aligned here
);

-- One row per fact of a story: sum these to count each fact once. Key: story_metric_id.
CREATE TABLE IF NOT EXISTS story_metrics (
    story_metric_id VARCHAR,
    story_record_id VARCHAR,
    story_id        VARCHAR,
    metric          VARCHAR,   -- the key most translations give
    value           DOUBLE,
    qualifier       VARCHAR,   -- voted
    unit            VARCHAR,
    year            INTEGER,
    n_articles      INTEGER,   -- translations that agree on this value
    languages       VARCHAR[],
    conflict        BOOLEAN,   -- translations name the value differently ("73 sujets" / "73 kasus")
    keys            VARCHAR[], -- every key given
    evidence        VARCHAR USING COMPRESSION zstd,  -- the sentence, from the first article that reports it
    metric_ids      VARCHAR[]
);

-- Story-level facts with their record's fields: one row per fact, however many translations.
CREATE OR REPLACE VIEW story_metric_facts AS
SELECT r.story_id, r.model_name, r.field, r.province, r.district, r.commune, r.village,
       coalesce(m.year, r.year) AS year, m.metric, m.value, m.qualifier, m.unit,
       m.n_articles, m.languages, m.conflict, m.keys, m.evidence,
       r.province_2025, r.commune_2025, r.model_names, m.story_metric_id, r.story_record_id
FROM story_metrics m JOIN story_records r ON r.story_record_id = m.story_record_id;
