-- Role templates and position types that every installation starts with. Administrators may add
-- more; permissions are codes from packages/contracts/src/permissions.ts.

insert into role (code, name_vi, name_en, scope, permissions) values
  ('system_admin', 'Quản trị hệ thống', 'System administrator', 'province',
    array['workspace.access','org.read','org.manage','adminUnit.manage','official.read','official.manage','role.read','audit.read']),
  ('agency_admin', 'Quản trị cơ quan', 'Agency administrator', 'subtree',
    array['workspace.access','org.read','org.manage','official.read','official.manage','role.read']),
  ('leader', 'Lãnh đạo', 'Leader', 'subtree',
    array['workspace.access','org.read','official.read','role.read','audit.read']),
  ('staff', 'Công chức, viên chức', 'Staff', 'agency',
    array['workspace.access','org.read','official.read']),
  ('clerk', 'Văn thư', 'Clerk', 'agency',
    array['workspace.access','org.read','official.read']),
  ('counter_officer', 'Cán bộ tiếp nhận Một cửa', 'One-stop counter officer', 'agency',
    array['workspace.access','org.read']),
  ('auditor', 'Thanh tra, kiểm tra', 'Auditor', 'province',
    array['workspace.access','org.read','official.read','role.read','audit.read']);

insert into position_type (code, name_vi, name_en, role_codes) values
  ('chu_tich', 'Chủ tịch', 'Chairperson', array['leader']),
  ('pho_chu_tich', 'Phó Chủ tịch', 'Vice-chairperson', array['leader']),
  ('giam_doc', 'Giám đốc', 'Director', array['leader']),
  ('pho_giam_doc', 'Phó Giám đốc', 'Deputy director', array['leader']),
  ('chanh_van_phong', 'Chánh Văn phòng', 'Head of office', array['leader', 'agency_admin']),
  ('truong_phong', 'Trưởng phòng', 'Head of division', array['staff']),
  ('pho_truong_phong', 'Phó Trưởng phòng', 'Deputy head of division', array['staff']),
  ('chuyen_vien', 'Chuyên viên', 'Specialist', array['staff']),
  ('van_thu', 'Văn thư', 'Clerk', array['clerk']),
  ('can_bo_mot_cua', 'Cán bộ Một cửa', 'One-stop counter officer', array['counter_officer']),
  ('quan_tri_he_thong', 'Quản trị hệ thống', 'System administrator', array['system_admin']),
  ('thanh_tra', 'Thanh tra viên', 'Inspector', array['auditor']);
