/* The document formats of cs-ingest, one struct each, defined in the
 * fmt_<family>.c that reads them; fmt.c lists them in cs_fmt_all. */
#ifndef CS_FMT_READERS_H
#define CS_FMT_READERS_H
#include "kit_src.h"

/* fmt_helpdesk.c */
extern const struct cs_doc_format cs_fmt_zendesk, cs_fmt_zendesk_chat, cs_fmt_freshdesk, cs_fmt_intercom,
	cs_fmt_chatwoot;
/* fmt_mail.c */
extern const struct cs_doc_format cs_fmt_mbox, cs_fmt_eml;
/* fmt_wechat.c */
extern const struct cs_doc_format cs_fmt_wechat_xml, cs_fmt_wechat_kf;
/* fmt_transcript.c */
extern const struct cs_doc_format cs_fmt_vtt, cs_fmt_srt, cs_fmt_transcript_csv, cs_fmt_transcribe;
/* fmt_dialogue.c */
extern const struct cs_doc_format cs_fmt_sgd, cs_fmt_abcd;
#endif
