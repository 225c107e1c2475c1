-- QA runs: one row per saved report; the report itself is kept as its JSON text,
-- with the columns the list shows and sorts by beside it.
CREATE TABLE qa_reports (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    device         TEXT    NOT NULL,
    wechat_version TEXT,
    simulated      INTEGER NOT NULL,
    ok             INTEGER NOT NULL,
    cancel         INTEGER NOT NULL,
    fail           INTEGER NOT NULL,
    not_run        INTEGER NOT NULL,
    report         TEXT    NOT NULL
);

CREATE INDEX qa_reports_by_device ON qa_reports (device, wechat_version, created_at);
