DROP TRIGGER IF EXISTS certificates_touch ON certificates;
DROP TRIGGER IF EXISTS users_touch ON users;
DROP FUNCTION IF EXISTS touch_updated_at();
