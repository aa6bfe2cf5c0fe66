CREATE TYPE tier AS ENUM ('free', 'pro', 'team', 'legacy');
CREATE DOMAIN paid_tier AS tier
    CONSTRAINT paid_tier_not_free CHECK (VALUE <> 'free');
CREATE DOMAIN billed_tier AS paid_tier DEFAULT 'pro';
COMMENT ON DOMAIN billed_tier IS 'a tier that is billed';
CREATE TABLE accounts (
    id integer PRIMARY KEY,
    plan billed_tier NOT NULL,
    history billed_tier[],
    base paid_tier
);
CREATE VIEW pro_accounts AS SELECT id, plan FROM accounts WHERE plan::tier = 'pro';
