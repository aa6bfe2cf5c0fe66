SELECT post_id, tag_id FROM post_tags ORDER BY post_id, tag_id;
