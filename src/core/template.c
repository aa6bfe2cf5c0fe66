/* template.c - embedded files and ${var} expansion (see include/cdb/template.h) */
#include <string.h>

#include "cdb/error.h"
#include "cdb/template.h"

const char *cdb_template_get(const char *name)
{
	for (const struct cdb_embedded_template *t = cdb_templates; t->name; t++)
		if (!strcmp(t->name, name))
			return t->data;
	return NULL;
}

int cdb_template_expand(struct cdb_buf *out, const char *tmpl,
                        const char *const *keys, const char *const *values, size_t n)
{
	const char *p = tmpl;

	while (*p) {
		const char *d = strchr(p, '$');
		const char *end;
		size_t i;

		if (!d) {
			cdb_buf_puts(out, p);
			break;
		}
		cdb_buf_put(out, p, (size_t)(d - p));
		if (d[1] == '$') {
			cdb_buf_putc(out, '$');
			p = d + 2;
			continue;
		}
		if (d[1] != '{' || !(end = strchr(d + 2, '}'))) {
			cdb_buf_putc(out, '$');
			p = d + 1;
			continue;
		}
		for (i = 0; i < n; i++)
			if (strlen(keys[i]) == (size_t)(end - d - 2) && !strncmp(keys[i], d + 2, (size_t)(end - d - 2)))
				break;
		if (i == n)
			return cdb_error_set(CDB_EINVALID, "unknown template variable '%.*s'",
			                     (int)(end - d - 2), d + 2);
		cdb_buf_puts(out, values[i] ? values[i] : "");
		p = end + 1;
	}
	return 0;
}
