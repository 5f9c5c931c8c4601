// User-space C with rules/libc.yaml: stdio streams, heap memory, file
// descriptors, directory streams, realloc.
//
// RUN: %ladder %s | FileCheck %s --implicit-check-not=warning:

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Fires: the stream stays open when the read fails. */
int read_header(const char *path, char *out)
{
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	if (fread(out, 1, 16, f) != 16)
		// CHECK: libc.c:[[@LINE+1]]:3: warning: 'f' from fopen() is not released on this error path; fclose() is missing [ladder-leak]
		return -1;
	fclose(f);
	return 0;
}

/* Fires: the descriptor leaks when read() fails. */
int read_fd(const char *path, char *out)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	if (read(fd, out, 16) < 0)
		// CHECK: libc.c:[[@LINE+1]]:3: warning: 'fd' from open() is not released on this error path; close() is missing [ladder-leak]
		return -1;
	close(fd);
	return 0;
}

/* Silent: every error path closes and frees. */
int copy_ok(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;

	if (!f)
		return -1;
	buf = malloc(64);
	if (!buf) {
		fclose(f);
		return -1;
	}
	if (fread(buf, 1, 64, f) != 64) {
		free(buf);
		fclose(f);
		return -1;
	}
	free(buf);
	fclose(f);
	return 0;
}

/* Silent: a failed realloc leaves the old block to the caller, who frees it. */
int grow(char **p, size_t n)
{
	char *bigger = realloc(*p, n);

	if (!bigger) {
		free(*p);
		*p = NULL;
		return -1;
	}
	*p = bigger;
	return 0;
}

/* Fires: the directory stream leaks on the early return. */
int count_entries(const char *path)
{
	DIR *d = opendir(path);
	int n = 0;

	if (!d)
		return -1;
	while (readdir(d))
		if (++n > 1000)
			// CHECK: libc.c:[[@LINE+1]]:4: warning: 'd' from opendir() is not released on this error path; closedir() is missing [ladder-leak]
			return -1;
	closedir(d);
	return n;
}
