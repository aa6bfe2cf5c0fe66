/*
 * launch - run one command and report what it cost.
 *
 *   launch CMD [ARGS...]      (started by timer.py with a pipe on fd 3)
 *
 * Writes "wall_ns user_us sys_us maxrss_kib status" to fd 3 once CMD has
 * been reaped.  It exists because a child forked from the Python timer
 * inherits Python's memory high-water mark, which the kernel carries across
 * exec into ru_maxrss; forking from this small process instead makes the
 * reported peak the command's own (or its largest waited-for child's).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* glibc declares wait4 only with _DEFAULT_SOURCE; declare it here. */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	int status, code;
	pid_t pid;
	FILE *rep;

	if (argc < 2) {
		fprintf(stderr, "usage: launch CMD [ARGS...]\n");
		return 127;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("launch: fork");
		return 127;
	}
	if (pid == 0) {
		close(3);
		execvp(argv[1], argv + 1);
		fprintf(stderr, "launch: cannot run '%s': %s\n", argv[1], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("launch: wait4");
			return 127;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
	rep = fdopen(3, "w");
	if (rep == NULL) {
		perror("launch: fd 3");
		return 127;
	}
	fprintf(rep, "%lld %lld %lld %ld %d\n",
		(long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec),
		(long long)ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec,
		(long long)ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec,
		ru.ru_maxrss, code);
	return fclose(rep) == 0 ? 0 : 127;
}
