/**
 * Cards printed in scripts LeadBooth's OCR does not read (Chinese, Japanese, Korean, Cyrillic), for
 * the scanner's "cannot read this script" notice (test tooling). The name, title, company and
 * address are in the script; the e-mail, website and numbers in Latin letters and digits, as such
 * cards print them. Text is drawn with whatever font fontconfig offers for the language
 * (`fc-list :lang=zh`): `fontFor` says when there is none, so a test can skip with that reason.
 */
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';

export type ForeignScript = 'zh' | 'ja' | 'ko' | 'ru';

interface ForeignCardText {
  name: string;
  title: string;
  company: string;
  address: string[];
  email: string;
  phone: string;
  website: string;
}

/** Invented people and companies; the contact lines as printed on such cards. */
const TEXT: Record<ForeignScript, ForeignCardText> = {
  zh: { name: '王晓明', title: '销售总监', company: '上海星河科技有限公司', address: ['上海市浦东新区世纪大道100号', '环球金融中心58楼'], email: 'wang.xm@xinghe-tech.example', phone: '+86 21 6888 1234', website: 'www.xinghe-tech.example' },
  ja: { name: '佐藤 美咲', title: '営業部 部長', company: '株式会社ミライ精機', address: ['〒100-0005 東京都千代田区丸の内1-9-2', 'グラントウキョウサウスタワー'], email: 'm.sato@mirai-seiki.example', phone: '+81 3 5555 0123', website: 'www.mirai-seiki.example' },
  ko: { name: '김민준', title: '영업 이사', company: '한빛전자 주식회사', address: ['서울특별시 강남구 테헤란로 152', '강남파이낸스센터 21층'], email: 'minjun.kim@hanbit-el.example', phone: '+82 2 555 0199', website: 'www.hanbit-el.example' },
  ru: { name: 'Дмитрий Соколов', title: 'Директор по продажам', company: 'ООО «Северный Ветер»', address: ['ул. Тверская, д. 12, стр. 3', 'Москва, 125009'], email: 'd.sokolov@severveter.example', phone: '+7 495 555-01-23', website: 'www.severveter.example' },
};

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The font family fontconfig offers for the script's language, or null when the machine has none. */
export function fontFor(script: ForeignScript): string | null {
  try {
    const out = execFileSync('fc-list', [`:lang=${script}`, 'family'], { encoding: 'utf8' });
    const first = out.split('\n').map((l) => l.split(',')[0]!.trim()).filter(Boolean).sort()[0];
    return first ?? null;
  } catch {
    return null;
  }
}

/** A clean 1050×600 card in the script, as a JPEG; its contact lines for checking what was read. */
export async function drawForeignScriptCard(script: ForeignScript, font: string): Promise<{ image: Buffer; text: ForeignCardText }> {
  const t = TEXT[script];
  const rows: Array<[string, number, boolean]> = [
    [t.company, 30, true],
    [t.name, 44, true],
    [t.title, 24, false],
    ...t.address.map((a): [string, number, boolean] => [a, 20, false]),
    [`T ${t.phone}`, 20, false],
    [t.email, 20, false],
    [t.website, 20, false],
  ];
  let y = 70;
  const texts = rows.map(([text, size, bold]) => {
    const line = `<text x="60" y="${y}" font-family="${font}, DejaVu Sans" font-size="${size}" ${bold ? 'font-weight="bold"' : ''} fill="#1a1a1a">${xml(text)}</text>`;
    y += size * 1.55;
    return line;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1050" height="600"><rect width="1050" height="600" fill="#fff"/>${texts.join('')}</svg>`;
  const image = await sharp(Buffer.from(svg)).flatten({ background: '#fff' }).jpeg({ quality: 90 }).toBuffer();
  return { image, text: t };
}
