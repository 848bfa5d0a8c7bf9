package drill

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/pgarchive"
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
	r.checkAge(time.Now())
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
	if err := r.checkContent(ctx, conn, a); err != nil {
		return err
	}
	if err := r.checkPrivileges(ctx, conn, a); err != nil {
		return err
	}

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
		if ctx.Err() != nil {
			return err
		}
		// The archive's chain is readable but the restored one is not (a
		// table that failed to load): the restore did not reproduce it.
		r.check(CulpritRestore, "chain after restore", false, "readable", err.Error())
		return r.userChecks(ctx, conn)
	}
	r.rep.Rows = r.rep.AfterGo.RowCount
	r.compareChains()
	return r.userChecks(ctx, conn)
}

// checkAge records when the archive was written and, with MaxArchiveAge,
// fails the drill if that is too long before now.
func (r *run) checkAge(now time.Time) {
	mod := r.cfg.ArchiveModified
	if mod.IsZero() {
		return
	}
	utc := mod.UTC()
	r.rep.ArchiveModified = &utc
	if max := r.cfg.MaxArchiveAge; max > 0 {
		age := now.Sub(mod)
		r.check(CulpritArchive, "archive age", age <= max, "<="+max.String(),
			fmt.Sprintf("%s (written %s)", age.Round(time.Second), utc.Format(time.RFC3339)))
	}
}
