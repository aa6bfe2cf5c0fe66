SELECT id, body FROM drafts ORDER BY id;
SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END AS next_value FROM drafts_id_seq;
