package dump

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgdrill/pgdrill/pgarchive"
)

// blob is one large object.
type blob struct {
	oid       uint32
	owner     string
	acl, base []string
}

// maxBlobsPerEntry is pg_dump 17's group size for BLOB METADATA entries.
const maxBlobsPerEntry = 1000

// collectBlobs reads the large objects. Format 1.14 gets one BLOB entry per
// object and a single BLOBS data entry; 1.16 gets pg_dump 17's groups of
// objects with the same owner and ACL, each a BLOB METADATA and a BLOBS
// entry.
func (d *dumper) collectBlobs() error {
	if d.opts.selective() || !d.dumpData {
		return nil // pg_dump leaves large objects out of -n, -t and -s dumps
	}
	var list []blob
	err := d.each("large objects", `SELECT oid, pg_catalog.pg_get_userbyid(lomowner), lomacl::text[], pg_catalog.acldefault('L', lomowner)::text[]
		FROM pg_catalog.pg_largeobject_metadata ORDER BY lomowner, lomacl::pg_catalog.text, oid`, nil, func(r pgx.Rows) error {
		var b blob
		if err := r.Scan(&b.oid, &b.owner, &b.acl, &b.base); err != nil {
			return err
		}
		list = append(list, b)
		return nil
	})
	if err != nil || len(list) == 0 {
		return err
	}
	if !d.opts.Format.AtLeast(pgarchive.V1_16) {
		for _, b := range list {
			id := strconv.FormatUint(uint64(b.oid), 10)
			o := d.newObject(prioBlob, "BLOB", id)
			o.setCat(pgLargeObject, b.oid)
			o.setOwner(b.owner)
			o.entry.Defn = pgarchive.Str(fmt.Sprintf("SELECT pg_catalog.lo_create('%s');\n", id))
			o.entry.DropStmt = pgarchive.Str(fmt.Sprintf("SELECT pg_catalog.lo_unlink('%s');\n", id))
			o.named("LARGE OBJECT", "LARGE OBJECT", id, id)
			o.acl, o.baseACL, o.aclOwner = b.acl, b.base, b.owner
		}
		// pg_dump 15 reads the objects for the block in OID order.
		sorted := append([]blob(nil), list...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i].oid < sorted[j].oid })
		data := d.newObject(prioBlobData, "BLOBS", "BLOBS")
		data.entry.HadDumper = true
		data.blobs = sorted
		return nil
	}
	for start := 0; start < len(list); {
		end := start + 1
		for end < len(list) && end-start < maxBlobsPerEntry && sameGroup(list[start], list[end]) {
			end++
		}
		group := list[start:end]
		start = end
		first := strconv.FormatUint(uint64(group[0].oid), 10)
		tag := first
		var defn strings.Builder
		for _, b := range group {
			fmt.Fprintf(&defn, "%d\n", b.oid)
		}
		aclTag := "LARGE OBJECT " + first
		if len(group) > 1 {
			tag = first + ".." + strconv.FormatUint(uint64(group[len(group)-1].oid), 10)
			aclTag = "LARGE OBJECTS " + tag
		}
		meta := d.newObject(prioBlobMetadata, "BLOB METADATA", tag)
		meta.setCat(pgLargeObject, group[0].oid)
		meta.setOwner(group[0].owner)
		meta.entry.Defn = pgarchive.Str(defn.String())
		meta.entry.DropStmt = pgarchive.Str("-- dummy")
		// Comments are per object; the ACL is the group's, written for the
		// first OID and repeated by pg_restore for the others.
		for _, b := range group {
			if text, ok := d.comments[commentKey{pgLargeObject, b.oid, 0}]; ok {
				id := strconv.FormatUint(uint64(b.oid), 10)
				d.commentEntry(meta, "LARGE OBJECT", id, id, text)
			}
		}
		if group[0].acl != nil {
			cmds, err := d.aclCommands("LARGE OBJECT", first, "", group[0].owner, group[0].acl, group[0].base, "")
			if err != nil {
				return fmt.Errorf("dump: ACL of large object %s: %w", first, err)
			}
			if cmds != "" {
				d.aclEntry(meta, aclTag, cmds)
			}
		}
		data := d.newObject(prioBlobData, "BLOBS", tag)
		data.setOwner(group[0].owner)
		data.entry.HadDumper = true
		data.blobs = group
		data.dependOn(meta)
		data.verbatimDeps(meta, d.preBound)
	}
	return nil
}

func sameGroup(a, b blob) bool {
	return a.owner == b.owner && strings.Join(a.acl, ",") == strings.Join(b.acl, ",") && (a.acl == nil) == (b.acl == nil)
}
