GO ?= go
FUZZTIME ?= 30s

.PHONY: test vet bench fuzz testdata build

build:
	$(GO) build -o pgdrill ./cmd/pgdrill

test:
	$(GO) test ./...

vet:
	$(GO) vet ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzReader$$' -fuzztime $(FUZZTIME) ./pgarchive

# Regenerates the archives under testdata/ and their golden outputs; needs
# PostgreSQL 15 binaries and ../shared/tools/pg17.
testdata:
	bash testdata/gen.sh
