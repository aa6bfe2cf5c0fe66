SELECT id, email, phone, api_token FROM contacts ORDER BY id;
