package remote

// SetUploadSizes shrinks an upload's held first part and later parts, so
// tests reach multipart uploads with little data (S3's minimum part is 5 MiB).
func SetUploadSizes(u *Upload, hold, part int) { u.holdSize, u.partSize = hold, part }
