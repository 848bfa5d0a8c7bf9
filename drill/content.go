package drill

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/internal/content"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// checkContent proves, after a restore, that the restored database holds
// exactly archive a's data (internal/content): one check per table and
// sequence and one for the large objects, blaming the restore for a
// difference and the archive for data it cannot read.
func (r *run) checkContent(ctx context.Context, conn *pgx.Conn, a *pgarchive.Reader) error {
	rep, err := content.Compare(ctx, conn.PgConn(), a, content.Options{})
	if err != nil {
		return fmt.Errorf("drill: content check: %w", err)
	}
	r.rep.Content = rep
	for _, t := range rep.Tables {
		name := t.QualifiedName()
		r.rep.Tables = append(r.rep.Tables, TableCount{Table: name, Archive: t.ArchiveRows, Restored: t.RestoredRows})
		what, culprit := "content of "+name, CulpritRestore
		pre := fmt.Sprintf("rows=%d", t.ArchiveRows)
		post := fmt.Sprintf("rows=%d sha256=%s", t.RestoredRows, t.SHA256)
		switch t.Status {
		case content.Reordered:
			post += fmt.Sprintf(" (same rows, heap order differs from row %d)", t.ReorderedAt)
		case content.Differs:
			d := t.Diff
			what += fmt.Sprintf(" row %d", d.Row)
			if d.Column != "" {
				what += " column " + d.Column
			}
			what += fmt.Sprintf(" (rows: archive %d, restored %d)", t.ArchiveRows, t.RestoredRows)
			pre, post = value(d.Archive), value(d.Restored)
		case content.Missing:
			post = t.Error
		case content.ArchiveError:
			culprit, post = CulpritArchive, t.Error
		case content.Unchecked:
			what += " (not checked: " + t.Error + ")"
			post = "unchecked"
		}
		r.check(culprit, what, t.Status.OK() || t.Status == content.Unchecked, pre, post)
	}
	for _, s := range rep.Sequences {
		post := fmt.Sprintf("%s is_called=%v", s.RestoredValue, s.RestoredIsCalled)
		culprit := CulpritRestore
		switch s.Status {
		case content.Missing:
			post = s.Error
		case content.ArchiveError:
			culprit, post = CulpritArchive, s.Error
		}
		r.check(culprit, "sequence "+qualified(s.Schema, s.Name), s.Status.OK(), fmt.Sprintf("%s is_called=%v", s.ArchiveValue, s.ArchiveIsCalled), post)
	}
	if lo := rep.LargeObjects; lo.Count > 0 || lo.Restored > 0 || lo.Error != "" {
		pre := fmt.Sprintf("%d objects %d bytes sha256=%s", lo.Count, lo.Bytes, lo.SHA256)
		post := fmt.Sprintf("%d objects, %d differ", lo.Restored, lo.Differ)
		culprit := CulpritRestore
		switch {
		case lo.Error != "":
			culprit, post = CulpritArchive, lo.Error
		case len(lo.Diffs) > 0:
			d := lo.Diffs[0]
			if d.Missing {
				post += fmt.Sprintf(", first: %d missing", d.OID)
			} else {
				post += fmt.Sprintf(", first: %d at byte %d: archive %s restored %s", d.OID, d.Offset, d.Archive, d.Restored)
			}
		}
		r.check(culprit, "large objects", lo.OK(), pre, post)
	}
	if r.rep.Mode == "archive" {
		r.rep.Rows = rep.Rows()
	}
	r.phase("check-content")
	return nil
}

func value(s *string) string {
	if s == nil {
		return "(no row)"
	}
	return *s
}

func qualified(schema, name string) string {
	if schema == "" {
		return name
	}
	return schema + "." + name
}
