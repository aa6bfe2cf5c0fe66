INSERT INTO crm.accounts VALUES (1, 'Acme'), (2, 'Globex');
