#!/bin/sh
# Two `cdb upgrade head` at once: both exit 0, every revision applied once.
. "$TESTLIB"
new_project

n=25
i=1
while [ $i -le $n ]; do
	new_rev r -m "step $i"
	# Each step takes a moment so the two processes really overlap.
	set_sql "$r_path" "CREATE TABLE t$i (x);
WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < 20000)
INSERT INTO t$i SELECT k FROM c;" "DROP TABLE t$i;"
	i=$((i + 1))
done

for round in 1 2 3; do
	rm -f app.db
	"$CDB" upgrade head >a.out 2>a.err &
	pa=$!
	"$CDB" upgrade head >b.out 2>b.err &
	pb=$!
	wait $pa
	sa=$?
	wait $pb
	sb=$?
	check "round $round: first upgrade exits 0" test "$sa" = 0
	check "round $round: second upgrade exits 0" test "$sb" = 0
	[ "$sa" = 0 ] && [ "$sb" = 0 ] || { cat a.err b.err | sed 's/^/# /'; }
	check_sql "round $round: each revision applied once" app.db \
		"SELECT count(*), count(DISTINCT revision) FROM cdb_history WHERE direction = 'up'" "$n|$n"
	check_sql "round $round: at head" app.db "SELECT count(*) FROM cdb_version" 1
	check_sql "round $round: every table filled once" app.db "SELECT count(*) FROM t$n" 20000
	check "round $round: the progress lines add up to $n" test "$(cat a.out b.out | grep -c 'step ')" = "$n"
done

done_testing
