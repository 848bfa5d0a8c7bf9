package main

// dbname.go holds the connection flags every connecting command (dump,
// restore, drill -d) shares, named and read as the PostgreSQL tools name and
// read them.

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/spf13/pflag"
	"golang.org/x/term"
)

// connString turns a -d argument into a connection string pgx parses, as
// the PostgreSQL tools read -d: URLs and key=value strings pass through, a
// bare name becomes dbname=NAME, and an empty one leaves everything to the
// PG* environment variables.
func connString(d string) string {
	if d == "" || isConnString(d) {
		return d
	}
	return "dbname=" + quoteConnValue(d)
}

// isConnString reports whether -d holds a URL or key=value string rather
// than a database name, as libpq decides.
func isConnString(d string) bool {
	return strings.HasPrefix(d, "postgres://") || strings.HasPrefix(d, "postgresql://") || strings.Contains(d, "=")
}

func quoteConnValue(v string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
}

// connFlags are pg_dump's and pg_restore's connection options.
type connFlags struct {
	dbname     string
	host       string
	port       string
	username   string
	noPassword bool // -w: never prompt
	password   bool // -W: prompt before connecting
	role       string
}

// passwordPrompt reads the password -W asks for; tests replace it.
var passwordPrompt = terminalPassword

// add registers the flags on fl. dbHelp describes -d for this command.
func (c *connFlags) add(fl *pflag.FlagSet, dbHelp string, role bool) {
	fl.StringVarP(&c.dbname, "dbname", "d", "", dbHelp)
	fl.StringVarP(&c.host, "host", "h", "", "database server host or socket directory (default: PGHOST, else local socket)")
	fl.StringVarP(&c.port, "port", "p", "", "database server port number (default: PGPORT, else 5432)")
	fl.StringVarP(&c.username, "username", "U", "", "connect as this database user (default: PGUSER, else the OS user)")
	fl.BoolVarP(&c.noPassword, "no-password", "w", false, "never prompt for a password")
	fl.BoolVarP(&c.password, "password", "W", false, "prompt for a password on the terminal before connecting")
	if role {
		fl.StringVar(&c.role, "role", "", "SET ROLE to this role after connecting")
	}
}

// given reports whether any option besides -d was set.
func (c *connFlags) given() bool {
	return c.host != "" || c.port != "" || c.username != "" || c.password || c.role != ""
}

// connString combines -d with the other options into one connection string
// for pgx, which then applies the PG* variables, the service file and
// .pgpass as libpq does. As in libpq, where pg_dump passes -d last, what a
// -d connection string says wins over -h/-p/-U. The result is checked: a
// malformed string is a usage error.
func (c *connFlags) connString() (string, error) {
	if c.password && c.noPassword {
		return "", usageError(errors.New("-w/--no-password and -W/--password cannot be used together"))
	}
	kv := map[string]string{}
	if c.host != "" {
		kv["host"] = c.host
	}
	if c.port != "" {
		kv["port"] = c.port
	}
	if c.username != "" {
		kv["user"] = c.username
	}
	if c.role != "" {
		// Sent in the startup packet, it sets the role for the session as
		// SET ROLE does, before the first statement.
		kv["role"] = c.role
	}
	if c.password {
		pw, err := passwordPrompt()
		if err != nil {
			return "", usageError(fmt.Errorf("password prompt: %w", err))
		}
		kv["password"] = pw
	}
	s, err := mergeConn(c.dbname, kv)
	if err != nil {
		return "", usageError(err)
	}
	if _, err := pgconn.ParseConfig(s); err != nil {
		return "", usageError(fmt.Errorf("connection options: %w", redact(err)))
	}
	return s, nil
}

// redact drops pgconn's echo of the connection string from a parse error,
// since it may hold a password.
func redact(err error) error {
	var pe *pgconn.ParseConfigError
	if errors.As(err, &pe) {
		msg := pe.Error()
		if pe.ConnString != "" {
			msg = strings.ReplaceAll(msg, pe.ConnString, "…")
		}
		return errors.New(msg)
	}
	return err
}

// mergeConn puts the settings in kv under the -d value d, whose own
// settings win.
func mergeConn(d string, kv map[string]string) (string, error) {
	if len(kv) == 0 {
		return connString(d), nil
	}
	if strings.HasPrefix(d, "postgres://") || strings.HasPrefix(d, "postgresql://") {
		u, err := url.Parse(d)
		if err != nil {
			return "", fmt.Errorf("-d: cannot add -h/-p/-U/-W/--role to this URL: %w", err)
		}
		q := u.Query()
		has := map[string]bool{"host": u.Hostname() != "", "port": u.Port() != "",
			"user": u.User != nil && u.User.Username() != "", "password": hasPassword(u)}
		for k, v := range kv {
			if !has[k] && !q.Has(k) {
				q.Set(k, v)
			}
		}
		u.RawQuery = q.Encode()
		return u.String(), nil
	}
	keys := make([]string, 0, len(kv))
	for k := range kv {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%s ", k, quoteConnValue(kv[k]))
	}
	// Later settings win in a key=value string, so -d goes last.
	b.WriteString(connString(d))
	return strings.TrimSpace(b.String()), nil
}

func hasPassword(u *url.URL) bool {
	if u.User == nil {
		return false
	}
	_, ok := u.User.Password()
	return ok
}

// terminalPassword prompts on the terminal, as pg_dump -W does.
func terminalPassword() (string, error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return "", fmt.Errorf("-W needs a terminal: %w", err)
	}
	defer tty.Close()
	io.WriteString(tty, "Password: ")
	pw, err := term.ReadPassword(int(tty.Fd()))
	io.WriteString(tty, "\n")
	return string(pw), err
}
