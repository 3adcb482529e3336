-- Tables this service owns, copied from the monolith by strangler extract.

-- references to users removed: another service owns them
CREATE TABLE IF NOT EXISTS notification_preferences (
  user_id          INTEGER PRIMARY KEY,
  email_enabled    INTEGER NOT NULL DEFAULT 1,
  sms_enabled      INTEGER NOT NULL DEFAULT 0,
  marketing_opt_in INTEGER NOT NULL DEFAULT 0
);
