package workload

import (
	"context"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/pgarchive/copytext"
	"github.com/pgdrill/pgdrill/pgtime"
)

// Method is how Insert sends rows. Both go through the BEFORE INSERT
// trigger, which links and hashes every row.
type Method int

const (
	// MethodCopy sends each batch as one COPY FROM STDIN.
	MethodCopy Method = iota
	// MethodInsert sends each batch as multi-row INSERT statements.
	MethodInsert
)

func (m Method) String() string {
	switch m {
	case MethodCopy:
		return "copy"
	case MethodInsert:
		return "insert"
	}
	return fmt.Sprintf("Method(%d)", int(m))
}

// DefaultBatchRows is the default transaction size. Every insert updates
// the single audit_chain_head row, and the row versions one transaction
// leaves behind cannot be pruned until it commits, so each head lookup
// walks all of them: the cost per row grows with the batch (measured on
// PostgreSQL 15: 5000 head updates in one transaction take 1.8 s, 360 µs
// each). With synchronous_commit off a commit is cheap, so a few hundred
// rows per transaction is near the optimum (about 45 µs per row in total
// for batches of 50 to 500, twice that at 1000).
const DefaultBatchRows = 250

// insertRowsPerStatement bounds a multi-row INSERT (9 parameters per row,
// under the protocol's 65535).
const insertRowsPerStatement = 500

// Insert generates cfg's rows and sends them into audit_events (the chain
// migration must have run) in transactions of cfg.BatchRows rows. It
// returns how many rows were committed.
func Insert(ctx context.Context, conn *pgx.Conn, cfg Config) (int, error) {
	batch := cfg.BatchRows
	if batch <= 0 {
		batch = DefaultBatchRows
	}
	next, stop := iter.Pull(Generate(cfg))
	defer stop()
	done := 0
	for {
		rows := make([]chain.Row, 0, batch)
		for len(rows) < batch {
			r, ok := next()
			if !ok {
				break
			}
			rows = append(rows, r)
		}
		if len(rows) == 0 {
			return done, nil
		}
		var err error
		switch cfg.Method {
		case MethodCopy:
			err = copyBatch(ctx, conn, rows)
		case MethodInsert:
			err = insertBatch(ctx, conn, rows)
		default:
			err = fmt.Errorf("unknown method %v", cfg.Method)
		}
		if err != nil {
			return done, fmt.Errorf("workload: %s rows %d..%d: %w", cfg.Method, done, done+len(rows)-1, err)
		}
		done += len(rows)
	}
}

var copySQL = fmt.Sprintf("COPY %s (%s) FROM STDIN", chain.EventsTable, quotedColumns())

func quotedColumns() string {
	cols := make([]string, len(chain.InsertColumns))
	for i, c := range chain.InsertColumns {
		cols[i] = pgx.Identifier{c}.Sanitize()
	}
	return strings.Join(cols, ", ")
}

// beginSQL opens each batch's transaction. synchronous_commit is off for
// it: the rows are synthetic, and waiting for the WAL flush at every commit
// would dominate the run time with small batches; a crash can lose the last
// batches, never corrupt the chain.
const beginSQL = "BEGIN; SET LOCAL synchronous_commit = off"

// copyBatch streams rows as one COPY in its own transaction.
func copyBatch(ctx context.Context, conn *pgx.Conn, rows []chain.Row) (err error) {
	if err := conn.PgConn().Exec(ctx, beginSQL).Close(); err != nil {
		return err
	}
	defer func() {
		end := "COMMIT"
		if err != nil {
			end = "ROLLBACK"
		}
		if endErr := conn.PgConn().Exec(ctx, end).Close(); err == nil {
			err = endErr
		}
	}()
	pr, pw := io.Pipe()
	go func() {
		var buf []byte
		fields := make([][]byte, len(chain.InsertColumns))
		for i := range rows {
			buf = copytext.AppendRow(buf, rowFields(fields, &rows[i]))
			if len(buf) >= 64<<10 || i == len(rows)-1 {
				if _, err := pw.Write(buf); err != nil {
					return
				}
				buf = buf[:0]
			}
		}
		pw.Close()
	}()
	_, err = conn.PgConn().CopyFrom(ctx, pr, copySQL)
	pr.CloseWithError(io.ErrClosedPipe) // stops the writer if COPY failed early
	return err
}

// rowFields renders r's insert columns as COPY fields (nil for NULL).
func rowFields(dst [][]byte, r *chain.Row) [][]byte {
	opt := func(s *string) []byte {
		if s == nil {
			return nil
		}
		return []byte(*s)
	}
	dst[0] = []byte(r.ID)
	dst[1] = []byte(r.Actor)
	dst[2] = []byte(r.ActorType)
	dst[3] = []byte(r.Action)
	dst[4] = []byte(r.ResourceType)
	dst[5] = []byte(r.ResourceID)
	dst[6] = opt(r.Details)
	dst[7] = []byte(pgtime.FormatISO(r.Timestamp, 0))
	dst[8] = opt(r.EventCategory)
	return dst
}

// insertBatch sends rows as multi-row INSERTs in one transaction.
func insertBatch(ctx context.Context, conn *pgx.Conn, rows []chain.Row) error {
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SET LOCAL synchronous_commit = off"); err != nil {
			return err
		}
		for start := 0; start < len(rows); start += insertRowsPerStatement {
			part := rows[start:min(start+insertRowsPerStatement, len(rows))]
			var sql strings.Builder
			fmt.Fprintf(&sql, "INSERT INTO %s (%s) VALUES ", chain.EventsTable, quotedColumns())
			args := make([]any, 0, len(part)*9)
			for i := range part {
				r := &part[i]
				if i > 0 {
					sql.WriteString(", ")
				}
				p := len(args)
				fmt.Fprintf(&sql, "($%d, $%d, $%d, $%d, $%d, $%d, $%d::text::jsonb, $%d::text::timestamptz, $%d)",
					p+1, p+2, p+3, p+4, p+5, p+6, p+7, p+8, p+9)
				args = append(args, r.ID, r.Actor, r.ActorType, r.Action, r.ResourceType, r.ResourceID,
					r.Details, pgtime.FormatISO(r.Timestamp, 0), r.EventCategory)
			}
			if _, err := tx.Exec(ctx, sql.String(), args...); err != nil {
				return err
			}
		}
		return nil
	})
}
