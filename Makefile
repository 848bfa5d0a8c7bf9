GO ?= go
FUZZTIME ?= 30s

.PHONY: test vet bench fuzz testdata build faults

build:
	$(GO) build -o pgdrill ./cmd/pgdrill

test:
	$(GO) test ./...

vet:
	$(GO) vet ./...

# The fault-injection suite at length: FAULTS_RUNS randomized runs (restore
# and dump under terminated backends, stopped servers, signals, stalls, a
# full disk, broken input); FAULTS_SEED repeats a series. It prints the
# number of runs, the seed and the failures.
FAULTS_RUNS ?= 500
FAULTS_LOG ?= /tmp/pgdrill-faults.log
faults:
	FAULTS_RUNS=$(FAULTS_RUNS) FAULTS_SEED=$(FAULTS_SEED) FAULTS_REPORT=1 \
	  $(GO) test -count=1 -timeout 0 -v -run '^TestFaults$$' ./internal/faults >$(FAULTS_LOG) 2>&1; \
	  status=$$?; grep -E -e '--- FAIL|^faults:' $(FAULTS_LOG); echo "log: $(FAULTS_LOG)"; exit $$status

# Go micro-benchmarks, then pgdrill beside pg_dump/pg_restore on a 1M-row
# archive (bench/run.sh builds and caches it; see BENCHMARKS.md).
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	bash bench/run.sh archives read restore dump drill remote dirtar content

# Each fuzz target for $(FUZZTIME); crashers land in the package's
# testdata/fuzz/<Target>/ and become seeds that go test runs.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzReader$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./pgarchive
	$(GO) test -run '^$$' -fuzz '^FuzzLZ4Frames$$' -fuzztime $(FUZZTIME) ./pgarchive
	$(GO) test -run '^$$' -fuzz '^FuzzCopyText$$' -fuzztime $(FUZZTIME) ./pgarchive/copytext
	$(GO) test -run '^$$' -fuzz '^FuzzTimestampText$$' -fuzztime $(FUZZTIME) ./pgtime
	$(GO) test -run '^$$' -fuzz '^FuzzWriteCopyRows$$' -fuzztime $(FUZZTIME) ./cmd/pgdrill
	$(GO) test -run '^$$' -fuzz '^FuzzChainPayload$$' -fuzztime $(FUZZTIME) ./fuzz
	$(GO) test -run '^$$' -fuzz '^FuzzRoundTrip$$' -fuzztime $(FUZZTIME) ./fuzz
	$(GO) test -run '^$$' -fuzz '^FuzzSplit$$' -fuzztime $(FUZZTIME) ./internal/sqlscript

# Regenerates the archives under testdata/ and their golden outputs; needs
# PostgreSQL 15 binaries and ../shared/tools/pg17.
testdata:
	bash testdata/gen.sh
	bash testdata/inspect/gen.sh
	bash testdata/certctl/gen.sh
