SELECT id, amount, note, flagged FROM sales ORDER BY id;
