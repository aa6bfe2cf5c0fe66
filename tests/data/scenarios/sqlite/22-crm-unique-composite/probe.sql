SELECT id, company_id, code, email FROM contacts ORDER BY id;
