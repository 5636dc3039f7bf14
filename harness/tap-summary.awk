# SPDX-License-Identifier: GPL-2.0
#
# tap-summary.awk -v expect=FILE -v boot=NAME LOG
#
# Reads a guest's console log (see harness/guest/init.c for the markers)
# and the expectations (lines "pass|fail NAME"), prints a line for each
# program that did not simply pass, and last "TOTAL passed failed skipped".
#
# A program expected to pass counts its TAP lines (ok, not ok, # SKIP);
# with none it counts once, by exit code (0 pass, 4 skip). A nonzero exit
# with no failed TAP line is one more failure. A program expected to fail
# counts once: it must exit nonzero. Not running at all, a missing final
# marker, and a kernel oops, BUG, WARNING or panic are failures too.

BEGIN {
	while ((getline line < expect) > 0) {
		split(line, f, " ")
		want[f[2]] = f[1]
		order[++n] = f[2]
	}
	close(expect)
}

function fail(what) { failed++; printf("  FAIL  %s: %s\n", boot, what) }

{ sub(/\r$/, "") }	# the serial console ends lines with CR LF

/^### BEGIN / { cur = $3; ok[cur] = nok[cur] = skip[cur] = 0; next }
/^### END / {
	name = $3; sub(/^rc=/, "", $4); rc = $4 + 0; done[name] = 1
	if (want[name] == "fail") {
		if (rc != 0) passed++
		else fail(name ": passed, but must fail here")
	} else if (ok[name] + nok[name] + skip[name] == 0) {
		if (rc == 0) passed++
		else if (rc == 4) { skipped++; printf("  SKIP  %s: %s\n", boot, name) }
		else fail(name ": exit code " rc)
	} else {
		passed += ok[name]; failed += nok[name]; skipped += skip[name]
		if (nok[name]) printf("  FAIL  %s: %s: %d of its tests\n", boot, name, nok[name])
		if (skip[name]) printf("  SKIP  %s: %s: %d of its tests\n", boot, name, skip[name])
		if (rc != 0 && rc != 4 && !nok[name]) fail(name ": exit code " rc)
	}
	cur = ""
	next
}
/^### ALL DONE/ { all_done = 1; next }
cur != "" && /^(not )?ok [0-9]+/ {
	if ($0 ~ /# [Ss][Kk][Ii][Pp]/) skip[cur]++
	else if ($0 ~ /^not /) { nok[cur]++; print "        " $0 }
	else ok[cur]++
	next
}
/Kernel panic|BUG: |WARNING: |Oops: |general protection fault/ {
	if (!(seen[$0]++)) fail("the kernel said: " $0)
}
END {
	for (i = 1; i <= n; i++)
		if (!done[order[i]]) fail(order[i] ": did not finish")
	if (!all_done) fail("the guest did not reach its last test (hang or panic?)")
	printf("TOTAL %d %d %d\n", passed, failed, skipped)
}
