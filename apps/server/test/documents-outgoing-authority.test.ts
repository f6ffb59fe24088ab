import { describe, expect, it } from 'vitest';
import { signingBlockFor, type SignerPost } from '../src/modules/documents/signing-authority.ts';

// Thẩm quyền ký (NĐ 30/2020 Art 13, Phụ lục I §II.7; vn-norms §2.1): the lines printed above the
// signature follow from the posts held in the issuing agency on the day of signing.

const so = { kind: 'so', shortName: 'Sở Tư pháp', name: 'Sở Tư pháp tỉnh Đồng Tháp' };
const ubnd = { kind: 'ubnd_tinh', shortName: 'UBND tỉnh', name: 'Ủy ban nhân dân tỉnh Đồng Tháp' };
const thanhTra = { kind: 'khac', shortName: 'Thanh tra tỉnh', name: 'Thanh tra tỉnh Đồng Tháp' };

const post = (
  positionType: string,
  typeName: string,
  kind: SignerPost['kind'] = 'primary',
  title = typeName,
): SignerPost => ({
  positionType,
  typeName,
  title,
  kind,
});

const block = (agency: typeof so, posts: SignerPost[], isAuthorised = false) =>
  signingBlockFor({ agency, posts, isAuthorised, fullName: 'Huỳnh Thị Ngọc Hân' });

describe('signing authority', () => {
  it('prints the head of a sở without a prefix, and TM. over the chair of a people’s committee', () => {
    expect(block(so, [post('giam_doc', 'Giám đốc')])).toEqual({
      ok: true,
      block: { authority: 'head', lines: ['GIÁM ĐỐC'], name: 'Huỳnh Thị Ngọc Hân' },
    });
    expect(block(ubnd, [post('chu_tich', 'Chủ tịch')])).toMatchObject({
      block: { authority: 'head', lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] },
    });
    expect(block(thanhTra, [post('giam_doc', 'Giám đốc')])).toMatchObject({
      block: { lines: ['CHÁNH THANH TRA'] },
    });
  });

  it('prints KT. over a deputy’s own title (TM. first for the committee)', () => {
    expect(block(so, [post('pho_giam_doc', 'Phó Giám đốc')])).toMatchObject({
      block: { authority: 'deputy', lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] },
    });
    expect(block(ubnd, [post('pho_chu_tich', 'Phó Chủ tịch')])).toMatchObject({
      block: { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] },
    });
  });

  it('prints Q. for an acting head, and Q. before the title of any other acting post', () => {
    expect(block(so, [post('giam_doc', 'Giám đốc', 'acting')])).toMatchObject({
      block: { authority: 'acting', lines: ['Q. GIÁM ĐỐC'] },
    });
    expect(block(ubnd, [post('chu_tich', 'Chủ tịch', 'acting')])).toMatchObject({
      block: { lines: ['TM. ỦY BAN NHÂN DÂN', 'Q. CHỦ TỊCH'] },
    });
    const actingHeadOfDivision = post(
      'truong_phong',
      'Trưởng phòng',
      'acting',
      'Trưởng phòng Hành chính tư pháp',
    );
    expect(block(so, [actingHeadOfDivision])).toMatchObject({
      block: { authority: 'by_order', lines: ['TL. GIÁM ĐỐC', 'Q. TRƯỞNG PHÒNG HÀNH CHÍNH TƯ PHÁP'] },
    });
  });

  it('prints TL. for the office chief and a head of division, TUQ. when the head authorised the signer', () => {
    expect(block(so, [post('chanh_van_phong', 'Chánh Văn phòng')])).toMatchObject({
      block: { authority: 'by_order', lines: ['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG'] },
    });
    const headOfDivision = post('truong_phong', 'Trưởng phòng', 'primary', 'Trưởng phòng Hành chính tư pháp');
    expect(block(so, [headOfDivision], true)).toMatchObject({
      block: { authority: 'authorised', lines: ['TUQ. GIÁM ĐỐC', 'TRƯỞNG PHÒNG HÀNH CHÍNH TƯ PHÁP'] },
    });
    expect(block(so, [post('chuyen_vien', 'Chuyên viên')], true)).toMatchObject({
      block: { authority: 'authorised', lines: ['TUQ. GIÁM ĐỐC', 'CHUYÊN VIÊN'] },
    });
  });

  it('takes the highest capacity of several posts, and refuses whoever has no signing post', () => {
    const deputyAndHeadOfDivision = [
      post('truong_phong', 'Trưởng phòng', 'concurrent'),
      post('pho_giam_doc', 'Phó Giám đốc'),
    ];
    expect(block(so, deputyAndHeadOfDivision)).toMatchObject({ block: { authority: 'deputy' } });
    expect(
      block(so, [post('pho_giam_doc', 'Phó Giám đốc'), post('giam_doc', 'Giám đốc', 'acting')]),
    ).toMatchObject({
      block: { authority: 'acting', lines: ['Q. GIÁM ĐỐC'] },
    });
    expect(block(so, [post('chuyen_vien', 'Chuyên viên')])).toEqual({ ok: false, reason: 'no_signing_post' });
    expect(block(so, [])).toEqual({ ok: false, reason: 'no_signing_post' });
    // An authorisation without any post in the agency gives nothing (a post elsewhere is not passed in).
    expect(block(so, [], true)).toEqual({ ok: false, reason: 'no_signing_post' });
  });
});
