package dump

import "fmt"

// CheckParts reports an error if opts combine -s, -a, --statistics and
// the other part options in a way pg_dump 18 refuses; Run checks it too.
func CheckParts(opts Options) error { return opts.checkParts() }

// checkParts refuses the combinations of -s, -a, --statistics and the
// other part options that pg_dump 18 refuses, with its words.
func (o *Options) checkParts() error {
	pairs := []struct {
		a, b   bool
		na, nb string
	}{
		{o.DataOnly, o.SchemaOnly, "-s/--schema-only", "-a/--data-only"},
		{o.SchemaOnly, o.StatisticsOnly, "-s/--schema-only", "--statistics-only"},
		{o.DataOnly, o.StatisticsOnly, "-a/--data-only", "--statistics-only"},
		{o.DataOnly, o.NoData, "-a/--data-only", "--no-data"},
		{o.SchemaOnly, o.NoSchema, "-s/--schema-only", "--no-schema"},
		{o.StatisticsOnly, o.NoStatistics, "--statistics-only", "--no-statistics"},
		{o.Statistics, o.NoStatistics, "--statistics", "--no-statistics"},
		{o.DataOnly, o.Statistics, "-a/--data-only", "--statistics"},
		{o.SchemaOnly, o.Statistics, "-s/--schema-only", "--statistics"},
	}
	for _, p := range pairs {
		if p.a && p.b {
			return fmt.Errorf("dump: options %s and %s cannot be used together", p.na, p.nb)
		}
	}
	return nil
}

// parts is what a dump with these options holds, by pg_dump 18's rules:
// schema and data unless an -only option or a --no- option leaves them
// out; statistics only with --statistics or --statistics-only.
func (o *Options) parts() (schema, data, stats bool) {
	schema = (!o.DataOnly && !o.StatisticsOnly || o.SchemaOnly) && !o.NoSchema
	data = (!o.SchemaOnly && !o.StatisticsOnly || o.DataOnly) && !o.NoData
	stats = (o.StatisticsOnly || o.Statistics) && !o.NoStatistics
	return schema, data, stats
}
