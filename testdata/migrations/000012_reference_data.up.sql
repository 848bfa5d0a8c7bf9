-- Reference data every installation starts with. COPY … FROM stdin carries
-- its rows inline, as pg_dump's plain format does.
INSERT INTO teams (id, slug, display, created_at) VALUES
    ('6f1c1c57-6e0a-4c55-9a55-0c7e5a3f0001', 'platform', 'Platform; Infra', '2024-01-01 00:00:00+00'),
    ('6f1c1c57-6e0a-4c55-9a55-0c7e5a3f0002', 'Payments', 'Payments ''n'' Billing', '2024-01-02 08:30:00+00')
ON CONFLICT (id) DO NOTHING;

COPY issuers (name, kind, directory, settings) FROM stdin;
letsencrypt	acme	https://acme-v02.api.letsencrypt.org/directory	{"eab": false, "contact": ["mailto:ops@example.com"]}
letsencrypt-staging	acme	https://acme-staging-v02.api.letsencrypt.org/directory	{"eab": false}
internal	internal-ca	\N	{"key": "ecdsa-p384", "path_len": 0}
\.

INSERT INTO users (team_id, email, full_name, is_admin, created_at, updated_at)
SELECT t.id, u.email, u.full_name, u.is_admin, '2024-01-03 12:00:00+00', '2024-01-03 12:00:00+00'
FROM (VALUES ('platform', 'Alice@Example.com', 'Alice Ops', true),
             ('platform', 'bob@example.com', NULL, false),
             ('payments', 'carol@example.com', 'Carol "CJ" Jones', false)) AS u (team, email, full_name, is_admin)
JOIN teams t ON t.slug = u.team
ON CONFLICT (email) DO NOTHING;

INSERT INTO certificates (id, team_id, issuer_id, common_name, serial_hex, state, algorithm, not_before, not_after, pem, fingerprint, labels, created_at, updated_at)
SELECT ('6f1c1c57-6e0a-4c55-9a55-0c7e5a3f1' || lpad(g::text, 3, '0'))::uuid,
       CASE WHEN g % 3 = 0 THEN '6f1c1c57-6e0a-4c55-9a55-0c7e5a3f0002'::uuid ELSE '6f1c1c57-6e0a-4c55-9a55-0c7e5a3f0001'::uuid END,
       1 + g % 3,
       'host-' || g || '.example.com',
       lpad(to_hex(g * 7919), 16, '0'),
       (ARRAY['active', 'expiring', 'expired', 'revoked', 'pending'])[1 + g % 5]::certificate_state,
       (ARRAY['ecdsa-p256', 'rsa-2048', 'ed25519'])[1 + g % 3]::key_algorithm,
       timestamptz '2024-01-01 00:00:00.123456+00' + g * interval '1 day 1.000001 second',
       timestamptz '2024-04-01 00:00:00+00' + g * interval '1 day',
       E'-----BEGIN CERTIFICATE-----\nMIIB' || g || E'\n-----END CERTIFICATE-----\n',
       digest('cert ' || g, 'sha256'),
       jsonb_build_object('env', CASE WHEN g % 2 = 0 THEN 'prod' ELSE 'staging' END, 'n', g),
       '2024-01-05 00:00:00+00', '2024-01-05 00:00:00+00'
FROM generate_series(1, 40) AS g
ON CONFLICT (id) DO NOTHING;

INSERT INTO certificate_sans (certificate_id, san)
SELECT id, 'www.' || common_name FROM certificates
ON CONFLICT DO NOTHING;
