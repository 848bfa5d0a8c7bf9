DROP TABLE IF EXISTS certificate_sans;
DROP TABLE IF EXISTS certificates;
DROP TABLE IF EXISTS issuers;
