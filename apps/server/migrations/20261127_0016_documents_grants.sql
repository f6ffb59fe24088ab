-- The system administrator creates positions, and nobody grants what they do not hold
-- (organisation/assert-can-grant.ts): to create a Giám đốc's or a văn thư's position now that those
-- roles carry the document permissions (20261127_0016_documents.sql), the administrator holds them too,
-- as with the dossier permissions (migration 0007).
update role set permissions = permissions || array['document.read', 'document.register', 'document.issue']
  where code = 'system_admin';
