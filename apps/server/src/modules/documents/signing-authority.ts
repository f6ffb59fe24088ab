/**
 * Who signs in what capacity (thẩm quyền ký, NĐ 30/2020 Art 13 and Phụ lục I §II.7; vn-norms §2.1):
 * the lines printed above the signature, derived from the posts the signer holds in the issuing
 * agency on the day of signing. Pure: the caller reads the posts and authorisations.
 *
 * - the head (Giám đốc, Chủ tịch) signs as head, no prefix;
 * - an acting head (appointment `acting`) signs "Q. GIÁM ĐỐC";
 * - a deputy signs "KT. GIÁM ĐỐC" (ký thay) over their own title;
 * - an official the head authorised for the day signs "TUQ. GIÁM ĐỐC" (thừa ủy quyền);
 * - the Chánh Văn phòng and a Trưởng phòng sign "TL. GIÁM ĐỐC" (thừa lệnh);
 * - a collective body (UBND) adds "TM. ỦY BAN NHÂN DÂN" over its chair and deputies.
 */
/** As in @tinhso/contracts (SigningBlock): how the signer signs, the lines above the signature, the name. */
export type SigningAuthority = 'head' | 'acting' | 'deputy' | 'by_order' | 'authorised';
export interface SigningBlock {
  lines: string[];
  name: string;
  authority: SigningAuthority;
}

export interface SignerPost {
  positionType: string;
  /** The position type's name, e.g. "Phó Giám đốc". */
  typeName: string;
  /** The position's title, e.g. "Trưởng phòng Hành chính tư pháp". */
  title: string;
  kind: 'primary' | 'concurrent' | 'acting';
}

export interface IssuingAgency {
  kind: string;
  shortName: string | null;
  name: string;
}

export type AuthorityOutcome = { ok: true; block: SigningBlock } | { ok: false; reason: 'no_signing_post' };

const HEADS = new Set(['giam_doc', 'chu_tich']);
const DEPUTIES = new Set(['pho_giam_doc', 'pho_chu_tich']);
const BY_ORDER = new Set(['chanh_van_phong', 'truong_phong']);

export const upper = (text: string): string => text.normalize('NFC').toLocaleUpperCase('vi-VN');

const isCollective = (agency: IssuingAgency): boolean =>
  agency.kind === 'ubnd_tinh' || agency.kind === 'ubnd_xa';

/** The head's title as printed after a prefix: GIÁM ĐỐC, CHỦ TỊCH, CHÁNH THANH TRA. */
export function headTitleOf(agency: IssuingAgency): string {
  if (isCollective(agency)) return 'CHỦ TỊCH';
  if (/^thanh tra/i.test(agency.shortName ?? agency.name)) return 'CHÁNH THANH TRA';
  return 'GIÁM ĐỐC';
}

/** The signer's own title: the position's title when it names the type more precisely, else the type. */
function ownTitle(post: SignerPost): string {
  const title = post.title.normalize('NFC');
  const typeName = post.typeName.normalize('NFC');
  const precise =
    post.positionType === 'truong_phong' && title.toLowerCase().startsWith(typeName.toLowerCase());
  const printed = upper(precise ? title : typeName);
  return post.kind === 'acting' ? `Q. ${printed}` : printed;
}

const first = (posts: SignerPost[], test: (post: SignerPost) => boolean) => posts.find(test);

/**
 * The signing block for a signer holding `posts` in the issuing agency on the day of signing, with
 * `isAuthorised` when a recorded authorisation of the head covers that day. Posts in other agencies
 * must not be passed: a Giám đốc of another sở has no authority here.
 */
export function signingBlockFor(options: {
  agency: IssuingAgency;
  posts: SignerPost[];
  isAuthorised: boolean;
  fullName: string;
}): AuthorityOutcome {
  const { agency, posts, isAuthorised, fullName } = options;
  const head = headTitleOf(agency);
  const collective = isCollective(agency) ? ['TM. ỦY BAN NHÂN DÂN'] : [];
  const block = (authority: SigningAuthority, lines: string[]): AuthorityOutcome => ({
    ok: true,
    block: { authority, lines, name: fullName.normalize('NFC') },
  });

  if (first(posts, (post) => HEADS.has(post.positionType) && post.kind !== 'acting'))
    return block('head', [...collective, head]);
  if (first(posts, (post) => HEADS.has(post.positionType) && post.kind === 'acting'))
    return block('acting', [...collective, `Q. ${head}`]);
  const deputy = first(posts, (post) => DEPUTIES.has(post.positionType));
  if (deputy) return block('deputy', [...collective, `KT. ${head}`, ownTitle(deputy)]);
  const [anyPost] = posts;
  if (isAuthorised && anyPost) {
    const best = first(posts, (post) => BY_ORDER.has(post.positionType)) ?? anyPost;
    return block('authorised', [`TUQ. ${head}`, ownTitle(best)]);
  }
  const byOrder = first(posts, (post) => BY_ORDER.has(post.positionType));
  if (byOrder) return block('by_order', [`TL. ${head}`, ownTitle(byOrder)]);
  return { ok: false, reason: 'no_signing_post' };
}
