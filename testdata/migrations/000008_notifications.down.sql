DROP TABLE IF EXISTS notifications_sent;
DROP TABLE IF EXISTS notification_rules;
DROP TABLE IF EXISTS notification_channels;
