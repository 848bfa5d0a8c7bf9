// Package certsvc stands for a service that keeps a hash-chained audit log
// in PostgreSQL and ships its schema as migrations. Its tests show how such a
// service proves, in its own `go test`, that its backups restore byte for
// byte: see backup_test.go.
package certsvc

import (
	"context"
	"embed"
	"io/fs"

	"github.com/jackc/pgx/v5"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations is the service's schema, in the order it is applied.
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the directory is embedded above
	}
	return sub
}

// Issue records a certificate and its audit event.
func Issue(ctx context.Context, conn *pgx.Conn, eventID, commonName string) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `INSERT INTO certificates (common_name, not_after) VALUES ($1, now() + interval '90 days')`, commonName); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO audit_events (id, actor, actor_type, action, resource_type, resource_id)
		VALUES ($1, 'certsvc', 'service', 'certificate.issue', 'certificate', $2)`, eventID, commonName); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
