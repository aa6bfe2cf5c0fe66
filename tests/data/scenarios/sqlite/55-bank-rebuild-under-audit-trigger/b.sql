CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, balance INTEGER NOT NULL DEFAULT 0);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    old_balance INTEGER,
    new_balance INTEGER,
    note TEXT,
    CHECK (account_id > 0)
);
CREATE TRIGGER accounts_audit AFTER UPDATE OF balance ON accounts
BEGIN
    INSERT INTO "audit_log" (account_id, old_balance, new_balance, note)
    VALUES (NEW.id, OLD.balance, NEW.balance, 'audit_log entry');
END;
