package main

import "testing"

func TestConnString(t *testing.T) {
	tests := map[string]string{
		"":                            "",
		"mydb":                        "dbname='mydb'",
		"it's":                        `dbname='it\'s'`,
		"postgres://u@h/db":           "postgres://u@h/db",
		"host=/tmp dbname=x":          "host=/tmp dbname=x",
		`back\slash`:                  `dbname='back\\slash'`,
		"postgresql://h:5/x?sslmode=": "postgresql://h:5/x?sslmode=",
	}
	for in, want := range tests {
		if got := connString(in); got != want {
			t.Errorf("connString(%q) = %q, want %q", in, got, want)
		}
	}
}
