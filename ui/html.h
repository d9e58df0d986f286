/* html.h: a recorded run as one self-contained HTML page (`weft report
 * DB --html FILE`, `weft test --html DIR`): the run's facts, each finding
 * with its report, the Coffman conditions of a deadlock and the replay
 * lines, and a sequence diagram in inline SVG: a lane per goroutine, time
 * flowing down a row per event, the blocked stretches as bars (red when
 * blocked to the end), go statements as arrows, the wait-for cycle of a
 * deadlock drawn under the lanes, the two accesses of a race joined. No
 * script and nothing fetched: a CI artifact or a slide opens it offline.
 * Owns: nothing; reads the loaded run of a viewmodel (ui/viewmodel.h). */
#ifndef WF_HTML_H
#define WF_HTML_H

#include "ui/viewmodel.h"

/* Rows of the diagram at most: a longer run shows its last HTML_MAX_ROWS
 * events (findings come at the end) and says so. */
#define HTML_MAX_ROWS 4000

/* Append the page of the run m has loaded to out. db: the database's
 * path, for the replay line of the run. O(events shown x tasks). */
void html_page(viewmodel *m, const char *db, buf *out);
/* s escaped as HTML text or attribute value (invalid UTF-8 replaced). */
void html_escape(buf *out, const char *s);

#endif
