package drill

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/pgarchive/copytext"
)

// archiveDrill restores an operator's archive and checks it.
func (r *run) archiveDrill(ctx context.Context) error {
	a := r.cfg.ArchiveReader
	if a == nil {
		rc, err := pgarchive.Open(r.cfg.Archive)
		if err != nil {
			return err
		}
		defer rc.Close()
		a = rc.Reader
	}
	r.rep.Archive = r.cfg.Archive
	if err := r.database(ctx); err != nil {
		return err
	}
	if err := r.restore(ctx, a); err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, r.url)
	if err != nil {
		return fmt.Errorf("drill: connect: %w", err)
	}
	defer conn.Close(ctx)
	if err := r.tableCounts(ctx, conn, a); err != nil {
		return err
	}
	r.phase("count-rows")

	off, err := offlineState(a)
	switch {
	case errors.Is(err, chain.ErrNoChain):
		return r.userChecks(ctx, conn)
	case err != nil:
		var ae *pgarchive.Error
		if errors.As(err, &ae) {
			return err
		}
		// The archive's chain rows cannot be read as a chain (a NULL in a
		// NOT NULL column, an unreadable timestamp): the backup is broken.
		r.check(CulpritArchive, "offline verifier", false, "clean", "error: "+err.Error())
		return r.userChecks(ctx, conn)
	}
	r.rep.Offline = off
	r.phase("verify-offline")
	if err := r.serverChain(ctx, conn); err != nil {
		return err
	}
	r.rep.Rows = r.rep.AfterGo.RowCount
	r.compareChains()
	return r.userChecks(ctx, conn)
}

// tableCounts counts every COPY-mode table's rows in the archive (by reading
// its block) and in the database, and checks they agree.
func (r *run) tableCounts(ctx context.Context, conn *pgx.Conn, a *pgarchive.Reader) error {
	var total int64
	for _, e := range a.Entries {
		if e.Desc != "TABLE DATA" || !e.CopyStmt.Valid {
			continue
		}
		want, err := archiveRows(a, e)
		if err != nil {
			return err
		}
		var got int64
		name := pgx.Identifier{e.Namespace.String, e.Tag}.Sanitize()
		if err := conn.QueryRow(ctx, "SELECT count(*) FROM ONLY "+name).Scan(&got); err != nil {
			return fmt.Errorf("drill: count %s: %w", e.Name(), err)
		}
		r.rep.Tables = append(r.rep.Tables, TableCount{Table: e.Name(), Archive: want, Restored: got})
		r.check(CulpritRestore, "rows of "+e.Name(), want == got, fmt.Sprint(want), fmt.Sprint(got))
		total += got
	}
	if r.rep.Mode == "archive" {
		r.rep.Rows = total
	}
	return nil
}

// archiveRows counts the rows of a TABLE DATA block.
func archiveRows(a *pgarchive.Reader, e *pgarchive.Entry) (int64, error) {
	b, err := a.Open(e)
	if err != nil {
		return 0, err
	}
	defer b.Close()
	cr := copytext.NewReader(b)
	var n int64
	for {
		_, err := cr.Next()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, fmt.Errorf("drill: %s: %w", e, err)
		}
		n++
	}
}
