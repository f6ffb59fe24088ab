-- The system administrator may now edit role templates and position types (role.manage).
update role set permissions = array_append(permissions, 'role.manage')
  where code = 'system_admin' and not ('role.manage' = any(permissions));
