CREATE TABLE codes (
    id INTEGER PRIMARY KEY,   -- the key, (not a constraint)
    code TEXT NOT NULL CHECK (code NOT LIKE '%,)%'),
    /* a block comment, with a CHECK (x) inside */
    label TEXT DEFAULT 'a,b)c',
    CONSTRAINT "ck ""code"", format" CHECK (code GLOB '[A-Z]*' OR code = 'it''s (ok), really')
);
