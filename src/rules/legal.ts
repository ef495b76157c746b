/**
 * Laws a contract template must not cite any more. The 民法典 (in force 2021-01-01, art. 1260)
 * repealed the 婚姻法, 继承法, 民法通则, 收养法, 担保法, 合同法, 物权法, 侵权责任法 and 民法总则.
 * A template citing one of them still saves, with a warning naming the law and its replacement.
 */
export interface RepealedLaw {
  /** the short name as written between 《》, with or without 中华人民共和国 */
  name: string;
  repealedOn: string;
  replacedBy: string;
}

const CIVIL_CODE = '《中华人民共和国民法典》';

export const REPEALED_LAWS: readonly RepealedLaw[] = [
  { name: '合同法', repealedOn: '2021-01-01', replacedBy: `${CIVIL_CODE}第三编 合同` },
  { name: '担保法', repealedOn: '2021-01-01', replacedBy: `${CIVIL_CODE}第二编、第三编` },
  { name: '民法通则', repealedOn: '2021-01-01', replacedBy: `${CIVIL_CODE}第一编 总则` },
  { name: '民法总则', repealedOn: '2021-01-01', replacedBy: `${CIVIL_CODE}第一编 总则` },
  { name: '物权法', repealedOn: '2021-01-01', replacedBy: `${CIVIL_CODE}第二编 物权` },
  { name: '侵权责任法', repealedOn: '2021-01-01', replacedBy: `${CIVIL_CODE}第七编 侵权责任` },
  { name: '婚姻法', repealedOn: '2021-01-01', replacedBy: `${CIVIL_CODE}第五编 婚姻家庭` },
  { name: '继承法', repealedOn: '2021-01-01', replacedBy: `${CIVIL_CODE}第六编 继承` },
  { name: '收养法', repealedOn: '2021-01-01', replacedBy: `${CIVIL_CODE}第五编 婚姻家庭` },
];

export interface RepealedCitation extends RepealedLaw {
  /** the citation exactly as written, e.g. 《中华人民共和国合同法》 */
  cited: string;
  /** where it was found: the index of the text it was found in */
  index: number;
}

/**
 * Every citation of a repealed law in the texts, in order. Only titles in 《》 count: the title must
 * be the law's name, optionally prefixed with 中华人民共和国 (so 《劳动合同法》 and 《电子合同法规》 do not match).
 */
export function repealedLawCitations(texts: readonly string[]): RepealedCitation[] {
  const found: RepealedCitation[] = [];
  texts.forEach((text, index) => {
    for (const m of text.matchAll(/《([^《》]{1,40})》/g)) {
      const title = m[1].replace(/\s+/g, '').replace(/^中华人民共和国/, '');
      const law = REPEALED_LAWS.find((l) => l.name === title);
      if (law) found.push({ ...law, cited: m[0], index });
    }
  });
  return found;
}
