-- +cdb upgrade
DROP TRIGGER "accounts_audit";
-- rebuild table 'audit_log' (add check constraint (account_id > 0) on 'audit_log')
CREATE TABLE "_cdb_new_audit_log" (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    old_balance INTEGER,
    new_balance INTEGER,
    note TEXT,
    CHECK (account_id > 0)
);
INSERT INTO "_cdb_new_audit_log" ("id", "account_id", "old_balance", "new_balance", "note") SELECT "id", "account_id", "old_balance", "new_balance", "note" FROM "audit_log";
DROP TABLE "audit_log";
ALTER TABLE "_cdb_new_audit_log" RENAME TO "audit_log";
CREATE TRIGGER accounts_audit AFTER UPDATE OF balance ON accounts
BEGIN
    INSERT INTO "audit_log" (account_id, old_balance, new_balance, note)
    VALUES (NEW.id, OLD.balance, NEW.balance, 'audit_log entry');
END;


-- +cdb downgrade
DROP TRIGGER "accounts_audit";
-- rebuild table 'audit_log' (drop check constraint (account_id > 0) on 'audit_log')
CREATE TABLE "_cdb_new_audit_log" (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    old_balance INTEGER,
    new_balance INTEGER,
    note TEXT
);
INSERT INTO "_cdb_new_audit_log" ("id", "account_id", "old_balance", "new_balance", "note") SELECT "id", "account_id", "old_balance", "new_balance", "note" FROM "audit_log";
DROP TABLE "audit_log";
ALTER TABLE "_cdb_new_audit_log" RENAME TO "audit_log";
CREATE TRIGGER accounts_audit AFTER UPDATE OF balance ON accounts
BEGIN
    INSERT INTO "audit_log" (account_id, old_balance, new_balance, note)
    VALUES (NEW.id, OLD.balance, NEW.balance, 'audit_log entry');
END;

