import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { CONTENT_DIR } from "./core.js";

/**
 * Many valid article folders, for paging tests and the `articles` bench:
 * the seed's shape (actors with quotes verbatim in original.txt, a background
 * section), real country names as actors, a subject and a town of their own
 * per article, dates one day apart going back from 2024-12-31. Deterministic.
 */
const COUNTRIES: Array<[string, string, string, string]> = [
  ["japan", "Jepang", "Japan", "🇯🇵"], ["china", "Tiongkok", "China", "🇨🇳"], ["india", "India", "India", "🇮🇳"],
  ["brazil", "Brasil", "Brazil", "🇧🇷"], ["germany", "Jerman", "Germany", "🇩🇪"], ["egypt", "Mesir", "Egypt", "🇪🇬"],
  ["kenya", "Kenya", "Kenya", "🇰🇪"], ["mexico", "Meksiko", "Mexico", "🇲🇽"], ["canada", "Kanada", "Canada", "🇨🇦"],
  ["italy", "Italia", "Italy", "🇮🇹"], ["spain", "Spanyol", "Spain", "🇪🇸"], ["norway", "Norwegia", "Norway", "🇳🇴"],
  ["chile", "Cile", "Chile", "🇨🇱"], ["peru", "Peru", "Peru", "🇵🇪"], ["vietnam", "Vietnam", "Vietnam", "🇻🇳"],
  ["thailand", "Thailand", "Thailand", "🇹🇭"], ["malaysia", "Malaysia", "Malaysia", "🇲🇾"], ["australia", "Australia", "Australia", "🇦🇺"],
  ["nigeria", "Nigeria", "Nigeria", "🇳🇬"], ["poland", "Polandia", "Poland", "🇵🇱"], ["sweden", "Swedia", "Sweden", "🇸🇪"],
  ["greece", "Yunani", "Greece", "🇬🇷"], ["qatar", "Qatar", "Qatar", "🇶🇦"], ["morocco", "Maroko", "Morocco", "🇲🇦"],
  ["argentina", "Argentina", "Argentina", "🇦🇷"], ["finland", "Finlandia", "Finland", "🇫🇮"], ["ghana", "Ghana", "Ghana", "🇬🇭"],
  ["nepal", "Nepal", "Nepal", "🇳🇵"], ["portugal", "Portugal", "Portugal", "🇵🇹"], ["singapore", "Singapura", "Singapore", "🇸🇬"],
];
const SUBJECTS: Array<[string, string]> = [
  ["banjir", "floods"], ["pemilu", "election"], ["gempa", "earthquake"], ["tarif", "tariffs"], ["pelabuhan", "port"],
  ["vaksin", "vaccine"], ["kekeringan", "drought"], ["perundingan", "talks"], ["jembatan", "bridge"], ["nelayan", "fishers"],
];
/** Syllables for a made-up town per article: the distinctive word a question about it would use. */
const SYLLABLES = ["ka", "lo", "mi", "ra", "tu", "ne", "so", "pa", "di", "ge"];

export function townName(i: number): string {
  let n = i;
  let name = "";
  do {
    name += SYLLABLES[n % 10];
    n = Math.floor(n / 10);
  } while (n > 0);
  return `Ban${name}`;
}

function dateOf(i: number): string {
  return new Date(Date.UTC(2024, 11, 31) - i * 86_400_000).toISOString().slice(0, 10);
}

export function generatedArticleId(i: number): string {
  return `${dateOf(i)}-gen-${i}`;
}

function actorsOf(i: number) {
  const picks = [i % 30, (i * 7 + 3) % 30, (i * 13 + 11) % 30].filter((v, k, all) => all.indexOf(v) === k);
  return picks.map((p) => COUNTRIES[p]!);
}

/** One article folder's two files; `paddingBytes` adds paragraphs to original.txt (bigger originals). */
export function generatedArticle(i: number, paddingBytes = 0): { yaml: string; original: string } {
  const [subjectId, subjectEn] = SUBJECTS[i % SUBJECTS.length]!;
  const town = townName(i);
  const actors = actorsOf(i);
  const quote = (name: string) => `Kami mengikuti soal ${subjectId} di ${town} dengan saksama, kata ${name}`;
  const paragraphs = [
    `Soal ${subjectId} di ${town} memicu reaksi dari beberapa negara pada ${dateOf(i)}.`,
    ...actors.flatMap(([, nameId]) => [`- ${nameId}`, `"${quote(nameId)}," ujar juru bicara pemerintah ${nameId}.`]),
    `Apa Latar ${town}?`,
    `${town} adalah kota pelabuhan kecil yang bergantung pada perdagangan dan ${subjectId}.`,
  ];
  let original = `${paragraphs.join("\n\n")}\n`;
  const filler = `Warga ${town} menunggu kabar berikutnya tentang ${subjectId} sambil bekerja seperti biasa. `;
  while (original.length < paddingBytes) original += filler.repeat(20) + "\n\n";
  const data = {
    id: generatedArticleId(i),
    events_date: dateOf(i),
    language: "id",
    outlet: "Kabar Uji",
    author: `Penulis ${i}`,
    title: { id: `Reaksi atas ${subjectId} di ${town}`, en: `Reactions to the ${subjectEn} in ${town}` },
    summary: {
      short: { id: `Beberapa negara bereaksi atas ${subjectId} di ${town}.`, en: `Several countries reacted to the ${subjectEn} in ${town}.` },
      long: { id: [`Beberapa negara bereaksi atas ${subjectId} di ${town}.`], en: [`Several countries reacted to the ${subjectEn} in ${town}.`] },
    },
    actors: Object.fromEntries(
      actors.map(([id, nameId, nameEn, flag]) => [
        id,
        {
          name: { id: nameId, en: nameEn },
          flag,
          color: 0x336699,
          aliases: { id: [nameId], en: [nameEn] },
          reaction: { id: `${nameId} mengikuti soal ${subjectId} di ${town}.`, en: `${nameEn} is following the ${subjectEn} in ${town}.` },
          quotes: [
            {
              speaker: `Juru bicara ${nameId}`,
              role: { id: "Juru bicara pemerintah", en: "Government spokesperson" },
              text: quote(nameId),
              translation: `We are following the ${subjectEn} in ${town} closely, said ${nameEn}.`,
            },
          ],
        },
      ]),
    ),
    background: [
      {
        id: "town",
        title: { id: `Apa Latar ${town}?`, en: `What is ${town}?` },
        actors: [],
        keywords: { id: [town.toLowerCase(), "kota pelabuhan"], en: [town.toLowerCase(), "port town"] },
        text: { id: [`${town} adalah kota pelabuhan kecil.`], en: [`${town} is a small port town.`] },
      },
    ],
  };
  return { yaml: stringify(data), original };
}

/** A content folder holding the seed article plus `count` generated ones. */
export function writeGeneratedLibrary(dir: string, count: number, options: { paddingBytes?: number; seed?: boolean } = {}): void {
  mkdirSync(dir, { recursive: true });
  if (options.seed !== false) cpSync(CONTENT_DIR, dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const folder = join(dir, generatedArticleId(i));
    mkdirSync(folder, { recursive: true });
    const { yaml, original } = generatedArticle(i, options.paddingBytes);
    writeFileSync(join(folder, "article.yaml"), yaml);
    writeFileSync(join(folder, "original.txt"), original);
  }
}
