/* eng_roi_format: the output forms of cs-roi's model and report commands. */
#ifndef CS_ENG_ROI_FORMAT_H
#define CS_ENG_ROI_FORMAT_H
enum cs_roi_format { CS_ROI_JSON, CS_ROI_MD, CS_ROI_HTML };
#endif
