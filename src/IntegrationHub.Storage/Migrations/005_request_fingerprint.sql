-- What each decided request asked for (a hash without its request id), so a request id reused for a different
-- visitor or lead is refused. Decisions stored before this column have none and are answered as before.
ALTER TABLE decisions ADD COLUMN request_fingerprint TEXT
