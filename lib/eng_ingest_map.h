/* cs_fieldmap: --map to=from[:type],... for foreign field names.
 * Paths are dotted (customer.id); a backslash escapes '.', ',', '=', ':' and
 * '\' inside a name. Types: string, number, bool, time, json; without one the
 * value is copied as it is, except that a target named ts is read as a time
 * (RFC 3339 UTC out) and a target named id or ending in _id or .id becomes a
 * string (numbers keep their digits exactly). For CSV, from is a header name
 * or, with --no-header, a 1-based column number. The map owns its strings. */
#ifndef CS_FIELDMAP_H
#define CS_FIELDMAP_H
#include <stddef.h>
#include "kit_buf.h"
#include "kit_jedit.h"
#include "kit_json.h"

enum cs_ftype { CS_FT_AS_IS, CS_FT_STRING, CS_FT_NUMBER, CS_FT_BOOL, CS_FT_TIME, CS_FT_JSON };

typedef struct {
	cs_path to, from;
	char *from_text;         /* unescaped source spec, for CSV header lookup */
	char *to_text;           /* dotted target as written, for messages */
	enum cs_ftype type;
	char *const_json;        /* --set: a fixed JSON string value instead of a source */
	char *time_format;       /* --mapping: a strptime-like pattern for this field's times */
	char **value_from;       /* --mapping: source texts mapped to JSON values... */
	char **value_to;         /* ...these, exactly (value_from "*": any other text) */
	size_t nvalues;
} cs_fieldmap_item;

typedef struct {
	cs_fieldmap_item *item;
	size_t n;
} cs_fieldmap;

/* Parse one --map argument (several items separated by ','), appending to m.
 * Returns 0, or -1 with a reason in err. */
int cs_fieldmap_parse(cs_fieldmap *m, const char *spec, char *err, size_t errlen);
/* Parse one --set to=value (value taken literally as a string, commas
 * included), appending to m. Returns 0, or -1 with a reason in err. */
int cs_fieldmap_parse_set(cs_fieldmap *m, const char *spec, char *err, size_t errlen);
void cs_fieldmap_free(cs_fieldmap *m);

/* What a --mapping file sets besides fields. NULL / 0 where it says nothing. */
struct cs_mapping_settings {
	char *format, *tz, *date_order;
	char delimiter;
	char **time_formats;   /* NULL-terminated */
	int keep_mapped;       /* -1: not said */
};

/* Load a --mapping file (JSON; see cs-ingest(1) MAPPING FILES) into m and
 * set. Returns 0, or -1 with a reason in err. */
int cs_mapping_parse(cs_fieldmap *m, struct cs_mapping_settings *set, const char *json, size_t n, char *err,
		     size_t errlen);
void cs_mapping_settings_free(struct cs_mapping_settings *set);
/* Read the mapping file name, or the preset of that name in the share
 * directory (mappings/NAME.json) when name has no '/' and is no file here. */
int cs_mapping_load(const char *name, cs_fieldmap *m, struct cs_mapping_settings *set, char *err, size_t errlen);

/* Convert a raw JSON value (of the given type; a string's contents are its
 * text) to the item's type, appending JSON to out; max_depth limits a value
 * read as JSON. Returns 0, or -1 with a reason in err ("'abc' is not a number"). */
int cs_fieldmap_convert(const cs_fieldmap_item *it, const char *raw, size_t n, enum cs_jtype type,
			int max_depth, cs_buf *out, char *err, size_t errlen);

#endif
