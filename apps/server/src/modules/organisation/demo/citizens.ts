/**
 * Demo citizens (fictional). Personal id (số định danh cá nhân, 12 digits): birth-province code (3 digits:
 * 087 Đồng Tháp, 082 Tiền Giang, 083 Bến Tre, 086 Vĩnh Long, 089 An Giang, 079 TP Hồ Chí Minh, codes of the
 * pre-2025 provinces), gender and century (0 male / 1 female born 1900–1999, 2 male / 3 female born
 * 2000–2099), birth year (2 digits), serial (6 digits).
 *
 * The first citizen is fixed and used by the tests. Note: its id '087099001234' has gender digit 0 (male)
 * while the name 'Nguyễn Thị Mai' is a woman's; the id is kept as specified. The others are consistent.
 * E-mail addresses use example.com (reserved, RFC 2606); phones are unique across officials and citizens.
 */
import { mulberry32, phoneSource } from './names.ts';
import { officials } from './officials.ts';
import type { DemoCitizen } from './types.ts';

const nextPhone = phoneSource(
  mulberry32(20250702),
  officials.map((official) => official.phone),
);

const citizen = (personalId: string, fullName: string, email: string | null): DemoCitizen => ({
  personalId,
  fullName,
  phone: nextPhone(),
  email,
});

export const citizens: DemoCitizen[] = [
  citizen('087099001234', 'Nguyễn Thị Mai', 'nguyenthimai@example.com'),
  citizen('082185003417', 'Trần Thị Bích Ngọc', 'bichngoc.tran@example.com'),
  citizen('087078004521', 'Lê Văn Tâm', null),
  citizen('082201006732', 'Phạm Minh Khang', 'minhkhang.pham@example.com'),
  citizen('087303002198', 'Huỳnh Thị Kim Yến', null),
  citizen('079092008845', 'Võ Thanh Sang', 'thanhsang.vo@example.com'),
  citizen('083190005573', 'Đặng Thị Mỹ Linh', 'mylinh.dang@example.com'),
  citizen('087065001109', 'Nguyễn Văn Út', null),
  citizen('086188007764', 'Bùi Thị Hồng Nhung', 'hongnhung.bui@example.com'),
  citizen('089096000312', 'Lý Hoàng Nam', null),
];
