INSERT INTO crm.deals (stage, amount) VALUES ('lead', 10), ('won', 250);
