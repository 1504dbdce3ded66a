-- Run once by the image's entrypoint on the first start (AddPostgres(...).WithInitFiles("postgres-init")).
CREATE TABLE seeded (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO seeded (id, name) VALUES (1, 'engs-seeded-by-init-file'), (2, 'engs-second-row');
