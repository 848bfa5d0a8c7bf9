package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"text/template"

	"gopkg.in/yaml.v3"
)

// deployDir holds the Kubernetes CronJob and the Helm chart of the nightly drill.
var deployDir = filepath.Join("..", "..", "deploy")

// cronJobArgs returns the drill container's args from a rendered manifest
// (several YAML documents), failing if there is no CronJob or no drill container.
func cronJobArgs(t *testing.T, manifest []byte) []string {
	t.Helper()
	dec := yaml.NewDecoder(bytes.NewReader(manifest))
	for {
		var doc struct {
			Kind string `yaml:"kind"`
			Spec struct {
				JobTemplate struct {
					Spec struct {
						Template struct {
							Spec struct {
								SecurityContext struct {
									RunAsNonRoot bool `yaml:"runAsNonRoot"`
								} `yaml:"securityContext"`
								Containers []struct {
									Name string   `yaml:"name"`
									Args []string `yaml:"args"`
								} `yaml:"containers"`
							} `yaml:"spec"`
						} `yaml:"template"`
					} `yaml:"spec"`
				} `yaml:"jobTemplate"`
			} `yaml:"spec"`
		}
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("no CronJob in the manifest (%v)", err)
		}
		if doc.Kind != "CronJob" {
			continue
		}
		pod := doc.Spec.JobTemplate.Spec.Template.Spec
		if !pod.SecurityContext.RunAsNonRoot {
			t.Errorf("the CronJob's pod may run as root")
		}
		for _, c := range pod.Containers {
			if c.Name == "drill" {
				return c.Args
			}
		}
		t.Fatal("the CronJob has no drill container")
	}
}

// checkDrillArgs parses args as the pgdrill command line the container
// runs, without running it: every flag must exist and take its value.
func checkDrillArgs(t *testing.T, args []string) {
	t.Helper()
	if len(args) == 0 || args[0] != "drill" {
		t.Fatalf("container args %q do not run the drill", args)
	}
	cmd := commandNamed(t, "drill")
	if err := cmd.ParseFlags(args[1:]); err != nil {
		t.Fatalf("container args %q: %v", args, err)
	}
	if cmd.Flags().NArg() != 0 {
		t.Errorf("container args %q: stray arguments %q", args, cmd.Flags().Args())
	}
	for _, name := range []string{"archive", "latest", "json", "max-restore-seconds", "max-age"} {
		if !cmd.Flags().Changed(name) {
			t.Errorf("container args %q lack --%s", args, name)
		}
	}
	if archive, _ := cmd.Flags().GetString("archive"); !strings.HasPrefix(archive, "s3://") || !strings.HasSuffix(archive, "/") {
		t.Errorf("--archive %q is not an s3:// prefix for --latest", archive)
	}
}

// TestDeployCronJob: the plain manifest's drill command line is one the CLI
// accepts, with the flags its comments promise.
func TestDeployCronJob(t *testing.T) {
	manifest, err := os.ReadFile(filepath.Join(deployDir, "cronjob.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	checkDrillArgs(t, cronJobArgs(t, manifest))
}

// TestDeployHelmChart renders the chart's template with its values (and with
// extra checks, an endpoint and a credentials Secret) using the few template
// functions it calls, as helm would, and checks the result: valid YAML, a
// CronJob whose drill command line the CLI accepts.
func TestDeployHelmChart(t *testing.T) {
	chart := filepath.Join(deployDir, "helm", "pgdrill-drill")
	text, err := os.ReadFile(filepath.Join(chart, "templates", "cronjob.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	funcs := template.FuncMap{
		"quote": func(v any) string {
			if s, ok := v.(string); ok {
				return strconv.Quote(s)
			}
			return strconv.Quote(strings.TrimSpace(mustYAML(t, v)))
		},
		"toYaml": func(v any) string { return strings.TrimSuffix(mustYAML(t, v), "\n") },
		"nindent": func(n int, s string) string {
			pad := strings.Repeat(" ", n)
			return "\n" + pad + strings.ReplaceAll(s, "\n", "\n"+pad)
		},
	}
	tmpl, err := template.New("cronjob").Funcs(funcs).Parse(string(text))
	if err != nil {
		t.Fatal(err)
	}
	valuesText, err := os.ReadFile(filepath.Join(chart, "values.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, extra := range []map[string]any{
		nil,
		{"checks": []any{"SELECT count(*) >= 24 FROM audit_events"}, "s3": map[string]any{
			"region": "us-east-1", "endpoint": "http://minio:9000", "credentialsSecret": "pgdrill-s3"}},
	} {
		var values map[string]any
		if err := yaml.Unmarshal(valuesText, &values); err != nil {
			t.Fatal(err)
		}
		for k, v := range extra {
			values[k] = v
		}
		var out bytes.Buffer
		if err := tmpl.Execute(&out, map[string]any{"Values": values, "Release": map[string]any{"Name": "nightly"}}); err != nil {
			t.Fatal(err)
		}
		args := cronJobArgs(t, out.Bytes())
		checkDrillArgs(t, args)
		if extra != nil && !strings.Contains(strings.Join(args, " "), "--check SELECT count(*) >= 24 FROM audit_events") {
			t.Errorf("the chart's checks are not passed as --check: %q", args)
		}
	}
}

func mustYAML(t *testing.T, v any) string {
	t.Helper()
	b, err := yaml.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
