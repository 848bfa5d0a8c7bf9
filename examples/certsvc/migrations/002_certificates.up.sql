CREATE TABLE certificates (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    common_name text NOT NULL,
    not_after  timestamptz NOT NULL,
    revoked    boolean NOT NULL DEFAULT false
);
CREATE INDEX certificates_not_after ON certificates (not_after);
