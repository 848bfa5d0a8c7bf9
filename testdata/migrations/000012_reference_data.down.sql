DELETE FROM certificate_sans;
DELETE FROM certificates;
DELETE FROM users;
DELETE FROM issuers;
DELETE FROM teams;
