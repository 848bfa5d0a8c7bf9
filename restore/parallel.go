package restore

import (
	"context"
	"sort"

	"github.com/pgdrill/pgdrill/pgarchive"
)

// fixDependencies is pg_restore's fix_dependencies: post-data entries that
// depend on a table wait for its data instead, dependency counts ignore IDs
// not in the archive, and post-data entries other than indexes note the
// tables they lock exclusively.
func (p *plan) fixDependencies() {
	for _, it := range p.items {
		it.deps = append([]int(nil), it.e.Dependencies...)
		it.revDeps, it.lockDeps, it.depCount, it.pending = nil, nil, 0, false
		if it.e.Section == pgarchive.SectionPostData {
			for i, d := range it.deps {
				if td := p.tableData[d]; td != nil {
					it.deps[i] = td.e.DumpID
					it.dataLength = max(it.dataLength, td.dataLength)
				}
			}
		}
	}
	for _, it := range p.items {
		for _, d := range it.deps {
			if dep := p.byID[d]; dep != nil {
				it.depCount++
				dep.revDeps = append(dep.revDeps, it)
			}
		}
	}
	for _, it := range p.items {
		if it.e.Section != pgarchive.SectionPostData || it.e.Desc == "INDEX" {
			continue
		}
		for _, d := range it.deps {
			if dep := p.byID[d]; dep != nil && (dep.e.Desc == "TABLE DATA" || dep.e.Desc == "TABLE") {
				it.lockDeps = append(it.lockDeps, d)
			}
		}
	}
}

// lockConflict reports whether a needs an exclusive lock on something b
// depends on.
func lockConflict(a, b *item) bool {
	for _, l := range a.lockDeps {
		for _, d := range b.deps {
			if l == d {
				return true
			}
		}
	}
	return false
}

// scheduler is the leader's view of a parallel restore.
type scheduler struct {
	r       *runner
	pending []*item // in plan order; items leave by clearing their pending flag
	ready   []*item
	running map[*item]bool
	pass    pass
}

func (sc *scheduler) reduce(it *item, useReady bool) {
	for _, o := range it.revDeps {
		o.depCount--
		if useReady && o.depCount == 0 && o.pass == sc.pass && o.pending {
			o.pending = false
			sc.ready = append(sc.ready, o)
		}
	}
}

func (sc *scheduler) moveToReady() {
	for _, it := range sc.pending {
		if it.pending && it.depCount == 0 && it.pass == sc.pass {
			it.pending = false
			sc.ready = append(sc.ready, it)
		}
	}
}

// next picks the largest ready item that takes no lock a running item
// needs, as pg_restore's pop_next_work_item does; nil if there is none.
func (sc *scheduler) next() *item {
	sort.SliceStable(sc.ready, func(i, j int) bool {
		a, b := sc.ready[i], sc.ready[j]
		if a.dataLength != b.dataLength {
			return a.dataLength > b.dataLength
		}
		return a.e.DumpID < b.e.DumpID
	})
	for i, it := range sc.ready {
		conflict := false
		for run := range sc.running {
			if lockConflict(it, run) || lockConflict(run, it) {
				conflict = true
				break
			}
		}
		if !conflict {
			sc.ready = append(sc.ready[:i], sc.ready[i+1:]...)
			return it
		}
	}
	return nil
}

type jobDone struct {
	it      *item
	created bool
	err     error
}

// parallel is pg_restore -j: the leader restores the pre-data section on its
// own connection, workers with their own connections run the rest as
// dependencies allow, and anything left over runs serially at the end.
func (r *runner) parallel(ctx context.Context, leader **session) error {
	p, o := r.plan, r.opts
	p.fixDependencies()
	sc := &scheduler{r: r, running: map[*item]bool{}}

	s := *leader
	skipped := false
	for _, it := range p.items {
		now := true
		switch it.e.Section {
		case pgarchive.SectionPreData:
		case pgarchive.SectionData, pgarchive.SectionPostData:
			now, skipped = false, true
		default:
			now = !skipped
		}
		if it.pass != passMain {
			now = false
		}
		if !now {
			it.pending = true
			sc.pending = append(sc.pending, it)
			continue
		}
		created, err := s.restoreEntry(ctx, it, false)
		if err != nil {
			return err
		}
		if created {
			r.markCreated(it)
		}
		r.entryDone(it)
		sc.reduce(it, false)
	}
	s.close(ctx)

	// Workers: each owns a connection and runs one item at a time.
	work := make(chan *item)
	done := make(chan jobDone)
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	nworkers := o.Jobs
	workerErr := make(chan error, nworkers)
	started := 0
	for range nworkers {
		ws, err := r.connect(wctx, false)
		if err != nil {
			close(work)
			for range started {
				<-workerErr
			}
			return err
		}
		started++
		go func() {
			defer ws.close(context.Background())
			for it := range work {
				created, err := ws.restoreEntry(wctx, it, true)
				done <- jobDone{it, created, err}
			}
			workerErr <- nil
		}()
	}

	idle := nworkers
	var firstErr error
	finish := func(d jobDone) {
		idle++
		delete(sc.running, d.it)
		if d.err != nil {
			if firstErr == nil {
				firstErr = d.err
				cancel()
			}
			return
		}
		if d.created {
			r.markCreated(d.it)
		}
		r.entryDone(d.it)
		sc.reduce(d.it, true)
	}

	sc.pass = passMain
	sc.moveToReady()
	for firstErr == nil {
		it := sc.next()
		if it != nil {
			if it.reqs&(reqSchema|reqData) == 0 {
				sc.reduce(it, true)
				continue
			}
			o.logf("launching item %d %s %s", it.e.DumpID, it.e.Desc, it.e.Tag)
			sc.running[it] = true
			idle--
			work <- it
			if idle == 0 {
				finish(<-done)
			}
			continue
		}
		if len(sc.running) == 0 {
			if sc.pass == passPostACL {
				break
			}
			sc.pass++
			sc.moveToReady()
			continue
		}
		finish(<-done)
	}
	for len(sc.running) > 0 {
		finish(<-done)
	}
	close(work)
	for range nworkers {
		<-workerErr
	}
	if firstErr != nil {
		return firstErr
	}

	// Mop up what the dependencies never released, on a fresh leader
	// connection, as pg_restore does.
	ns, err := r.connect(ctx, false)
	if err != nil {
		return err
	}
	*leader = ns
	for _, it := range sc.pending {
		if !it.pending {
			continue
		}
		o.logf("processing missed item %d %s %s", it.e.DumpID, it.e.Desc, it.e.Tag)
		created, err := ns.restoreEntry(ctx, it, false)
		if err != nil {
			return err
		}
		if created {
			r.markCreated(it)
		}
		r.entryDone(it)
	}
	return nil
}
